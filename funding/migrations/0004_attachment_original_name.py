"""An attachment is a core.attachments.PrivateAttachment: stored under a generated name, its original name kept
as data. Those stored before kept the uploader's name in their path: that name is their original name."""

from django.db import migrations, models

import core.attachments
import core.storage


class Migration(migrations.Migration):
    dependencies = [("funding", "0003_loan_interest_subsidy")]

    operations = [
        migrations.AlterField("attachment", "file", models.FileField("文件", max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.private_file_path)),
        migrations.AddField("attachment", "original_name", models.CharField("原文件名", max_length=200, default=""), False),
        core.attachments.describing_stored_files("funding", "Attachment"),
    ]
