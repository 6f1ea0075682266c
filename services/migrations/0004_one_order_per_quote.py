from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0003_role_permissions"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="order",
            constraint=models.UniqueConstraint(fields=("quote",), name="services_order_one_per_quote"),
        ),
    ]
