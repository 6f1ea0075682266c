import accounts.credit_code
import core.attachments
import core.storage
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import services.models.institutions
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("services", "0001_initial"),
        ("services", "0003_role_permissions"),
        ("services", "0004_one_order_per_quote"),
        ("services", "0005_private_storage_at_call_time"),
        ("services", "0006_payment_deadline_and_invoices"),
        ("services", "0007_english_names"),
        ("services", "0008_events_share_workflow_event"),
        ("services", "0009_in_service_centre"),
        ("services", "0010_documents_and_invoices_kept_as_private_files"),
    ]

    dependencies = [
        ("accounts", "0001_squashed_0002"),
        ("reference", "0001_squashed_0004"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ServiceCategory',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name_en', models.CharField(blank=True, help_text='英文界面显示此名称；留空时显示中文名称。', max_length=120, verbose_name='英文名称')),
                ('code', models.SlugField(max_length=40, unique=True, verbose_name='代码')),
                ('name', models.CharField(max_length=40, unique=True, verbose_name='名称')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='排序')),
            ],
            options={
                'verbose_name': '服务类别',
                'verbose_name_plural': '服务类别',
                'ordering': ['sort_order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='Inquiry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('subject', models.CharField(max_length=120, verbose_name='主题')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('last_message_at', models.DateTimeField(blank=True, null=True, verbose_name='最后消息时间')),
                ('first_reply_at', models.DateTimeField(blank=True, null=True, verbose_name='机构首次回复时间')),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('enterprise', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='inquiries', to='accounts.organisation', verbose_name='咨询企业')),
            ],
            options={
                'verbose_name': '咨询',
                'verbose_name_plural': '咨询',
                'ordering': ['-last_message_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='InquiryMessage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('side', models.CharField(choices=[('enterprise', '企业'), ('institution', '服务机构')], max_length=12, verbose_name='发送方')),
                ('body', models.TextField(verbose_name='内容')),
                ('quote_amount', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='报价（分）')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='发送时间')),
                ('inquiry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='services.inquiry')),
                ('sender', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='发送人')),
            ],
            options={
                'verbose_name': '咨询消息',
                'verbose_name_plural': '咨询消息',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Institution',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('institution_type', models.CharField(choices=[('patent_agency', '专利代理机构'), ('trademark_agency', '商标代理机构'), ('law_firm', '知识产权律师事务所'), ('valuation', '知识产权评估机构'), ('pledge_financing', '质押融资服务机构'), ('custody', '知识产权托管机构'), ('early_warning', '预警与战略分析机构'), ('standardisation', '贯标辅导机构'), ('training', '知识产权培训机构'), ('information_search', '信息检索服务机构')], max_length=20, verbose_name='机构类型')),
                ('licence_number', models.CharField(blank=True, help_text='专利代理机构执业许可证上的5位机构代码：前两位为省级行政区划代码（江苏为32），例如 32231。专利代理机构必须填写。', max_length=5, validators=[services.models.institutions.validate_agency_code], verbose_name='专利代理机构代码')),
                ('credit_grade', models.CharField(blank=True, choices=[('A+', 'A+'), ('A', 'A'), ('B', 'B'), ('C', 'C'), ('D', 'D')], max_length=2, verbose_name='信用等级')),
                ('credit_grade_year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='信用等级评定年度')),
                ('address', models.CharField(max_length=200, verbose_name='地址')),
                ('contact_name', models.CharField(max_length=60, verbose_name='联系人')),
                ('contact_phone', models.CharField(max_length=30, verbose_name='联系电话')),
                ('contact_email', models.EmailField(max_length=254, verbose_name='联系邮箱')),
                ('description', models.TextField(verbose_name='机构简介')),
                ('logo', models.ImageField(blank=True, upload_to='institutions/logos/', verbose_name='标志')),
                ('status', models.CharField(choices=[('pending', '待审核'), ('approved', '已通过'), ('rejected', '未通过'), ('suspended', '已暂停')], default='pending', max_length=10, verbose_name='审核状态')),
                ('status_reason', models.TextField(blank=True, verbose_name='审核意见')),
                ('is_active', models.BooleanField(default=True, verbose_name='对外展示')),
                ('in_service_centre', models.BooleanField(default=False, verbose_name='入驻知识产权服务中心')),
                ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='提交时间')),
                ('approved_at', models.DateTimeField(blank=True, null=True, verbose_name='通过时间')),
                ('rating_average', models.DecimalField(blank=True, decimal_places=2, max_digits=3, null=True, verbose_name='平均评分')),
                ('rating_count', models.PositiveIntegerField(default=0, verbose_name='评价数')),
                ('completed_orders', models.PositiveIntegerField(default=0, verbose_name='已完成订单')),
                ('median_reply_seconds', models.PositiveIntegerField(blank=True, null=True, verbose_name='首次回复时间中位数（秒）')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新时间')),
                ('district', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='reference.district', verbose_name='所在县区')),
                ('organisation', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='institution', to='accounts.organisation', verbose_name='组织')),
                ('categories', models.ManyToManyField(related_name='institutions', to='services.servicecategory', verbose_name='服务类别')),
            ],
            options={
                'verbose_name': '服务机构',
                'verbose_name_plural': '服务机构',
                'ordering': ['organisation__name'],
                'permissions': [('review_institution', '审核服务机构（通过、驳回、暂停），查看待审核与已暂停的机构')],
            },
        ),
        migrations.AddField(
            model_name='inquiry',
            name='institution',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='inquiries', to='services.institution', verbose_name='服务机构'),
        ),
        migrations.CreateModel(
            name='InstitutionEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_status', models.CharField(blank=True, max_length=20, verbose_name='原状态')),
                ('to_status', models.CharField(max_length=20, verbose_name='新状态')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='时间')),
                ('reason', models.TextField(blank=True, verbose_name='说明')),
                ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='操作人')),
                ('institution', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='services.institution')),
            ],
            options={
                'verbose_name': '审核记录',
                'verbose_name_plural': '审核记录',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Offering',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=100, verbose_name='服务名称')),
                ('description', models.TextField(verbose_name='服务内容')),
                ('price_type', models.CharField(choices=[('fixed', '一口价'), ('from', '起价'), ('negotiable', '面议')], default='fixed', max_length=10, verbose_name='计价方式')),
                ('price', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='价格（分）')),
                ('delivery_days', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='预计完成时间（工作日）')),
                ('status', models.CharField(choices=[('draft', '草稿'), ('published', '已发布'), ('archived', '已下架')], default='draft', max_length=10, verbose_name='状态')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新时间')),
                ('institution', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='offerings', to='services.institution', verbose_name='服务机构')),
                ('category', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='offerings', to='services.servicecategory', verbose_name='服务类别')),
            ],
            options={
                'verbose_name': '服务项目',
                'verbose_name_plural': '服务项目',
                'ordering': ['institution', 'category__sort_order', 'title'],
            },
        ),
        migrations.AddField(
            model_name='inquiry',
            name='offering',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='inquiries', to='services.offering', verbose_name='相关服务项目'),
        ),
        migrations.CreateModel(
            name='Order',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=120, verbose_name='服务名称')),
                ('unit_price', models.PositiveBigIntegerField(verbose_name='单价（分）')),
                ('quantity', models.PositiveSmallIntegerField(default=1, verbose_name='数量')),
                ('amount', models.PositiveBigIntegerField(verbose_name='金额（分）')),
                ('requirements', models.TextField(blank=True, verbose_name='需求说明')),
                ('status', models.CharField(choices=[('requested', '待机构确认'), ('accepted', '待付款'), ('declined', '机构已拒绝'), ('paid', '已付款'), ('delivered', '已交付'), ('completed', '已完成'), ('disputed', '争议处理中'), ('cancelled', '已取消'), ('refunded', '已退款')], default='requested', max_length=10, verbose_name='状态')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='下单时间')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新时间')),
                ('paid_at', models.DateTimeField(blank=True, null=True, verbose_name='付款时间')),
                ('payment_due_at', models.DateTimeField(blank=True, null=True, verbose_name='付款期限')),
                ('payment_reminded_at', models.DateTimeField(blank=True, null=True, verbose_name='付款提醒时间')),
                ('completed_at', models.DateTimeField(blank=True, null=True, verbose_name='完成时间')),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='下单人')),
                ('enterprise', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='service_orders', to='accounts.organisation', verbose_name='下单企业')),
                ('inquiry', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='orders', to='services.inquiry', verbose_name='来源咨询')),
                ('institution', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='orders', to='services.institution', verbose_name='服务机构')),
                ('offering', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='orders', to='services.offering', verbose_name='服务项目')),
                ('quote', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='services.inquirymessage', verbose_name='所依据的报价')),
            ],
            options={
                'verbose_name': '服务订单',
                'verbose_name_plural': '服务订单',
                'ordering': ['-created_at', '-pk'],
                'permissions': [('handle_order_dispute', '查看全部订单，处理订单争议，以平台身份取消或完成订单')],
            },
        ),
        migrations.CreateModel(
            name='Notification',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='标题')),
                ('body', models.TextField(blank=True, verbose_name='内容')),
                ('url', models.CharField(blank=True, max_length=200, verbose_name='链接')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='时间')),
                ('read_at', models.DateTimeField(blank=True, null=True, verbose_name='阅读时间')),
                ('inquiry', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to='services.inquiry')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to='accounts.organisation')),
                ('order', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='services.order')),
            ],
            options={
                'verbose_name': '站内消息',
                'verbose_name_plural': '站内消息',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Invoice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('ordinary', '增值税普通发票'), ('special', '增值税专用发票')], default='ordinary', max_length=10, verbose_name='发票类型')),
                ('title', models.CharField(max_length=100, verbose_name='发票抬头')),
                ('tax_number', models.CharField(max_length=18, validators=[accounts.credit_code.validate_credit_code], verbose_name='纳税人识别号')),
                ('address_phone', models.CharField(blank=True, max_length=200, verbose_name='地址、电话')),
                ('bank_account', models.CharField(blank=True, max_length=200, verbose_name='开户行及账号')),
                ('send_to', models.CharField(help_text='接收电子发票的邮箱，或纸质发票的邮寄地址与收件人。', max_length=200, verbose_name='接收方式')),
                ('amount', models.PositiveBigIntegerField(verbose_name='开票金额（分）')),
                ('status', models.CharField(choices=[('requested', '待开票'), ('issued', '已开票')], default='requested', max_length=10, verbose_name='状态')),
                ('requested_at', models.DateTimeField(auto_now_add=True, verbose_name='申请时间')),
                ('number', models.CharField(blank=True, max_length=30, verbose_name='发票号码')),
                ('issued_on', models.DateField(blank=True, null=True, verbose_name='开票日期')),
                ('file', models.FileField(blank=True, max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.InFolder('services/invoices'), verbose_name='发票文件')),
                ('file_name', models.CharField(blank=True, max_length=200, verbose_name='原文件名')),
                ('file_type', models.CharField(blank=True, max_length=100, verbose_name='文件类型')),
                ('file_size', models.PositiveIntegerField(default=0, verbose_name='大小（字节）')),
                ('issued_at', models.DateTimeField(blank=True, null=True, verbose_name='登记时间')),
                ('issued_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='开票人')),
                ('requested_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='申请人')),
                ('order', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='invoice', to='services.order', verbose_name='订单')),
            ],
            options={
                'verbose_name': '发票',
                'verbose_name_plural': '发票',
                'ordering': ['-requested_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='OrderEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_status', models.CharField(blank=True, max_length=20, verbose_name='原状态')),
                ('to_status', models.CharField(max_length=20, verbose_name='新状态')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='时间')),
                ('actor', models.CharField(choices=[('enterprise', '企业'), ('institution', '服务机构'), ('staff', '平台管理员'), ('system', '支付系统')], max_length=12, verbose_name='操作方')),
                ('note', models.TextField(blank=True, verbose_name='说明')),
                ('order', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='services.order')),
                ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='操作人')),
            ],
            options={
                'verbose_name': '订单记录',
                'verbose_name_plural': '订单记录',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='QualificationDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', models.FileField(max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.private_file_path, verbose_name='文件')),
                ('original_name', models.CharField(max_length=200, verbose_name='原文件名')),
                ('content_type', models.CharField(max_length=100, verbose_name='文件类型')),
                ('size', models.PositiveIntegerField(verbose_name='大小（字节）')),
                ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='上传时间')),
                ('title', models.CharField(max_length=100, verbose_name='文件名称')),
                ('institution', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='services.institution')),
                ('uploaded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': '资质文件',
                'verbose_name_plural': '资质文件',
                'ordering': ['uploaded_at'],
            },
        ),
        migrations.CreateModel(
            name='Review',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('rating', models.PositiveSmallIntegerField(choices=[(1, '1'), (2, '2'), (3, '3'), (4, '4'), (5, '5')], validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='评分')),
                ('body', models.TextField(max_length=2000, verbose_name='评价内容')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='评价时间')),
                ('reply', models.TextField(blank=True, max_length=2000, verbose_name='机构回复')),
                ('replied_at', models.DateTimeField(blank=True, null=True, verbose_name='回复时间')),
                ('is_hidden', models.BooleanField(default=False, verbose_name='已隐藏')),
                ('hidden_reason', models.CharField(blank=True, max_length=200, verbose_name='隐藏原因')),
                ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='评价人')),
                ('hidden_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('institution', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reviews', to='services.institution', verbose_name='服务机构')),
                ('order', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='review', to='services.order', verbose_name='订单')),
                ('replied_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': '评价',
                'verbose_name_plural': '评价',
                'ordering': ['-created_at', '-pk'],
                'permissions': [('moderate_review', '隐藏或恢复评价')],
            },
        ),
        migrations.AddIndex(
            model_name='order',
            index=models.Index(fields=['institution', 'status'], name='services_or_institu_e43786_idx'),
        ),
        migrations.AddIndex(
            model_name='order',
            index=models.Index(fields=['enterprise', 'status'], name='services_or_enterpr_05d304_idx'),
        ),
        migrations.AddConstraint(
            model_name='order',
            constraint=models.UniqueConstraint(fields=('quote',), name='services_order_one_per_quote'),
        ),
        migrations.AddIndex(
            model_name='notification',
            index=models.Index(fields=['organisation', 'read_at'], name='services_no_organis_11a605_idx'),
        ),
        migrations.AddConstraint(
            model_name='review',
            constraint=models.CheckConstraint(condition=models.Q(('rating__gte', 1), ('rating__lte', 5)), name='services_review_rating_1_5'),
        ),
        migrations.AddIndex(
            model_name='institution',
            index=models.Index(fields=['status', 'is_active'], name='services_in_status_498379_idx'),
        ),
    ]
