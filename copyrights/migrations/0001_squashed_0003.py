import copyrights.models
import core.attachments
import core.storage
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("copyrights", "0001_initial"),
        ("copyrights", "0003_private_file_and_event"),
    ]

    dependencies = [
        ("accounts", "0001_squashed_0002"),
        ("reference", "0001_squashed_0004"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Examiner',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('is_active', models.BooleanField(default=True, verbose_name='在岗')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='copyright_examiners', to='reference.responsibleunit', verbose_name='登记机关')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='copyright_examiner', to=settings.AUTH_USER_MODEL, verbose_name='用户')),
            ],
            options={
                'verbose_name': '作品登记审查员',
                'verbose_name_plural': '作品登记审查员',
                'ordering': ['unit__sort_order', 'user__email'],
            },
        ),
        migrations.CreateModel(
            name='Filing',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', models.FileField(max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.private_file_path, verbose_name='文件')),
                ('original_name', models.CharField(max_length=200, verbose_name='原文件名')),
                ('content_type', models.CharField(max_length=100, verbose_name='文件类型')),
                ('size', models.PositiveIntegerField(verbose_name='大小（字节）')),
                ('kind', models.CharField(choices=[('work', '作品登记'), ('transfer', '转让合同备案'), ('licence', '许可合同备案')], max_length=10, verbose_name='类别')),
                ('status', models.CharField(choices=[('submitted', '已提交'), ('examining', '审查中'), ('correction', '待补正'), ('approved', '已登记'), ('refused', '不予登记')], default='submitted', max_length=12, verbose_name='状态')),
                ('title', models.CharField(max_length=200, verbose_name='作品名称')),
                ('work_type', models.CharField(choices=[('text', '文字作品'), ('music', '音乐作品'), ('drama', '戏剧作品'), ('quyi', '曲艺作品'), ('dance', '舞蹈作品'), ('acrobatics', '杂技艺术作品'), ('fine_art', '美术作品'), ('architecture', '建筑作品'), ('photography', '摄影作品'), ('audiovisual', '视听作品'), ('design_drawing', '工程设计图、产品设计图'), ('map', '地图、示意图'), ('model', '模型作品'), ('software', '计算机软件'), ('other', '其他作品')], max_length=20, verbose_name='作品类别')),
                ('authors', models.CharField(blank=True, max_length=300, verbose_name='作者')),
                ('owners', models.CharField(blank=True, max_length=300, verbose_name='著作权人')),
                ('completed_on', models.DateField(blank=True, null=True, verbose_name='创作完成日期')),
                ('published', models.BooleanField(default=False, verbose_name='已发表')),
                ('published_on', models.DateField(blank=True, null=True, verbose_name='首次发表日期')),
                ('published_place', models.CharField(blank=True, max_length=100, verbose_name='首次发表地点')),
                ('description', models.TextField(blank=True, verbose_name='作品说明')),
                ('assignor', models.CharField(blank=True, max_length=200, verbose_name='转让方（许可方）')),
                ('assignee', models.CharField(blank=True, max_length=200, verbose_name='受让方（被许可方）')),
                ('rights', models.CharField(blank=True, max_length=300, verbose_name='转让（许可）的权利')),
                ('territory', models.CharField(blank=True, max_length=100, verbose_name='地域范围')),
                ('term_start', models.DateField(blank=True, null=True, verbose_name='期限起始日')),
                ('term_end', models.DateField(blank=True, null=True, verbose_name='期限截止日')),
                ('price', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='价款（元）')),
                ('sha256', models.CharField(max_length=64, verbose_name='SHA-256')),
                ('preview', models.FileField(blank=True, max_length=200, storage=core.storage.private_storage, upload_to=copyrights.models.preview_path, verbose_name='公开预览')),
                ('declaration', models.BooleanField(default=False, verbose_name='已声明所填信息真实、权属无争议')),
                ('correction_reason', models.TextField(blank=True, verbose_name='补正要求')),
                ('refusal_reason', models.TextField(blank=True, verbose_name='不予登记理由')),
                ('number', models.CharField(blank=True, max_length=40, null=True, unique=True, verbose_name='登记号')),
                ('registered_on', models.DateField(blank=True, null=True, verbose_name='登记日期')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新时间')),
                ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='提交时间')),
                ('approved_at', models.DateTimeField(blank=True, null=True, verbose_name='登记时间')),
                ('applicant', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='copyright_filings', to=settings.AUTH_USER_MODEL, verbose_name='申请人')),
                ('district', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='reference.district', verbose_name='所在县区')),
                ('organisation', models.ForeignKey(blank=True, help_text='代表所在单位申请时填写；个人申请留空', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='copyright_filings', to='accounts.organisation', verbose_name='申请单位')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='copyright_filings', to='reference.responsibleunit', verbose_name='登记机关')),
                ('work', models.ForeignKey(blank=True, limit_choices_to={'kind': 'work', 'status': 'approved'}, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='contracts', to='copyrights.filing', verbose_name='已登记作品')),
            ],
            options={
                'verbose_name': '版权登记申请',
                'verbose_name_plural': '版权登记申请',
                'ordering': ['-created_at', '-pk'],
                'permissions': [('examine_filing', '审查本单位受理的作品登记与合同备案')],
            },
        ),
        migrations.CreateModel(
            name='FilingEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_status', models.CharField(blank=True, max_length=20, verbose_name='原状态')),
                ('to_status', models.CharField(max_length=20, verbose_name='新状态')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='时间')),
                ('action', models.CharField(max_length=30, verbose_name='操作')),
                ('note', models.TextField(blank=True, verbose_name='说明')),
                ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='操作人')),
                ('filing', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='copyrights.filing')),
            ],
            options={
                'verbose_name': '办理记录',
                'verbose_name_plural': '办理记录',
                'ordering': ['created_at', 'pk'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='RegistrationSequence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('series', models.CharField(max_length=20)),
                ('year', models.PositiveSmallIntegerField()),
                ('last_serial', models.PositiveIntegerField(default=0)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('series', 'year'), name='copyrights_one_sequence_per_year')],
            },
        ),
        migrations.AddIndex(
            model_name='filing',
            index=models.Index(fields=['kind', 'status'], name='copyrights__kind_bd87f0_idx'),
        ),
        migrations.AddIndex(
            model_name='filing',
            index=models.Index(fields=['unit', 'status'], name='copyrights__unit_id_97a374_idx'),
        ),
        migrations.AddConstraint(
            model_name='filing',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('number__isnull', False), ('registered_on__isnull', False), ('status', 'approved')), models.Q(models.Q(('status', 'approved'), _negated=True), ('number__isnull', True)), _connector='OR'), name='copyrights_number_when_approved'),
        ),
        migrations.AddConstraint(
            model_name='filing',
            constraint=models.CheckConstraint(condition=models.Q(('term_end__isnull', True), ('term_start__isnull', True), ('term_end__gte', models.F('term_start')), _connector='OR'), name='copyrights_term_in_order'),
        ),
        migrations.AddConstraint(
            model_name='filing',
            constraint=models.CheckConstraint(condition=models.Q(('price__isnull', True), ('price__gte', 0), _connector='OR'), name='copyrights_price_positive'),
        ),
    ]
