"""A transfer's and a refund's receipt are kept as core.attachments keeps a private file: under a generated name,
with its original name, type and size (`receipt_name`, `receipt_type`, `receipt_size`). A receipt stored before
kept the uploader's name in its path: that name is its original name; its type and size are read."""

from django.db import migrations, models

import core.attachments
import core.storage

RECEIPT = core.attachments.FileFields("receipt")


def receipt_fields(model_name):
    return [
        migrations.AddField(model_name, "receipt_name", models.CharField("原文件名", blank=True, max_length=200)),
        migrations.AddField(model_name, "receipt_type", models.CharField("文件类型", blank=True, max_length=100)),
        migrations.AddField(model_name, "receipt_size", models.PositiveIntegerField("大小（字节）", default=0)),
    ]


class Migration(migrations.Migration):
    dependencies = [("payments", "0003_bank_transfers_and_refunds")]

    operations = [
        *receipt_fields("payment"),
        *receipt_fields("refund"),
        migrations.AlterField("payment", "receipt", models.FileField("转账凭证", blank=True, max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.InFolder("payments/receipts/payment"))),
        migrations.AlterField("refund", "receipt", models.FileField("退款凭证", blank=True, max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.InFolder("payments/receipts/refund"))),
        core.attachments.describing_stored_files("payments", "Payment", RECEIPT),
        core.attachments.describing_stored_files("payments", "Refund", RECEIPT),
    ]
