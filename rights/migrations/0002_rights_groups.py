"""The rights administrators' and handlers' groups, with access to the Wagtail admin (where the case menu is).

Permissions are created here rather than left to post_migrate so that the groups are complete on a
fresh database.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from rights.roles import RIGHTS_ADMIN_GROUP, RIGHTS_HANDLER_GROUP, ensure_groups


def create_groups(apps, schema_editor):
    app_config = apps.get_app_config("rights")
    # The migration state's app config has no models module; create_permissions only checks it is set.
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    ensure_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[RIGHTS_ADMIN_GROUP, RIGHTS_HANDLER_GROUP]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0001_squashed_0006"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
