"""A recognition's document is a core.attachments.PrivateFile: `file` and `original_name` (formerly `document`
and `document_name`), with its content type and size, read for the documents stored before."""

from django.db import migrations, models

import core.attachments
import core.storage


class Migration(migrations.Migration):
    dependencies = [("advisers", "0002_seed_roles_and_indicator")]

    operations = [
        migrations.RenameField("titlerecognition", "document", "file"),
        migrations.RenameField("titlerecognition", "document_name", "original_name"),
        migrations.AlterField("titlerecognition", "file", models.FileField("文件", max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.private_file_path)),
        migrations.AlterField("titlerecognition", "original_name", models.CharField("原文件名", max_length=200)),
        migrations.AddField("titlerecognition", "content_type", models.CharField("文件类型", max_length=100, default=""), False),
        migrations.AddField("titlerecognition", "size", models.PositiveIntegerField("大小（字节）", default=0), False),
        core.attachments.describing_stored_files("advisers", "TitleRecognition"),
    ]
