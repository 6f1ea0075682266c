"""An entry's attachment and a certification's evidence are kept as core.attachments keeps a private file: under
a generated name, with its original name, type and size (`…_name`, `…_type`, `…_size`). Those stored before kept
the uploader's name in their path: that name is their original name; type and size are read."""

from django.db import migrations, models

import core.attachments
import core.storage


def file_fields(model_name, prefix):
    return [
        migrations.AddField(model_name, f"{prefix}_name", models.CharField("原文件名", blank=True, max_length=200)),
        migrations.AddField(model_name, f"{prefix}_type", models.CharField("文件类型", blank=True, max_length=100)),
        migrations.AddField(model_name, f"{prefix}_size", models.PositiveIntegerField("大小（字节）", default=0)),
    ]


class Migration(migrations.Migration):
    dependencies = [("targets", "0004_yearly_targets_counted_from_records")]

    operations = [
        *file_fields("indicatorentry", "attachment"),
        *file_fields("demonstrationcertification", "evidence"),
        migrations.AlterField("indicatorentry", "attachment", models.FileField("附件", blank=True, max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.InFolder("targets/entries"))),
        migrations.AlterField("demonstrationcertification", "evidence", models.FileField("证明材料", max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.InFolder("targets/certifications"))),
        core.attachments.describing_stored_files("targets", "IndicatorEntry", core.attachments.FileFields("attachment")),
        core.attachments.describing_stored_files("targets", "DemonstrationCertification", core.attachments.FileFields("evidence")),
    ]
