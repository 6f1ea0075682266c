"""Wagtail's root page and root collection are created named "Root", which the admin shows at the top of
the page tree, in every page chooser and in the collection menus; the staff work in Chinese."""

from django.db import migrations

ROOT_TITLE = "全部页面"
ROOT_COLLECTION = "全部集合"


def rename_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title=ROOT_TITLE, draft_title=ROOT_TITLE)
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name="Root").update(name=ROOT_COLLECTION)


def restore_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=ROOT_TITLE).update(title="Root", draft_title="Root")
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name=ROOT_COLLECTION).update(name="Root")


class Migration(migrations.Migration):
    dependencies = [("cms", "0002_knowledge_platform"), ("wagtailcore", "0025_collection_initial_data")]

    operations = [migrations.RunPython(rename_root, restore_root)]
