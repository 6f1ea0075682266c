from django.db import migrations


def sync(apps, schema_editor):
    from core.site import sync_site_records

    sync_site_records(apps.get_model("sites", "Site"), apps.get_model("wagtailcore", "Site"))


class Migration(migrations.Migration):
    dependencies = [
        ("sites", "0002_alter_domain_unique"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
