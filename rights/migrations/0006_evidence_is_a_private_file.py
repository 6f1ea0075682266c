"""Evidence is a core.attachments.PrivateFile (its original name, type and size were kept from the start; new
files go under a generated name in the case's folder)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("rights", "0005_case_steps_share_workflow_event")]

    operations = [
        migrations.AlterField("evidence", "content_type", models.CharField("文件类型", max_length=100)),
        migrations.AlterField("evidence", "size", models.PositiveIntegerField("大小（字节）")),
    ]
