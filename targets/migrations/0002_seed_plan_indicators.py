from django.db import migrations


def seed(apps, schema_editor):
    from targets.plan import ensure_plan_indicators

    ensure_plan_indicators(apps.get_model("targets", "Indicator"), apps.get_model("reference", "ResponsibleUnit"))


class Migration(migrations.Migration):
    dependencies = [
        ("reference", "0002_seed_reference_data"),
        ("targets", "0001_squashed_0005"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
