"""The platform's roles (`accounts.roles.ROLES`): each group with its named permissions.

Permissions are created here rather than left to post_migrate so that the groups are complete on a
fresh database. `load_demo` and the re-seeding after a test's flush call the same function.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from accounts.roles import ensure_roles

APPS_WITH_ROLE_PERMISSIONS = ["accounts", "listings", "payments", "rights", "services", "targets", "training"]


def seed_roles(apps, schema_editor):
    for label in APPS_WITH_ROLE_PERMISSIONS:
        app_config = apps.get_app_config(label)
        # The migration state's app config has no models module; create_permissions only checks it is set.
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    ensure_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_squashed_0002"),
        ("listings", "0001_squashed_0008"),
        ("payments", "0001_squashed_0004"),
        ("rights", "0001_squashed_0006"),
        ("services", "0001_squashed_0010"),
        ("targets", "0001_squashed_0005"),
        ("training", "0001_squashed_0004"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    # Going back leaves the groups: people may have been put in them since.
    operations = [migrations.RunPython(seed_roles, migrations.RunPython.noop)]
