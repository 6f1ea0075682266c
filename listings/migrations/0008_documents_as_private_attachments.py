"""A financing case's documents and a loan's are core.attachments.PrivateAttachments. A case's document stored
before kept the uploader's name in its path: that name is its original name; its type and size are read."""

from django.db import migrations, models

import core.attachments
import core.storage


class Migration(migrations.Migration):
    dependencies = [("listings", "0007_pledge_loan_facts")]

    operations = [
        migrations.AddField("financingdocument", "original_name", models.CharField("原文件名", max_length=200, default=""), False),
        migrations.AddField("financingdocument", "content_type", models.CharField("文件类型", max_length=100, default=""), False),
        migrations.AddField("financingdocument", "size", models.PositiveIntegerField("大小（字节）", default=0), False),
        migrations.AlterField("financingdocument", "file", models.FileField("文件", max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.private_file_path)),
        migrations.AlterField("financingdocument", "uploaded_at", models.DateTimeField("上传时间", auto_now_add=True)),
        migrations.AlterField("loandocument", "uploaded_at", models.DateTimeField("上传时间", auto_now_add=True)),
        core.attachments.describing_stored_files("listings", "FinancingDocument"),
    ]
