"""The rights administrators' and handlers' groups, with access to the Wagtail admin (where the case menu is).

Administrators may also name handlers (the Handler snippet). Permissions are created here rather than
left to post_migrate so that the groups are complete on a fresh database.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMIN_GROUP = "维权管理员"
HANDLER_GROUP = "维权办理人员"


def create_groups(apps, schema_editor):
    app_config = apps.get_app_config("rights")
    # The migration state's app config has no models module; create_permissions only checks it is set.
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    handler_permissions = Permission.objects.filter(
        content_type__app_label="rights",
        codename__in=["add_handler", "change_handler", "delete_handler", "view_handler"],
    )
    admins, _created = Group.objects.get_or_create(name=ADMIN_GROUP)
    admins.permissions.add(*access_admin, *handler_permissions)
    handlers, _created = Group.objects.get_or_create(name=HANDLER_GROUP)
    handlers.permissions.add(*access_admin)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[ADMIN_GROUP, HANDLER_GROUP]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
