"""The patent analysts' group (`accounts.roles.PATENT_ANALYSTS`) with its permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from analysis.roles import ensure_patent_analysts


def seed_group(apps, schema_editor):
    app_config = apps.get_app_config("analysis")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    ensure_patent_analysts(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(seed_group, migrations.RunPython.noop)]
