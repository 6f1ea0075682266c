import core.attachments
import core.storage
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("advisers", "0001_initial"),
        ("advisers", "0003_recognition_document_as_private_file"),
    ]

    dependencies = [
        ("accounts", "0001_squashed_0002"),
        ("reference", "0001_squashed_0004"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AdviceRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('topic', models.CharField(max_length=120, verbose_name='咨询主题')),
                ('message', models.TextField(verbose_name='情况说明')),
                ('preferred_from', models.DateField(verbose_name='希望最早日期')),
                ('preferred_to', models.DateField(verbose_name='希望最晚日期')),
                ('status', models.CharField(choices=[('sent', '待顾问答复'), ('accepted', '顾问已接受'), ('declined', '顾问已谢绝')], default='sent', max_length=10, verbose_name='状态')),
                ('answer', models.TextField(blank=True, verbose_name='顾问答复')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='提出时间')),
                ('answered_at', models.DateTimeField(blank=True, null=True, verbose_name='答复时间')),
                ('enterprise', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='advice_requests', to='accounts.organisation', verbose_name='企业')),
                ('requested_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='提出人')),
            ],
            options={
                'verbose_name': '顾问咨询请求',
                'verbose_name_plural': '顾问咨询请求',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='AdviceRequestEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_status', models.CharField(blank=True, max_length=20, verbose_name='原状态')),
                ('to_status', models.CharField(max_length=20, verbose_name='新状态')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='时间')),
                ('note', models.TextField(blank=True, verbose_name='说明')),
                ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('request', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='advisers.advicerequest')),
            ],
            options={
                'verbose_name': '咨询请求记录',
                'verbose_name_plural': '咨询请求记录',
                'ordering': ['created_at', 'pk'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='AdviserProfile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('display_name', models.CharField(max_length=60, verbose_name='展示姓名')),
                ('headline', models.CharField(help_text='如：专利代理师，十年化工领域代理经验', max_length=120, verbose_name='职业简介')),
                ('expertise', models.TextField(help_text='擅长的业务与行业，会显示在顾问库中。', verbose_name='专长')),
                ('ipc_fields', models.JSONField(blank=True, default=list, verbose_name='技术领域（IPC）')),
                ('languages', models.JSONField(blank=True, default=list, verbose_name='工作语言')),
                ('availability', models.CharField(choices=[('open', '可接受新咨询'), ('limited', '时间有限，可预约'), ('closed', '暂不接受新咨询')], default='open', max_length=10, verbose_name='可约情况')),
                ('availability_note', models.CharField(blank=True, max_length=200, verbose_name='可约说明')),
                ('published', models.BooleanField(default=False, verbose_name='同意公开')),
                ('consented_at', models.DateTimeField(blank=True, null=True, verbose_name='同意公开时间')),
                ('withdrawn_at', models.DateTimeField(blank=True, null=True, verbose_name='撤回同意时间')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新时间')),
                ('districts', models.ManyToManyField(blank=True, related_name='+', to='reference.district', verbose_name='服务县区')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='adviser_profile', to=settings.AUTH_USER_MODEL, verbose_name='本人')),
            ],
            options={
                'verbose_name': '顾问资料',
                'verbose_name_plural': '顾问资料',
                'ordering': ['display_name', 'pk'],
            },
        ),
        migrations.AddField(
            model_name='advicerequest',
            name='adviser',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='requests', to='advisers.adviserprofile', verbose_name='顾问'),
        ),
        migrations.CreateModel(
            name='TitleRecognition',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', models.FileField(max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.private_file_path, verbose_name='文件')),
                ('original_name', models.CharField(max_length=200, verbose_name='原文件名')),
                ('content_type', models.CharField(max_length=100, verbose_name='文件类型')),
                ('size', models.PositiveIntegerField(verbose_name='大小（字节）')),
                ('person_name', models.CharField(max_length=60, verbose_name='姓名')),
                ('level', models.CharField(choices=[('assistant', '助理知识产权工程师'), ('engineer', '知识产权工程师'), ('senior', '高级知识产权工程师')], max_length=10, verbose_name='职称级别')),
                ('decided_on', models.DateField(verbose_name='评定日期')),
                ('deciding_unit', models.CharField(max_length=100, verbose_name='评定单位')),
                ('status', models.CharField(choices=[('applied', '已申报'), ('reviewed', '已审核'), ('recognised', '已评定'), ('not_recognised', '未评定')], default='applied', max_length=15, verbose_name='状态')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='录入时间')),
                ('reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='审核时间')),
                ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='决定时间')),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='accounts.organisation', verbose_name='所在单位')),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='title_recognitions', to=settings.AUTH_USER_MODEL, verbose_name='本人')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='录入人')),
            ],
            options={
                'verbose_name': '知识产权工程师评聘',
                'verbose_name_plural': '知识产权工程师评聘',
                'ordering': ['-created_at', '-pk'],
                'permissions': [('recognise_titles', '录入与审核知识产权工程师评聘')],
            },
        ),
        migrations.CreateModel(
            name='RecognitionEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_status', models.CharField(blank=True, max_length=20, verbose_name='原状态')),
                ('to_status', models.CharField(max_length=20, verbose_name='新状态')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='时间')),
                ('note', models.TextField(blank=True, verbose_name='说明')),
                ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('recognition', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='advisers.titlerecognition')),
            ],
            options={
                'verbose_name': '评聘记录',
                'verbose_name_plural': '评聘记录',
                'ordering': ['created_at', 'pk'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='InstitutionRegistration',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('proposed', '待本人确认'), ('accepted', '已确认'), ('declined', '本人已谢绝')], default='proposed', max_length=10, verbose_name='状态')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='登记时间')),
                ('answered_at', models.DateTimeField(blank=True, null=True, verbose_name='确认时间')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='accounts.organisation', verbose_name='服务机构')),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='顾问')),
                ('registered_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='登记人')),
            ],
            options={
                'verbose_name': '机构登记的顾问',
                'verbose_name_plural': '机构登记的顾问',
                'ordering': ['-created_at', '-pk'],
                'constraints': [models.UniqueConstraint(fields=('organisation', 'person'), name='advisers_registered_once')],
            },
        ),
    ]
