import core.attachments
import core.storage
import datetime
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("targets", "0001_initial"),
        ("targets", "0003_role_permissions"),
        ("targets", "0004_yearly_targets_counted_from_records"),
        ("targets", "0005_attachments_and_evidence_kept_as_private_files"),
    ]

    dependencies = [
        ("accounts", "0001_squashed_0002"),
        ("reference", "0001_squashed_0004"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='DemonstrationCertification',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('certificate_number', models.CharField(error_messages={'unique': '该证书编号已登记。'}, max_length=60, unique=True, verbose_name='证书编号')),
                ('certified_on', models.DateField(verbose_name='认定日期')),
                ('issued_by', models.CharField(default='市科技局、连云港质监局', max_length=60, verbose_name='认定单位')),
                ('evidence', models.FileField(max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.InFolder('targets/certifications'), verbose_name='证明材料')),
                ('evidence_name', models.CharField(blank=True, max_length=200, verbose_name='原文件名')),
                ('evidence_type', models.CharField(blank=True, max_length=100, verbose_name='文件类型')),
                ('evidence_size', models.PositiveIntegerField(default=0, verbose_name='大小（字节）')),
                ('revoked_on', models.DateField(blank=True, null=True, verbose_name='撤销日期')),
                ('entered_at', models.DateTimeField(auto_now_add=True, verbose_name='录入时间')),
                ('entered_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='录入人')),
                ('enterprise', models.ForeignKey(limit_choices_to={'kind': 'enterprise'}, on_delete=django.db.models.deletion.PROTECT, related_name='demonstration_certifications', to='accounts.organisation', verbose_name='企业')),
            ],
            options={
                'verbose_name': '管理标准化示范企业认定',
                'verbose_name_plural': '管理标准化示范企业认定',
                'ordering': ['-certified_on', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='ImportBatch',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('filename', models.CharField(max_length=200, verbose_name='文件名')),
                ('rows', models.JSONField(default=list, verbose_name='数据行')),
                ('errors', models.JSONField(default=list, verbose_name='错误')),
                ('status', models.CharField(choices=[('pending', '待确认'), ('applied', '已导入'), ('discarded', '已放弃')], default='pending', max_length=10, verbose_name='状态')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='上传时间')),
                ('applied_at', models.DateTimeField(blank=True, null=True, verbose_name='导入时间')),
                ('uploaded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='上传人')),
            ],
            options={
                'verbose_name': '导入批次',
                'verbose_name_plural': '导入批次',
                'ordering': ['-created_at'],
            },
        ),
        migrations.CreateModel(
            name='Indicator',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(max_length=60, unique=True, verbose_name='代码')),
                ('name', models.CharField(max_length=120, verbose_name='名称')),
                ('unit', models.CharField(help_text='如 件、家、名、%、次', max_length=20, verbose_name='单位')),
                ('category', models.CharField(choices=[('creation', '知识产权创造'), ('utilisation', '知识产权运用'), ('protection', '知识产权保护'), ('management', '知识产权管理'), ('services', '知识产权服务'), ('safeguards', '保障措施')], max_length=12, verbose_name='篇章')),
                ('source', models.CharField(choices=[('live', '平台数据实时统计'), ('manual', '工作人员填报')], default='manual', max_length=8, verbose_name='数据来源')),
                ('live_rule', models.CharField(blank=True, help_text='数据来源为平台统计时，所用统计规则的代码', max_length=60, verbose_name='实时统计规则')),
                ('baseline', models.DecimalField(blank=True, decimal_places=4, help_text='留空时以最早一条填报值为基数', max_digits=14, null=True, verbose_name='基数')),
                ('baseline_date', models.DateField(default=datetime.date(2014, 1, 1), verbose_name='基数日期')),
                ('target_value', models.DecimalField(blank=True, decimal_places=4, help_text='留空表示仅作统计、无目标', max_digits=14, null=True, verbose_name='目标值')),
                ('comparison', models.CharField(choices=[('at_least', '不低于'), ('at_most', '不高于')], default='at_least', max_length=8, verbose_name='比较方式')),
                ('deadline', models.DateField(default=datetime.date(2016, 12, 31), verbose_name='完成期限')),
                ('yearly', models.BooleanField(default=False, help_text='目标对计划期内每一年都适用（如每年召开2次以上会议），逐年判断是否达成', verbose_name='每年考核')),
                ('plan_text', models.TextField(blank=True, verbose_name='方案原文')),
                ('is_published', models.BooleanField(default=False, verbose_name='在公开页发布')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='排序')),
                ('responsible_units', models.ManyToManyField(blank=True, related_name='indicators', to='reference.responsibleunit', verbose_name='责任单位')),
            ],
            options={
                'verbose_name': '指标',
                'verbose_name_plural': '指标',
                'ordering': ['sort_order', 'code'],
            },
        ),
        migrations.CreateModel(
            name='IndicatorEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('as_of', models.DateField(verbose_name='统计日期')),
                ('value', models.DecimalField(decimal_places=4, max_digits=14, verbose_name='数值')),
                ('source_note', models.CharField(max_length=200, verbose_name='数据来源说明')),
                ('attachment', models.FileField(blank=True, max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.InFolder('targets/entries'), verbose_name='附件')),
                ('attachment_name', models.CharField(blank=True, max_length=200, verbose_name='原文件名')),
                ('attachment_type', models.CharField(blank=True, max_length=100, verbose_name='文件类型')),
                ('attachment_size', models.PositiveIntegerField(default=0, verbose_name='大小（字节）')),
                ('entered_at', models.DateTimeField(auto_now_add=True, verbose_name='填报时间')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新时间')),
                ('district', models.ForeignKey(blank=True, help_text='留空为全市', null=True, on_delete=django.db.models.deletion.PROTECT, to='reference.district', verbose_name='县区')),
                ('entered_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='填报人')),
                ('import_batch', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='entries', to='targets.importbatch', verbose_name='导入批次')),
                ('indicator', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='entries', to='targets.indicator', verbose_name='指标')),
            ],
            options={
                'verbose_name': '指标填报值',
                'verbose_name_plural': '指标填报值',
                'ordering': ['indicator', '-as_of', '-pk'],
                'permissions': [('report_targets', '填报与导入试点城市指标数据，查看指标看板')],
            },
        ),
        migrations.CreateModel(
            name='EntryRevision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('previous_as_of', models.DateField(verbose_name='原统计日期')),
                ('previous_value', models.DecimalField(decimal_places=4, max_digits=14, verbose_name='原数值')),
                ('previous_source_note', models.CharField(max_length=200, verbose_name='原数据来源说明')),
                ('previous_attachment', models.CharField(blank=True, max_length=200, verbose_name='原附件')),
                ('reason', models.CharField(max_length=200, verbose_name='更正原因')),
                ('corrected_at', models.DateTimeField(auto_now_add=True, verbose_name='更正时间')),
                ('corrected_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='更正人')),
                ('previous_district', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='reference.district', verbose_name='原县区')),
                ('entry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='revisions', to='targets.indicatorentry')),
            ],
            options={
                'verbose_name': '更正记录',
                'verbose_name_plural': '更正记录',
                'ordering': ['-corrected_at', '-pk'],
            },
        ),
    ]
