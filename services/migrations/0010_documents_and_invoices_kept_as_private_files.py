"""A qualification document is a core.attachments.PrivateAttachment, and an issued invoice's file is kept the
same way (`file_name`, `file_type`, `file_size`): under a generated name, with its original name, type and size.
Those stored before kept the uploader's name in their path: that name is their original name; type and size
are read."""

from django.db import migrations, models

import core.attachments
import core.storage


class Migration(migrations.Migration):
    dependencies = [("services", "0009_in_service_centre")]

    operations = [
        migrations.AddField("qualificationdocument", "original_name", models.CharField("原文件名", max_length=200, default=""), False),
        migrations.AddField("qualificationdocument", "content_type", models.CharField("文件类型", max_length=100, default=""), False),
        migrations.AddField("qualificationdocument", "size", models.PositiveIntegerField("大小（字节）", default=0), False),
        migrations.AlterField("qualificationdocument", "file", models.FileField("文件", max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.private_file_path)),
        migrations.AddField("invoice", "file_name", models.CharField("原文件名", blank=True, max_length=200)),
        migrations.AddField("invoice", "file_type", models.CharField("文件类型", blank=True, max_length=100)),
        migrations.AddField("invoice", "file_size", models.PositiveIntegerField("大小（字节）", default=0)),
        migrations.AlterField("invoice", "file", models.FileField("发票文件", blank=True, max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.InFolder("services/invoices"))),
        core.attachments.describing_stored_files("services", "QualificationDocument"),
        core.attachments.describing_stored_files("services", "Invoice", core.attachments.FileFields("file")),
    ]
