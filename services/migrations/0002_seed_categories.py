from django.db import migrations

from services.categories import ensure_categories


def seed(apps, schema_editor):
    ensure_categories(apps.get_model("services", "ServiceCategory"))


class Migration(migrations.Migration):
    dependencies = [("services", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
