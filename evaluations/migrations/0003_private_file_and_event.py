"""An attachment is a core.attachments.PrivateAttachment (a stored name up to 200 characters) and a request's
events are core.models.ActedEvents (a step name as long as every acted event's)."""

from django.db import migrations, models

import core.attachments
import core.storage


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0002_seed_roles_and_indicator")]

    operations = [
        migrations.AlterField("attachment", "file", models.FileField("文件", max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.private_file_path)),
        migrations.AlterField("requestevent", "action", models.CharField(max_length=30, verbose_name="操作")),
    ]
