import core.attachments
import core.storage
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("rights", "0001_initial"),
        ("rights", "0003_role_permissions"),
        ("rights", "0004_case_submission_key"),
        ("rights", "0005_case_steps_share_workflow_event"),
        ("rights", "0006_evidence_is_a_private_file"),
    ]

    dependencies = [
        ("accounts", "0001_squashed_0002"),
        ("reference", "0001_squashed_0004"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Case',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('assistance', '维权援助申请'), ('report', '侵权举报投诉')], max_length=12, verbose_name='类型')),
                ('tracking_number', models.CharField(editable=False, max_length=20, unique=True, verbose_name='受理编号')),
                ('secret_hash', models.CharField(blank=True, editable=False, max_length=128)),
                ('submission_key', models.CharField(blank=True, editable=False, max_length=32, null=True, unique=True)),
                ('category', models.CharField(choices=[('patent', '专利侵权'), ('trademark', '假冒商标'), ('copyright', '盗版侵权'), ('online', '网络侵权'), ('customs', '进出口（海关）')], max_length=12, verbose_name='类别')),
                ('status', models.CharField(choices=[('received', '已接收'), ('accepted', '已受理'), ('declined', '不予受理'), ('transferred', '已转办'), ('in_progress', '办理中'), ('closed', '已办结')], default='received', max_length=12, verbose_name='状态')),
                ('ip_right', models.CharField(blank=True, help_text='如商标名称及注册号、专利号、作品名称。', max_length=200, verbose_name='涉及的知识产权')),
                ('infringer', models.CharField(max_length=200, verbose_name='侵权方 / 对方当事人')),
                ('infringer_details', models.CharField(blank=True, help_text='地址、店铺名称、网店或网站链接等。', max_length=300, verbose_name='侵权方地址或网址')),
                ('place', models.CharField(blank=True, max_length=200, verbose_name='发生地点')),
                ('occurred_on', models.DateField(blank=True, null=True, verbose_name='发生时间')),
                ('description', models.TextField(verbose_name='情况说明')),
                ('help_wanted', models.CharField(blank=True, choices=[('consultation', '法律咨询'), ('analysis', '侵权判定分析'), ('evidence', '证据保全指导'), ('referral', '推荐维权服务机构或律师'), ('administrative', '协调行政执法'), ('litigation', '诉讼、仲裁援助'), ('foreign', '涉外纠纷应对')], max_length=16, verbose_name='需要的援助')),
                ('deadline', models.DateField(blank=True, help_text='如开庭日期、答辩或举证期限。', null=True, verbose_name='期限')),
                ('deadline_note', models.CharField(blank=True, max_length=200, verbose_name='期限说明')),
                ('contact_name', models.CharField(blank=True, max_length=60, verbose_name='联系人')),
                ('contact_phone', models.CharField(blank=True, max_length=30, verbose_name='联系电话')),
                ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='联系邮箱')),
                ('submitted_from', models.GenericIPAddressField(blank=True, null=True, verbose_name='提交地址')),
                ('outcome', models.CharField(blank=True, choices=[('penalised', '认定侵权，已行政处罚'), ('ordered_to_stop', '认定侵权，责令停止侵权'), ('goods_detained', '认定侵权，扣留侵权货物'), ('mediated', '认定侵权，调解结案'), ('referred', '涉嫌犯罪，移送司法机关'), ('assisted', '已提供维权援助'), ('not_infringing', '不构成侵权'), ('insufficient_evidence', '证据不足'), ('withdrawn', '申请人撤回')], max_length=24, verbose_name='办理结果')),
                ('outcome_summary', models.TextField(blank=True, verbose_name='结果说明')),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='提交时间')),
                ('last_step_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='最近办理时间')),
                ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='办结时间')),
                ('district', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='reference.district', verbose_name='所在县区')),
                ('handler', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='rights_handled_cases', to=settings.AUTH_USER_MODEL, verbose_name='承办人')),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='rights_cases', to='accounts.organisation', verbose_name='申请企业')),
                ('submitter', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='rights_cases', to=settings.AUTH_USER_MODEL, verbose_name='提交人账户')),
                ('unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='rights_cases', to='reference.responsibleunit', verbose_name='承办单位')),
            ],
            options={
                'verbose_name': '维权案件',
                'verbose_name_plural': '维权案件',
                'ordering': ['-created_at'],
                'permissions': [('administer_cases', '查看并分派全部维权案件，管理办理人员'), ('handle_cases', '办理本单位的维权案件')],
            },
        ),
        migrations.CreateModel(
            name='CaseNote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('text', models.TextField(verbose_name='内部备注')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='时间')),
                ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('author_unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='reference.responsibleunit')),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notes', to='rights.case')),
            ],
            options={
                'verbose_name': '内部备注',
                'verbose_name_plural': '内部备注',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='CaseStep',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_status', models.CharField(blank=True, max_length=20, verbose_name='原状态')),
                ('to_status', models.CharField(max_length=20, verbose_name='新状态')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='时间')),
                ('action', models.CharField(choices=[('submit', '提交'), ('assign', '分派'), ('accept', '受理'), ('decline', '不予受理'), ('transfer', '转办'), ('start', '开始办理'), ('close', '办结'), ('message', '答复')], max_length=10, verbose_name='操作')),
                ('note', models.TextField(blank=True, verbose_name='内部说明')),
                ('public_message', models.TextField(blank=True, verbose_name='对提交人的答复')),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='操作人')),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='steps', to='rights.case')),
                ('from_unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='reference.responsibleunit', verbose_name='原承办单位')),
                ('handler', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='承办人')),
                ('to_unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='reference.responsibleunit', verbose_name='承办单位')),
            ],
            options={
                'verbose_name': '办理记录',
                'verbose_name_plural': '办理记录',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Evidence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', models.FileField(max_length=200, storage=core.storage.private_storage, upload_to=core.attachments.private_file_path, verbose_name='文件')),
                ('original_name', models.CharField(max_length=200, verbose_name='原文件名')),
                ('content_type', models.CharField(max_length=100, verbose_name='文件类型')),
                ('size', models.PositiveIntegerField(verbose_name='大小（字节）')),
                ('sha256', models.CharField(max_length=64, verbose_name='SHA-256')),
                ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='上传时间')),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evidence', to='rights.case')),
            ],
            options={
                'verbose_name': '证据材料',
                'verbose_name_plural': '证据材料',
                'ordering': ['uploaded_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Handler',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('is_active', models.BooleanField(default=True, verbose_name='在岗')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='rights_handlers', to='reference.responsibleunit', verbose_name='责任单位')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='rights_handler', to=settings.AUTH_USER_MODEL, verbose_name='用户')),
            ],
            options={
                'verbose_name': '案件办理人',
                'verbose_name_plural': '案件办理人',
                'ordering': ['unit__sort_order', 'user__name'],
            },
        ),
        migrations.CreateModel(
            name='Notification',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('recipient', models.EmailField(max_length=254, verbose_name='收件人')),
                ('template', models.CharField(max_length=80, verbose_name='模板')),
                ('context', models.JSONField(default=dict, verbose_name='内容')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='发送时间')),
                ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='尝试次数')),
                ('last_attempt_at', models.DateTimeField(blank=True, null=True, verbose_name='最近尝试')),
                ('last_error', models.TextField(blank=True, verbose_name='最近错误')),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to='rights.case')),
                ('step', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to='rights.casestep')),
            ],
            options={
                'verbose_name': '通知邮件',
                'verbose_name_plural': '通知邮件',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.AddIndex(
            model_name='case',
            index=models.Index(fields=['status', 'unit'], name='rights_case_status_59da3c_idx'),
        ),
        migrations.AddIndex(
            model_name='case',
            index=models.Index(fields=['category', 'status'], name='rights_case_categor_a167e3_idx'),
        ),
        migrations.AddConstraint(
            model_name='case',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'closed'), _negated=True), models.Q(('outcome', ''), _negated=True), _connector='OR'), name='rights_closed_case_has_outcome'),
        ),
        migrations.AddIndex(
            model_name='notification',
            index=models.Index(fields=['sent_at', 'attempts'], name='rights_noti_sent_at_be96ae_idx'),
        ),
    ]
