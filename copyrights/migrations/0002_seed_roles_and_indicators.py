from django.contrib.auth.management import create_permissions
from django.db import migrations

from copyrights.indicators import ensure_copyright_indicators
from copyrights.roles import ensure_copyright_roles


def seed(apps, schema_editor):
    app_config = apps.get_app_config("copyrights")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    ensure_copyright_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))
    ensure_copyright_indicators(apps.get_model("targets", "Indicator"), apps.get_model("reference", "ResponsibleUnit"))


class Migration(migrations.Migration):
    dependencies = [
        ("copyrights", "0001_squashed_0003"),
        ("accounts", "0003_seed_roles"),
        ("targets", "0002_seed_plan_indicators"),
        ("reference", "0002_seed_reference_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
