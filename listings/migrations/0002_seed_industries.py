from django.db import migrations

from listings.industries import ensure_industries


def seed(apps, schema_editor):
    ensure_industries(apps.get_model("listings", "Industry"))


class Migration(migrations.Migration):
    dependencies = [("listings", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
