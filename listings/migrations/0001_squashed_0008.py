import core.attachments
import core.storage
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import listings.models.listing
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("listings", "0001_initial"),
        ("listings", "0003_role_permissions"),
        ("listings", "0004_private_storage_at_call_time"),
        ("listings", "0005_english_names"),
        ("listings", "0006_events_share_workflow_event"),
        ("listings", "0007_pledge_loan_facts"),
        ("listings", "0008_documents_as_private_attachments"),
    ]

    dependencies = [
        ("accounts", "0001_squashed_0002"),
        ("reference", "0001_squashed_0004"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Industry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name_en', models.CharField(blank=True, help_text='英文界面显示此名称；留空时显示中文名称。', max_length=120, verbose_name='英文名称')),
                ('code', models.SlugField(max_length=40, unique=True, verbose_name='代码')),
                ('name', models.CharField(max_length=40, unique=True, verbose_name='名称')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='排序')),
            ],
            options={
                'verbose_name': '产业领域',
                'verbose_name_plural': '产业领域',
                'ordering': ['sort_order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='FinancingCase',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('active', '办理中'), ('granted', '已放款'), ('declined', '已终止')], default='active', max_length=10, verbose_name='状态')),
                ('decline_reason', models.TextField(blank=True, verbose_name='终止原因')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='受理时间')),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('lender', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='financing_cases', to='accounts.organisation', verbose_name='贷款机构')),
            ],
            options={
                'verbose_name': '质押融资办理',
                'verbose_name_plural': '质押融资办理',
                'ordering': ['-created_at'],
                'permissions': [('view_financing_case', '查看全部质押融资办理及其文件')],
            },
        ),
        migrations.CreateModel(
            name='FinancingDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', models.FileField(max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.private_file_path, verbose_name='文件')),
                ('original_name', models.CharField(max_length=200, verbose_name='原文件名')),
                ('content_type', models.CharField(max_length=100, verbose_name='文件类型')),
                ('size', models.PositiveIntegerField(verbose_name='大小（字节）')),
                ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='上传时间')),
                ('title', models.CharField(max_length=120, verbose_name='文件名称')),
                ('stage', models.CharField(choices=[('application', '贷款申请'), ('valuation', '价值评估'), ('due_diligence', '尽职调查'), ('pledge_registration', '质押登记'), ('loan_granted', '放款'), ('post_loan', '贷后管理')], max_length=20, verbose_name='环节')),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='listings.financingcase')),
                ('uploaded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': '办理文件',
                'verbose_name_plural': '办理文件',
                'ordering': ['uploaded_at'],
            },
        ),
        migrations.CreateModel(
            name='Listing',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('section', models.CharField(choices=[('transaction', '交易信息'), ('financing_need', '融资需求'), ('financing_product', '金融产品')], max_length=20, verbose_name='栏目')),
                ('title', models.CharField(max_length=100, verbose_name='标题')),
                ('description', models.TextField(verbose_name='详细说明')),
                ('valid_from', models.DateField(default=listings.models.listing._today, verbose_name='有效期起')),
                ('valid_until', models.DateField(verbose_name='有效期至')),
                ('kind', models.CharField(blank=True, choices=[('patent_transfer', '专利转让'), ('patent_licence_exclusive', '专利独占许可'), ('patent_licence_sole', '专利排他许可'), ('patent_licence_ordinary', '专利普通许可'), ('trademark_transfer', '商标转让'), ('trademark_licence', '商标许可'), ('copyright_transfer', '著作权转让'), ('copyright_licence', '著作权许可'), ('tech_cooperation', '技术合作')], max_length=30, verbose_name='交易类型')),
                ('direction', models.CharField(blank=True, choices=[('offer', '供给（我有知识产权）'), ('demand', '需求（寻求知识产权）')], max_length=10, verbose_name='供需方向')),
                ('ipc_class', models.CharField(blank=True, help_text='专利的国际专利分类号，例如 C08J 5/04。', max_length=20, verbose_name='IPC分类号')),
                ('price_kind', models.CharField(blank=True, choices=[('fixed', '定价'), ('range', '价格区间'), ('negotiable', '面议')], max_length=12, verbose_name='价格方式')),
                ('price_min', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='价格（下限，万元）')),
                ('price_max', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='价格（上限，万元）')),
                ('amount', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='融资金额（万元）')),
                ('term_months', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='融资期限（月）')),
                ('purpose', models.TextField(blank=True, verbose_name='资金用途')),
                ('amount_min', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='额度下限（万元）')),
                ('amount_max', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='额度上限（万元）')),
                ('rate_min', models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True, verbose_name='年利率下限（%）')),
                ('rate_max', models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True, verbose_name='年利率上限（%）')),
                ('term_min_months', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='期限下限（月）')),
                ('term_max_months', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='期限上限（月）')),
                ('accepts_patent', models.BooleanField(default=False, verbose_name='接受专利质押')),
                ('accepts_trademark', models.BooleanField(default=False, verbose_name='接受商标质押')),
                ('accepts_copyright', models.BooleanField(default=False, verbose_name='接受著作权质押')),
                ('conditions', models.TextField(blank=True, verbose_name='申请条件')),
                ('contact_name', models.CharField(max_length=60, verbose_name='联系人')),
                ('contact_phone', models.CharField(blank=True, max_length=30, verbose_name='联系电话')),
                ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='联系邮箱')),
                ('show_phone', models.BooleanField(default=False, verbose_name='公开联系电话')),
                ('show_email', models.BooleanField(default=False, verbose_name='公开联系邮箱')),
                ('contact_login_required', models.BooleanField(default=True, verbose_name='仅登录用户可见联系方式')),
                ('status', models.CharField(choices=[('draft', '草稿'), ('submitted', '待审核'), ('published', '已发布'), ('negotiating', '洽谈中'), ('deal', '已成交'), ('withdrawn', '已撤回'), ('rejected', '未通过审核'), ('expired', '已过期')], default='draft', max_length=12, verbose_name='状态')),
                ('rejection_reason', models.TextField(blank=True, verbose_name='退回原因')),
                ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='提交时间')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='发布时间')),
                ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='关闭时间')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新时间')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='创建人')),
                ('district', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='reference.district', verbose_name='所在地区')),
                ('industry', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='listings.industry', verbose_name='产业领域')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='listings', to='accounts.organisation', verbose_name='发布单位')),
            ],
            options={
                'verbose_name': '信息',
                'verbose_name_plural': '信息',
                'ordering': ['-published_at', '-created_at'],
                'permissions': [('moderate_listing', '审核交易与融资信息，查看未发布的信息')],
            },
        ),
        migrations.CreateModel(
            name='Interest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('message', models.TextField(verbose_name='留言')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='时间')),
                ('reply', models.TextField(blank=True, verbose_name='回复')),
                ('replied_at', models.DateTimeField(blank=True, null=True, verbose_name='回复时间')),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='accounts.organisation', verbose_name='所属单位')),
                ('replied_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='listing_interests', to=settings.AUTH_USER_MODEL)),
                ('listing', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='interests', to='listings.listing')),
            ],
            options={
                'verbose_name': '意向',
                'verbose_name_plural': '意向',
                'ordering': ['-created_at'],
            },
        ),
        migrations.AddField(
            model_name='financingcase',
            name='need',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='cases', to='listings.listing', verbose_name='融资需求'),
        ),
        migrations.AddField(
            model_name='financingcase',
            name='product',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='product_cases', to='listings.listing', verbose_name='金融产品'),
        ),
        migrations.CreateModel(
            name='FinancingNeed',
            fields=[
            ],
            options={
                'verbose_name': '融资需求',
                'verbose_name_plural': '融资需求',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('listings.listing',),
        ),
        migrations.CreateModel(
            name='FinancingProduct',
            fields=[
            ],
            options={
                'verbose_name': '金融产品',
                'verbose_name_plural': '金融产品',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('listings.listing',),
        ),
        migrations.CreateModel(
            name='TransactionListing',
            fields=[
            ],
            options={
                'verbose_name': '交易信息',
                'verbose_name_plural': '交易信息',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('listings.listing',),
        ),
        migrations.CreateModel(
            name='ListingEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_status', models.CharField(blank=True, max_length=20, verbose_name='原状态')),
                ('to_status', models.CharField(max_length=20, verbose_name='新状态')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='时间')),
                ('note', models.TextField(blank=True, verbose_name='说明')),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='操作人')),
                ('listing', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='listings.listing')),
            ],
            options={
                'verbose_name': '状态记录',
                'verbose_name_plural': '状态记录',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='ListingIP',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('ip_type', models.CharField(choices=[('patent', '专利'), ('trademark', '商标'), ('copyright', '著作权')], max_length=10, verbose_name='类型')),
                ('number', models.CharField(max_length=40, verbose_name='号码')),
                ('title', models.CharField(max_length=120, verbose_name='名称')),
                ('owner_name', models.CharField(max_length=100, verbose_name='权利人')),
                ('legal_status', models.CharField(choices=[('pending', '申请中'), ('valid', '有效'), ('lapsed', '已失效')], default='valid', max_length=10, verbose_name='法律状态')),
                ('listing', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ip_records', to='listings.listing')),
            ],
            options={
                'verbose_name': '知识产权',
                'verbose_name_plural': '知识产权',
                'ordering': ['pk'],
            },
        ),
        migrations.CreateModel(
            name='Deal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('section', models.CharField(choices=[('transaction', '交易信息'), ('financing_need', '融资需求'), ('financing_product', '金融产品')], max_length=20, verbose_name='栏目')),
                ('counterparty_name', models.CharField(max_length=100, verbose_name='交易对方')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(0)], verbose_name='成交金额（万元）')),
                ('deal_date', models.DateField(verbose_name='成交日期')),
                ('note', models.TextField(blank=True, verbose_name='备注')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='记录时间')),
                ('counterparty', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='accounts.organisation', verbose_name='平台上的对方单位')),
                ('district', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='reference.district', verbose_name='地区')),
                ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('listing', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='deal', to='listings.listing')),
                ('pledged_ip', models.ManyToManyField(blank=True, related_name='+', to='listings.listingip', verbose_name='质押的知识产权')),
            ],
            options={
                'verbose_name': '成交记录',
                'verbose_name_plural': '成交记录',
                'ordering': ['-deal_date', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='PledgeLoan',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('principal', models.DecimalField(decimal_places=2, max_digits=14, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='贷款本金（元）')),
                ('annual_rate', models.DecimalField(decimal_places=4, max_digits=7, validators=[django.core.validators.MinValueValidator(Decimal('0.0001')), django.core.validators.MaxValueValidator(Decimal('36'))], verbose_name='年利率（%）')),
                ('start_date', models.DateField(verbose_name='起息日')),
                ('end_date', models.DateField(verbose_name='到期日')),
                ('interest_paid_to', models.DateField(blank=True, help_text='已结清该日之前（不含该日）的全部利息；提前还清本金的，填还款日。', null=True, verbose_name='利息已付至')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='登记时间')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新时间')),
                ('case', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='loan', to='listings.financingcase', verbose_name='质押融资办理')),
                ('recorded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': '质押贷款要素',
                'verbose_name_plural': '质押贷款要素',
            },
        ),
        migrations.CreateModel(
            name='LoanDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', models.FileField(max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.private_file_path, verbose_name='文件')),
                ('original_name', models.CharField(max_length=200, verbose_name='原文件名')),
                ('content_type', models.CharField(max_length=100, verbose_name='文件类型')),
                ('size', models.PositiveIntegerField(verbose_name='大小（字节）')),
                ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='上传时间')),
                ('title', models.CharField(max_length=120, verbose_name='文件名称')),
                ('kind', models.CharField(choices=[('contract', '借款合同'), ('interest_receipt', '利息回单')], max_length=20, verbose_name='文件类别')),
                ('uploaded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('loan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='listings.pledgeloan')),
            ],
            options={
                'verbose_name': '贷款文件',
                'verbose_name_plural': '贷款文件',
                'ordering': ['uploaded_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='FinancingStep',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('stage', models.CharField(choices=[('application', '贷款申请'), ('valuation', '价值评估'), ('due_diligence', '尽职调查'), ('pledge_registration', '质押登记'), ('loan_granted', '放款'), ('post_loan', '贷后管理')], max_length=20, verbose_name='环节')),
                ('date', models.DateField(verbose_name='日期')),
                ('note', models.TextField(blank=True, verbose_name='说明')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='steps', to='listings.financingcase')),
                ('recorded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': '办理环节',
                'verbose_name_plural': '办理环节',
                'ordering': ['date', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('case', 'stage'), name='one_step_per_stage')],
            },
        ),
        migrations.AddIndex(
            model_name='listing',
            index=models.Index(fields=['section', 'status', 'valid_until'], name='listings_li_section_191f8b_idx'),
        ),
        migrations.AddIndex(
            model_name='listing',
            index=models.Index(fields=['organisation', 'status'], name='listings_li_organis_64ee7c_idx'),
        ),
        migrations.AddConstraint(
            model_name='listing',
            constraint=models.CheckConstraint(condition=models.Q(('valid_until__gte', models.F('valid_from'))), name='listing_valid_period'),
        ),
        migrations.AddConstraint(
            model_name='listing',
            constraint=models.CheckConstraint(condition=models.Q(('price_min__isnull', True), ('price_min__gte', 0), _connector='OR'), name='listing_price_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='listing',
            constraint=models.CheckConstraint(condition=models.Q(('amount__isnull', True), ('amount__gt', 0), _connector='OR'), name='listing_amount_positive'),
        ),
        migrations.AddConstraint(
            model_name='interest',
            constraint=models.UniqueConstraint(fields=('listing', 'user'), name='interest_once_per_user'),
        ),
        migrations.AddConstraint(
            model_name='financingcase',
            constraint=models.UniqueConstraint(fields=('need', 'lender'), name='one_case_per_lender_and_need'),
        ),
        migrations.AddConstraint(
            model_name='listingip',
            constraint=models.UniqueConstraint(fields=('listing', 'ip_type', 'number'), name='listing_ip_unique'),
        ),
        migrations.AddConstraint(
            model_name='deal',
            constraint=models.CheckConstraint(condition=models.Q(('amount__gte', 0)), name='deal_amount_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='pledgeloan',
            constraint=models.CheckConstraint(condition=models.Q(('principal__gt', 0)), name='loan_principal_positive'),
        ),
        migrations.AddConstraint(
            model_name='pledgeloan',
            constraint=models.CheckConstraint(condition=models.Q(('annual_rate__gt', 0), ('annual_rate__lte', 36)), name='loan_rate_in_range'),
        ),
        migrations.AddConstraint(
            model_name='pledgeloan',
            constraint=models.CheckConstraint(condition=models.Q(('end_date__gt', models.F('start_date'))), name='loan_term_in_order'),
        ),
        migrations.AddConstraint(
            model_name='pledgeloan',
            constraint=models.CheckConstraint(condition=models.Q(('interest_paid_to__isnull', True), models.Q(('interest_paid_to__gte', models.F('start_date')), ('interest_paid_to__lte', models.F('end_date'))), _connector='OR'), name='loan_interest_paid_within_term'),
        ),
    ]
