"""The register data managers' group (`accounts.roles.REGISTER_MANAGERS`) with its permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from register.roles import FIRST_PERMISSIONS, ensure_register_managers


def seed_group(apps, schema_editor):
    app_config = apps.get_app_config("register")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    ensure_register_managers(
        apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), permissions=FIRST_PERMISSIONS
    )


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0001_squashed_0008"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(seed_group, migrations.RunPython.noop)]
