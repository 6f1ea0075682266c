"""Wagtail's root page and root collection are created named "Root", and its default workflow "Moderators
approval", which the admin shows at the top of the page tree, in every page chooser, in the collection menus
and on the editor's submit button ("提交给Moderators approval"); the staff work in Chinese."""

from django.db import migrations

ROOT_TITLE = "全部页面"
ROOT_COLLECTION = "全部集合"
DEFAULT_WORKFLOW = "内容审核"


def rename_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title=ROOT_TITLE, draft_title=ROOT_TITLE)
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name="Root").update(name=ROOT_COLLECTION)
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name="Moderators approval").update(name=DEFAULT_WORKFLOW)


def restore_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=ROOT_TITLE).update(title="Root", draft_title="Root")
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name=ROOT_COLLECTION).update(name="Root")
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=DEFAULT_WORKFLOW).update(name="Moderators approval")


class Migration(migrations.Migration):
    dependencies = [("cms", "0002_knowledge_platform"), ("wagtailcore", "0048_add_default_workflows")]

    operations = [migrations.RunPython(rename_root, restore_root)]
