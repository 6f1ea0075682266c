from django.db import migrations

from reference.data import ensure_reference_data


def seed(apps, schema_editor):
    ensure_reference_data(apps.get_model("reference", "District"), apps.get_model("reference", "ResponsibleUnit"))


class Migration(migrations.Migration):
    dependencies = [("reference", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
