"""A filing's file is a core.attachments.PrivateFile (its content type as long as every private file's) and its
events are core.models.ActedEvents (a step name as long as every acted event's)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("copyrights", "0002_seed_roles_and_indicators")]

    operations = [
        migrations.AlterField("filing", "content_type", models.CharField(max_length=100, verbose_name="文件类型")),
        migrations.AlterField("filingevent", "action", models.CharField(max_length=30, verbose_name="操作")),
    ]
