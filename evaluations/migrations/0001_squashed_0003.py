import core.attachments
import core.storage
import django.db.models.deletion
import django.utils.timezone
import evaluations.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("evaluations", "0001_initial"),
        ("evaluations", "0003_private_file_and_event"),
    ]

    dependencies = [
        ("accounts", "0001_squashed_0002"),
        ("reference", "0001_squashed_0004"),
        ("services", "0001_squashed_0010"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='DepartmentMember',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='reference.responsibleunit', verbose_name='部门')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='evaluation_department', to=settings.AUTH_USER_MODEL, verbose_name='用户')),
            ],
            options={
                'verbose_name': '评议申请部门人员',
                'verbose_name_plural': '评议申请部门人员',
                'ordering': ['unit__sort_order', 'user__email'],
            },
        ),
        migrations.CreateModel(
            name='EvaluationRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('project_name', models.CharField(max_length=120, verbose_name='项目名称')),
                ('description', models.TextField(verbose_name='项目简介')),
                ('decision', models.CharField(choices=[('major_project', '重大项目审批（立项）'), ('investment', '投资或并购'), ('technology_import', '技术引进'), ('funding', '财政资金资助'), ('talent', '人才引进'), ('other', '其他重大经济科技活动')], max_length=20, verbose_name='评议服务的决策事项')),
                ('ipc_fields', models.JSONField(default=list, verbose_name='技术领域（IPC分类）')),
                ('deadline', models.DateField(verbose_name='希望完成日期')),
                ('status', models.CharField(choices=[('filed', '已提交，待指派'), ('assigned', '已指派，待机构接受'), ('accepted', '评议中'), ('delivered', '报告已交付'), ('closed', '已办结')], default='filed', max_length=12, verbose_name='状态')),
                ('return_reason', models.TextField(blank=True, verbose_name='退回原因')),
                ('field_analysis', models.JSONField(blank=True, default=dict, verbose_name='技术领域的登记簿统计')),
                ('analysed_at', models.DateTimeField(blank=True, null=True, verbose_name='统计时间')),
                ('report', models.FileField(blank=True, storage=core.storage.private_storage, upload_to=evaluations.models._report_path, verbose_name='评议报告')),
                ('report_name', models.CharField(blank=True, max_length=200, verbose_name='报告原文件名')),
                ('report_size', models.PositiveIntegerField(blank=True, null=True, verbose_name='报告大小（字节）')),
                ('summary', models.TextField(blank=True, help_text='可公开的结论摘要，不含商业秘密和报告中的非公开信息', verbose_name='报告摘要')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='提交时间')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新时间')),
                ('assigned_at', models.DateTimeField(blank=True, null=True, verbose_name='指派时间')),
                ('accepted_at', models.DateTimeField(blank=True, null=True, verbose_name='接受时间')),
                ('delivered_at', models.DateTimeField(blank=True, null=True, verbose_name='交付时间')),
                ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='办结时间')),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='提交人')),
                ('district', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='reference.district', verbose_name='县区')),
                ('institution', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='evaluation_requests', to='services.institution', verbose_name='评议机构')),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='accounts.organisation', verbose_name='申请单位')),
                ('unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='reference.responsibleunit', verbose_name='申请部门')),
            ],
            options={
                'verbose_name': '知识产权评议申请',
                'verbose_name_plural': '知识产权评议申请',
                'ordering': ['-created_at', '-pk'],
                'permissions': [('manage_requests', '查看全部知识产权评议申请并指派评议机构')],
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
                ('uploaded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('request', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='evaluations.evaluationrequest')),
            ],
            options={
                'verbose_name': '评议申请材料',
                'verbose_name_plural': '评议申请材料',
                'ordering': ['request', 'uploaded_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='RequestEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_status', models.CharField(blank=True, max_length=20, verbose_name='原状态')),
                ('to_status', models.CharField(max_length=20, verbose_name='新状态')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='时间')),
                ('action', models.CharField(max_length=30, verbose_name='操作')),
                ('note', models.TextField(blank=True, verbose_name='说明')),
                ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='操作人')),
                ('request', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='evaluations.evaluationrequest')),
            ],
            options={
                'verbose_name': '评议申请记录',
                'verbose_name_plural': '评议申请记录',
                'ordering': ['created_at', 'pk'],
                'abstract': False,
            },
        ),
        migrations.AddIndex(
            model_name='evaluationrequest',
            index=models.Index(fields=['status', 'delivered_at'], name='evaluations_status_7bb055_idx'),
        ),
        migrations.AddConstraint(
            model_name='evaluationrequest',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('organisation__isnull', False), ('unit__isnull', True)), models.Q(('organisation__isnull', True), ('unit__isnull', False)), _connector='OR'), name='evaluations_one_owner'),
        ),
    ]
