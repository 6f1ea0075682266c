"""Wagtail's own migrations create the groups "Moderators" and "Editors", which the admin lists beside our
roles (accounts/roles.py) and names in the default workflow's task; the staff work in Chinese."""

from django.db import migrations

GROUP_NAMES = {"Moderators": "页面审核员", "Editors": "页面编辑员"}


def rename(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for english, chinese in GROUP_NAMES.items():
        if not Group.objects.filter(name=chinese).exists():
            Group.objects.filter(name=english).update(name=chinese)


def restore(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for english, chinese in GROUP_NAMES.items():
        Group.objects.filter(name=chinese).update(name=english)


class Migration(migrations.Migration):
    dependencies = [("cms", "0003_wagtail_defaults_in_chinese"), ("wagtailcore", "0002_initial_data")]

    operations = [migrations.RunPython(rename, restore)]
