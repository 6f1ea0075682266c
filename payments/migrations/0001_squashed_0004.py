import core.attachments
import core.storage
import django.db.models.deletion
import payments.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("payments", "0001_initial"),
        ("payments", "0002_role_permissions"),
        ("payments", "0003_bank_transfers_and_refunds"),
        ("payments", "0004_receipts_kept_as_private_files"),
    ]

    dependencies = [
        ("accounts", "0001_squashed_0002"),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='StripeEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('event_id', models.CharField(max_length=255, unique=True)),
                ('type', models.CharField(max_length=100)),
                ('payload', models.JSONField()),
                ('received_at', models.DateTimeField(auto_now_add=True)),
                ('outcome', models.CharField(blank=True, max_length=200)),
            ],
            options={
                'verbose_name': 'Stripe 事件',
                'verbose_name_plural': 'Stripe 事件',
                'ordering': ['-received_at'],
            },
        ),
        migrations.CreateModel(
            name='BankAccount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('bank_name', models.CharField(max_length=100, verbose_name='开户银行')),
                ('branch', models.CharField(max_length=100, verbose_name='开户支行')),
                ('account_name', models.CharField(max_length=100, verbose_name='户名')),
                ('account_number', models.CharField(max_length=40, validators=[payments.models.validate_account_number], verbose_name='账号')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新时间')),
                ('organisation', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='bank_account', to='accounts.organisation', verbose_name='组织')),
                ('updated_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='修改人')),
            ],
            options={
                'verbose_name': '收款账户',
                'verbose_name_plural': '收款账户',
            },
        ),
        migrations.CreateModel(
            name='Payment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.PositiveBigIntegerField()),
                ('method', models.CharField(choices=[('stripe', '在线支付（银行卡、支付宝、微信支付）'), ('transfer', '对公转账')], default='stripe', max_length=10, verbose_name='付款方式')),
                ('description', models.CharField(max_length=200, verbose_name='说明')),
                ('amount', models.PositiveBigIntegerField(verbose_name='金额（分）')),
                ('currency', models.CharField(max_length=3, verbose_name='币种')),
                ('status', models.CharField(choices=[('pending', '待付款'), ('paid', '已付款'), ('expired', '已过期'), ('failed', '付款失败'), ('not_received', '收款方未收到'), ('refunded', '已退款')], default='pending', max_length=12, verbose_name='状态')),
                ('checkout_session_id', models.CharField(blank=True, db_index=True, max_length=255)),
                ('checkout_url', models.URLField(blank=True, max_length=2000)),
                ('offered_methods', models.JSONField(blank=True, default=list)),
                ('payment_intent_id', models.CharField(blank=True, max_length=255)),
                ('refund_id', models.CharField(blank=True, max_length=255)),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('paid_at', models.DateTimeField(blank=True, null=True, verbose_name='付款时间')),
                ('refunded_at', models.DateTimeField(blank=True, null=True, verbose_name='退款时间')),
                ('reference', models.CharField(blank=True, max_length=60, verbose_name='付款附言')),
                ('transfer_date', models.DateField(blank=True, null=True, verbose_name='转账日期')),
                ('payer_bank', models.CharField(blank=True, max_length=100, verbose_name='付款银行')),
                ('receipt', models.FileField(blank=True, max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.InFolder('payments/receipts/payment'), verbose_name='转账凭证')),
                ('receipt_name', models.CharField(blank=True, max_length=200, verbose_name='原文件名')),
                ('receipt_type', models.CharField(blank=True, max_length=100, verbose_name='文件类型')),
                ('receipt_size', models.PositiveIntegerField(default=0, verbose_name='大小（字节）')),
                ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='确认时间')),
                ('decision_note', models.TextField(blank=True, verbose_name='收款方说明')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='contenttypes.contenttype')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='确认人')),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to='accounts.organisation', verbose_name='付款组织')),
                ('payee', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='payments_received', to='accounts.organisation', verbose_name='收款组织')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to=settings.AUTH_USER_MODEL, verbose_name='付款人')),
            ],
            options={
                'verbose_name': '付款',
                'verbose_name_plural': '付款',
                'ordering': ['-created_at'],
                'permissions': [('view_payment_record', '查看全部付款记录'), ('refund_payment', '办理退款')],
            },
        ),
        migrations.CreateModel(
            name='Refund',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('amount', models.PositiveBigIntegerField(verbose_name='退款金额（分）')),
                ('reason', models.TextField(verbose_name='退款原因')),
                ('status', models.CharField(choices=[('sent', '已退款，待付款方确认'), ('completed', '退款完成')], max_length=10, verbose_name='状态')),
                ('stripe_refund_id', models.CharField(blank=True, max_length=255)),
                ('transfer_date', models.DateField(blank=True, null=True, verbose_name='退款转账日期')),
                ('receipt', models.FileField(blank=True, max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.InFolder('payments/receipts/refund'), verbose_name='退款凭证')),
                ('receipt_name', models.CharField(blank=True, max_length=200, verbose_name='原文件名')),
                ('receipt_type', models.CharField(blank=True, max_length=100, verbose_name='文件类型')),
                ('receipt_size', models.PositiveIntegerField(default=0, verbose_name='大小（字节）')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='退款时间')),
                ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='确认收到时间')),
                ('confirmed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='确认人')),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='经办人')),
                ('payment', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='refunds', to='payments.payment', verbose_name='付款')),
            ],
            options={
                'verbose_name': '退款',
                'verbose_name_plural': '退款',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.AddIndex(
            model_name='payment',
            index=models.Index(fields=['content_type', 'object_id'], name='payments_pa_content_23405f_idx'),
        ),
        migrations.AddConstraint(
            model_name='payment',
            constraint=models.UniqueConstraint(condition=models.Q(('method', 'transfer'), ('status', 'pending')), fields=('content_type', 'object_id'), name='payments_one_pending_transfer'),
        ),
        migrations.AddConstraint(
            model_name='payment',
            constraint=models.UniqueConstraint(condition=models.Q(('method', 'transfer'), ('status', 'paid')), fields=('content_type', 'object_id'), name='payments_one_paid_transfer'),
        ),
    ]
