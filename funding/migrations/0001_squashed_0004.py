import core.attachments
import core.storage
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("funding", "0001_initial"),
        ("funding", "0003_loan_interest_subsidy"),
        ("funding", "0004_attachment_original_name"),
    ]

    dependencies = [
        ("accounts", "0001_squashed_0002"),
        ("cms", "0001_squashed_0005"),
        ("listings", "0001_squashed_0008"),
        ("reference", "0001_squashed_0004"),
        ("register", "0001_squashed_0008"),
        ("targets", "0001_squashed_0005"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Application',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('draft', '草稿'), ('submitted', '已提交'), ('accepted', '已受理'), ('first_passed', '初审通过'), ('approved', '复核通过'), ('publicised', '公示中'), ('paid', '已拨付'), ('returned', '退回修改'), ('rejected', '不予资助')], default='draft', max_length=20, verbose_name='状态')),
                ('bank_account_name', models.CharField(blank=True, max_length=100, verbose_name='开户名称')),
                ('bank_name', models.CharField(blank=True, max_length=100, verbose_name='开户银行')),
                ('bank_account', models.CharField(blank=True, max_length=40, verbose_name='银行账号')),
                ('declaration', models.BooleanField(default=False, verbose_name='已声明所填信息真实')),
                ('requested_amount', models.DecimalField(decimal_places=2, default=Decimal('0.00'), max_digits=14, verbose_name='申请金额（元）')),
                ('approved_amount', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='核定金额（元）')),
                ('paid_amount', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='拨付金额（元）')),
                ('paid_on', models.DateField(blank=True, null=True, verbose_name='拨付日期')),
                ('cap_note', models.CharField(blank=True, max_length=200, verbose_name='核减说明')),
                ('return_reason', models.TextField(blank=True, verbose_name='退回原因')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新时间')),
                ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='提交时间')),
                ('approved_at', models.DateTimeField(blank=True, null=True, verbose_name='复核通过时间')),
                ('paid_at', models.DateTimeField(blank=True, null=True, verbose_name='登记拨付时间')),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='填报人')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='accounts.organisation', verbose_name='申请单位')),
            ],
            options={
                'verbose_name': '资助申请',
                'verbose_name_plural': '资助申请',
                'ordering': ['-created_at', '-pk'],
                'permissions': [('review_application', '审核所指派项目的资助申请'), ('record_payment', '登记专项资金拨付并导出拨付清单')],
            },
        ),
        migrations.CreateModel(
            name='ApplicationEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_status', models.CharField(blank=True, max_length=20, verbose_name='原状态')),
                ('to_status', models.CharField(max_length=20, verbose_name='新状态')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='时间')),
                ('action', models.CharField(max_length=30, verbose_name='操作')),
                ('note', models.TextField(blank=True, verbose_name='说明')),
                ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='操作人')),
                ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='funding.application')),
            ],
            options={
                'verbose_name': '申请记录',
                'verbose_name_plural': '申请记录',
                'ordering': ['created_at', 'pk'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='Attachment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', models.FileField(max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.private_file_path, verbose_name='文件')),
                ('original_name', models.CharField(max_length=200, verbose_name='原文件名')),
                ('content_type', models.CharField(max_length=100, verbose_name='文件类型')),
                ('size', models.PositiveIntegerField(verbose_name='大小（字节）')),
                ('title', models.CharField(max_length=100, verbose_name='材料名称')),
                ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='上传时间')),
                ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='funding.application')),
                ('uploaded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': '申请材料',
                'verbose_name_plural': '申请材料',
                'ordering': ['application', 'uploaded_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='BudgetYear',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(unique=True, verbose_name='年度')),
                ('general_expenditure', models.DecimalField(decimal_places=2, max_digits=16, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='本级一般预算支出（元）')),
                ('source_note', models.CharField(max_length=200, verbose_name='数据来源说明')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新时间')),
                ('entered_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': '一般预算支出',
                'verbose_name_plural': '一般预算支出',
                'ordering': ['-year'],
            },
        ),
        migrations.CreateModel(
            name='NoticeBatch',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=150, verbose_name='公示标题')),
                ('published_on', models.DateField(verbose_name='公示日期')),
                ('objections_until', models.DateField(verbose_name='异议截止日期')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': '公示批次',
                'verbose_name_plural': '公示批次',
                'ordering': ['-published_on', '-pk'],
            },
        ),
        migrations.AddField(
            model_name='application',
            name='batch',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='applications', to='funding.noticebatch', verbose_name='公示批次'),
        ),
        migrations.CreateModel(
            name='Objection',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=60, verbose_name='异议人')),
                ('contact', models.CharField(max_length=100, verbose_name='联系方式')),
                ('reason', models.TextField(verbose_name='异议理由')),
                ('status', models.CharField(choices=[('recorded', '已登记，待处理'), ('dismissed', '异议不成立'), ('upheld', '异议成立')], default='recorded', max_length=10, verbose_name='处理状态')),
                ('decision_note', models.TextField(blank=True, verbose_name='处理意见')),
                ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='处理时间')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='提出时间')),
                ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='objections', to='funding.application', verbose_name='资助申请')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('lodged_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': '公示异议',
                'verbose_name_plural': '公示异议',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Programme',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=120, verbose_name='项目名称')),
                ('description', models.TextField(blank=True, verbose_name='说明')),
                ('year', models.PositiveSmallIntegerField(verbose_name='资金年度')),
                ('opens_on', models.DateField(verbose_name='申报开始日期')),
                ('closes_on', models.DateField(verbose_name='申报截止日期')),
                ('covers_from', models.DateField(help_text='授权（申请、认定）日期不早于该日', verbose_name='受理事项起始日期')),
                ('covers_to', models.DateField(help_text='授权（申请、认定）日期不晚于该日', verbose_name='受理事项截止日期')),
                ('budget', models.DecimalField(decimal_places=2, max_digits=14, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='预算（元）')),
                ('cap_per_applicant', models.DecimalField(decimal_places=2, max_digits=14, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='每家单位年度资助上限（元）')),
                ('objection_days', models.PositiveSmallIntegerField(default=7, verbose_name='公示期（天）')),
                ('status', models.CharField(choices=[('draft', '筹备中'), ('open', '已发布'), ('closed', '已结束')], default='draft', max_length=10, verbose_name='状态')),
                ('opened_at', models.DateTimeField(blank=True, null=True, verbose_name='发布时间')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('districts', models.ManyToManyField(blank=True, help_text='不选即全市', related_name='+', to='reference.district', verbose_name='适用县区')),
                ('policy', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='funding_programmes', to='cms.policypage', verbose_name='政策文件')),
                ('reviewers', models.ManyToManyField(blank=True, related_name='funding_programmes', to=settings.AUTH_USER_MODEL, verbose_name='审核人员')),
            ],
            options={
                'verbose_name': '资助项目',
                'verbose_name_plural': '资助项目',
                'ordering': ['-year', '-opens_on', 'pk'],
                'permissions': [('manage_programmes', '管理专项资金项目、审核人员与公示异议')],
            },
        ),
        migrations.AddField(
            model_name='noticebatch',
            name='programme',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='batches', to='funding.programme', verbose_name='资助项目'),
        ),
        migrations.AddField(
            model_name='application',
            name='programme',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='applications', to='funding.programme', verbose_name='资助项目'),
        ),
        migrations.CreateModel(
            name='ProgrammeRule',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('item_type', models.CharField(choices=[('invention_grant', '授权发明专利'), ('pct_filing', 'PCT 国际专利申请'), ('utility_model', '授权实用新型专利'), ('certification', '知识产权管理标准化认定（贯标）'), ('loan_interest', '知识产权质押贷款贴息')], max_length=20, verbose_name='事项类型')),
                ('amount', models.DecimalField(decimal_places=2, default=Decimal('0.00'), max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0.00'))], verbose_name='每项资助金额（元）')),
                ('percentage', models.DecimalField(blank=True, decimal_places=2, help_text='仅用于贷款贴息：按实际支付利息的该比例资助。', max_digits=5, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0.01')), django.core.validators.MaxValueValidator(Decimal('100'))], verbose_name='贴息比例（%）')),
                ('cap_per_item', models.DecimalField(blank=True, decimal_places=2, help_text='仅用于贷款贴息；不填即不设单笔上限。', max_digits=12, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='每笔贷款贴息上限（元）')),
                ('programme', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='rules', to='funding.programme')),
            ],
            options={
                'verbose_name': '资助标准',
                'verbose_name_plural': '资助标准',
                'ordering': ['programme', 'item_type'],
            },
        ),
        migrations.CreateModel(
            name='ApplicationItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('item_type', models.CharField(choices=[('invention_grant', '授权发明专利'), ('pct_filing', 'PCT 国际专利申请'), ('utility_model', '授权实用新型专利'), ('certification', '知识产权管理标准化认定（贯标）'), ('loan_interest', '知识产权质押贷款贴息')], max_length=20, verbose_name='事项类型')),
                ('basis', models.JSONField(blank=True, default=dict, verbose_name='计算依据')),
                ('eligible', models.BooleanField(default=False, verbose_name='符合条件')),
                ('reasons', models.JSONField(blank=True, default=list, verbose_name='不符合的原因')),
                ('amount', models.DecimalField(decimal_places=2, default=Decimal('0.00'), max_digits=12, verbose_name='资助金额（元）')),
                ('holds_claim', models.BooleanField(default=False, verbose_name='已申报占用')),
                ('checked_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='核对时间')),
                ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='funding.application')),
                ('certification', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='targets.demonstrationcertification', verbose_name='认定记录')),
                ('loan', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='funding_items', to='listings.pledgeloan', verbose_name='质押贷款')),
                ('patent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='register.patent', verbose_name='专利')),
            ],
            options={
                'verbose_name': '申报事项',
                'verbose_name_plural': '申报事项',
                'ordering': ['application', 'pk'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('holds_claim', True), ('patent__isnull', False)), fields=('patent',), name='funding_patent_funded_once', violation_error_message='该专利已在其他申请中申报或已获资助。'), models.UniqueConstraint(condition=models.Q(('certification__isnull', False), ('holds_claim', True)), fields=('certification',), name='funding_certification_funded_once', violation_error_message='该认定已在其他申请中申报或已获资助。'), models.UniqueConstraint(condition=models.Q(('holds_claim', True), ('loan__isnull', False)), fields=('loan',), name='funding_loan_subsidised_once', violation_error_message='该笔贷款已在其他申请中申报或已获贴息。'), models.CheckConstraint(condition=models.Q(('patent__isnull', False), ('certification__isnull', False), ('loan__isnull', False), _connector='OR'), name='funding_item_has_a_record_or_loan'), models.CheckConstraint(condition=models.Q(('amount__gte', 0)), name='funding_item_amount_not_negative')],
            },
        ),
        migrations.AddConstraint(
            model_name='programme',
            constraint=models.CheckConstraint(condition=models.Q(('closes_on__gte', models.F('opens_on'))), name='funding_window_in_order'),
        ),
        migrations.AddConstraint(
            model_name='programme',
            constraint=models.CheckConstraint(condition=models.Q(('covers_to__gte', models.F('covers_from'))), name='funding_cover_in_order'),
        ),
        migrations.AddIndex(
            model_name='application',
            index=models.Index(fields=['programme', 'status'], name='funding_app_program_910657_idx'),
        ),
        migrations.AddConstraint(
            model_name='application',
            constraint=models.CheckConstraint(condition=models.Q(('requested_amount__gte', 0)), name='funding_requested_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='application',
            constraint=models.CheckConstraint(condition=models.Q(('paid_amount__isnull', True), ('paid_amount__lte', models.F('approved_amount')), _connector='OR'), name='funding_paid_within_approved'),
        ),
        migrations.AddConstraint(
            model_name='programmerule',
            constraint=models.UniqueConstraint(fields=('programme', 'item_type'), name='funding_one_rule_per_type'),
        ),
        migrations.AddConstraint(
            model_name='programmerule',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('item_type', 'loan_interest'), _negated=True), models.Q(('percentage__gt', 0), ('percentage__lte', 100)), _connector='OR'), name='funding_loan_rule_has_percentage', violation_error_message='贷款贴息须填写 0 至 100 之间的贴息比例。'),
        ),
    ]
