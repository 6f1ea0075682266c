"""The register data managers also record customs recordals; the targets count them (without a target)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from register.indicators import ensure_customs_indicator
from register.roles import ensure_register_managers


def seed(apps, schema_editor):
    app_config = apps.get_app_config("register")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    ensure_register_managers(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))
    ensure_customs_indicator(apps.get_model("targets", "Indicator"), apps.get_model("reference", "ResponsibleUnit"))


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0002_seed_role"),
        ("register", "0001_squashed_0008"),
        ("targets", "0002_seed_plan_indicators"),
        ("reference", "0002_seed_reference_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
