import core.pages
import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("training", "0001_initial"),
        ("training", "0002_role_permissions"),
        ("training", "0003_session_title_optional"),
        ("training", "0004_enrolment_events"),
    ]

    dependencies = [
        ("accounts", "0001_squashed_0002"),
        ("payments", "0001_squashed_0004"),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CourseIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', wagtail.fields.RichTextField(blank=True, verbose_name='导语')),
            ],
            options={
                'verbose_name': '培训栏目',
            },
            bases=(core.pages.RestrictionsFromCacheMixin, wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='CertificateSequence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('course_type', models.CharField(choices=[('ip_engineer', '知识产权工程师'), ('patent_agent', '专利代理人'), ('ip_manager', '企业知识产权管理'), ('other', '其他')], max_length=20)),
                ('year', models.PositiveIntegerField()),
                ('last_number', models.PositiveIntegerField(default=0)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('course_type', 'year'), name='training_one_sequence_per_year')],
            },
        ),
        migrations.CreateModel(
            name='CoursePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('course_type', models.CharField(choices=[('ip_engineer', '知识产权工程师'), ('patent_agent', '专利代理人'), ('ip_manager', '企业知识产权管理'), ('other', '其他')], max_length=20, verbose_name='培训类型')),
                ('summary', models.TextField(help_text='列表中显示的一两句话。', max_length=500, verbose_name='简介')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('table', 9), ('attachment', 12), ('image', 13), ('quote', 16)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': '标题'}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', '一级标题'), ('h3', '二级标题'), ('h4', '三级标题')], 'label': '级别'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'description': '正文段落，可含链接和列表', 'features': ['bold', 'italic', 'link', 'ol', 'ul', 'document-link'], 'icon': 'pilcrow', 'label': '段落', 'preview_value': '<p>为贯彻实施国家、省知识产权战略，大力推进科技创新工程……</p>', 'template': 'cms/blocks/paragraph_block.html'}), 4: ('wagtail.blocks.CharBlock', (), {'label': '表题', 'required': False}), 5: ('wagtail.blocks.CharBlock', (), {'label': '文字'}), 6: ('wagtail.blocks.DecimalBlock', (), {'label': '数字'}), 7: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link'], 'label': '富文本'}), 8: ('wagtail.contrib.typed_table_block.blocks.TypedTableBlock', [[('text', 5), ('number', 6), ('rich_text', 7)]], {'label': '表格'}), 9: ('wagtail.blocks.StructBlock', [[('caption', 4), ('table', 8)]], {'label': '表格'}), 10: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': '文件'}), 11: ('wagtail.blocks.CharBlock', (), {'help_text': '留空则使用文件标题', 'label': '显示名称', 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('document', 10), ('title', 11)]], {'label': '附件'}), 13: ('wagtail.images.blocks.ImageBlock', [], {'description': '配图，须填写替代文字', 'icon': 'image', 'label': '图片', 'template': 'cms/blocks/image_block.html'}), 14: ('wagtail.blocks.TextBlock', (), {'label': '引文'}), 15: ('wagtail.blocks.CharBlock', (), {'label': '出处', 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('text', 14), ('source', 15)]], {'label': '引文'})}, verbose_name='课程详情')),
                ('starts_at', models.DateTimeField(verbose_name='开始时间')),
                ('ends_at', models.DateTimeField(verbose_name='结束时间')),
                ('is_online', models.BooleanField(default=False, verbose_name='线上课程')),
                ('venue', models.CharField(blank=True, max_length=200, verbose_name='上课地点')),
                ('online_url', models.URLField(blank=True, help_text='只向已报名的学员显示。', verbose_name='线上课堂链接')),
                ('capacity', models.PositiveIntegerField(verbose_name='名额')),
                ('fee', models.PositiveIntegerField(default=0, help_text='以分为单位，0 为免费；例如 80000 即 800.00 元。', verbose_name='费用（分）')),
                ('organiser_name', models.CharField(blank=True, help_text='主办方不是平台上的服务机构时填写。', max_length=100, verbose_name='主办单位（文字）')),
                ('contact', models.CharField(blank=True, max_length=100, verbose_name='咨询方式')),
                ('is_cancelled', models.BooleanField(default=False, editable=False, verbose_name='已取消')),
                ('organiser_organisation', models.ForeignKey(blank=True, limit_choices_to={'kind': 'institution'}, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='courses', to='accounts.organisation', verbose_name='主办机构')),
            ],
            options={
                'verbose_name': '培训课程',
                'verbose_name_plural': '培训课程',
            },
            bases=(core.pages.RestrictionsFromCacheMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='CourseSession',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('title', models.CharField(blank=True, help_text='留空时按日期称呼，例如“第1天上午”。', max_length=100, verbose_name='课时名称')),
                ('starts_at', models.DateTimeField(verbose_name='开始时间')),
                ('ends_at', models.DateTimeField(verbose_name='结束时间')),
                ('course', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='sessions', to='training.coursepage')),
            ],
            options={
                'verbose_name': '课时',
                'verbose_name_plural': '课时',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='Enrolment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('awaiting_payment', '待付款'), ('confirmed', '已报名'), ('waiting', '候补中'), ('completed', '已结业'), ('cancelled', '已取消'), ('expired', '付款超时')], max_length=20, verbose_name='状态')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='报名时间')),
                ('waitlisted_at', models.DateTimeField(blank=True, null=True, verbose_name='候补时间')),
                ('hold_expires_at', models.DateTimeField(blank=True, null=True, verbose_name='名额保留至')),
                ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='确认时间')),
                ('cancelled_at', models.DateTimeField(blank=True, null=True, verbose_name='取消时间')),
                ('completed_at', models.DateTimeField(blank=True, null=True, verbose_name='结业时间')),
                ('cancelled_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('completed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('course', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='enrolments', to='training.coursepage', verbose_name='课程')),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='accounts.organisation', verbose_name='所在单位')),
                ('payment', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='payments.payment', verbose_name='付款')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='enrolments', to=settings.AUTH_USER_MODEL, verbose_name='学员')),
            ],
            options={
                'verbose_name': '报名',
                'verbose_name_plural': '报名',
                'ordering': ['course', 'created_at', 'pk'],
                'permissions': [('manage_training', '管理培训报名名单、考勤、结业与证书')],
            },
        ),
        migrations.CreateModel(
            name='Certificate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.CharField(max_length=30, unique=True, verbose_name='证书编号')),
                ('holder_name', models.CharField(max_length=60, verbose_name='姓名')),
                ('course_title', models.CharField(max_length=255, verbose_name='课程名称')),
                ('course_type', models.CharField(choices=[('ip_engineer', '知识产权工程师'), ('patent_agent', '专利代理人'), ('ip_manager', '企业知识产权管理'), ('other', '其他')], max_length=20, verbose_name='培训类型')),
                ('organiser', models.CharField(blank=True, max_length=100, verbose_name='主办单位')),
                ('issued_on', models.DateField(verbose_name='发证日期')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('holder', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='certificates', to=settings.AUTH_USER_MODEL, verbose_name='持证人')),
                ('issued_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='accounts.organisation', verbose_name='所在单位')),
                ('course', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='training.coursepage', verbose_name='课程')),
                ('enrolment', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='certificate', to='training.enrolment')),
            ],
            options={
                'verbose_name': '结业证书',
                'verbose_name_plural': '结业证书',
                'ordering': ['-issued_on', '-number'],
            },
        ),
        migrations.CreateModel(
            name='Attendance',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('present', models.BooleanField(default=False, verbose_name='出勤')),
                ('recorded_at', models.DateTimeField(auto_now=True, verbose_name='记录时间')),
                ('recorded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('session', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='training.coursesession')),
                ('enrolment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attendances', to='training.enrolment')),
            ],
            options={
                'verbose_name': '出勤',
                'verbose_name_plural': '出勤',
            },
        ),
        migrations.CreateModel(
            name='EnrolmentEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_status', models.CharField(blank=True, max_length=20, verbose_name='原状态')),
                ('to_status', models.CharField(max_length=20, verbose_name='新状态')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='时间')),
                ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='操作人')),
                ('enrolment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='training.enrolment')),
            ],
            options={
                'verbose_name': '报名记录',
                'verbose_name_plural': '报名记录',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.AddIndex(
            model_name='enrolment',
            index=models.Index(fields=['course', 'status'], name='training_en_course__f68262_idx'),
        ),
        migrations.AddConstraint(
            model_name='enrolment',
            constraint=models.UniqueConstraint(condition=models.Q(('status__in', ['awaiting_payment', 'confirmed', 'waiting', 'completed'])), fields=('course', 'user'), name='training_one_active_enrolment_per_person', violation_error_message='您已报名该课程。'),
        ),
        migrations.AddIndex(
            model_name='certificate',
            index=models.Index(fields=['course_type', 'issued_on'], name='training_ce_course__f8dc8f_idx'),
        ),
        migrations.AddConstraint(
            model_name='attendance',
            constraint=models.UniqueConstraint(fields=('enrolment', 'session'), name='training_attendance_once_per_session'),
        ),
        migrations.AddConstraint(
            model_name='attendance',
            constraint=models.UniqueConstraint(condition=models.Q(('session__isnull', True)), fields=('enrolment',), name='training_attendance_once_per_course'),
        ),
    ]
