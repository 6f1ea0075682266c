import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("search", "0001_initial"),
        ("search", "0003_entry_tags_and_rank"),
        ("search", "0004_entry_analysed_from"),
    ]

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='OutboxEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('doc_type', models.CharField(max_length=40, verbose_name='类型')),
                ('object_id', models.CharField(max_length=64, verbose_name='对象编号')),
                ('action', models.CharField(choices=[('index', '索引'), ('delete', '删除')], default='index', max_length=10, verbose_name='操作')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='创建时间')),
                ('available_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='可处理时间')),
                ('attempts', models.PositiveIntegerField(default=0, verbose_name='尝试次数')),
                ('last_error', models.TextField(blank=True, verbose_name='最近错误')),
                ('processed_at', models.DateTimeField(blank=True, null=True, verbose_name='处理时间')),
            ],
            options={
                'verbose_name': '索引待办',
                'verbose_name_plural': '索引待办',
                'indexes': [models.Index(fields=['processed_at', 'available_at'], name='search_outbox_pending')],
            },
        ),
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('doc_type', models.CharField(max_length=40, verbose_name='类型')),
                ('object_id', models.CharField(max_length=64, verbose_name='对象编号')),
                ('category', models.CharField(blank=True, max_length=100, verbose_name='类别')),
                ('district', models.CharField(blank=True, max_length=40, verbose_name='地区')),
                ('status', models.CharField(blank=True, max_length=40, verbose_name='状态')),
                ('date', models.DateField(blank=True, null=True, verbose_name='日期')),
                ('expires', models.DateField(blank=True, null=True, verbose_name='有效期至')),
                ('price_min', models.FloatField(blank=True, null=True, verbose_name='最低价格')),
                ('price_max', models.FloatField(blank=True, null=True, verbose_name='最高价格')),
                ('rank', models.FloatField(blank=True, null=True, verbose_name='排序值')),
                ('moment', models.DateTimeField(blank=True, null=True, verbose_name='时间')),
                ('tags', models.TextField(blank=True, verbose_name='筛选标签')),
                ('url', models.CharField(max_length=500, verbose_name='链接')),
                ('title', models.CharField(max_length=300, verbose_name='标题')),
                ('facts', models.JSONField(blank=True, default=list, verbose_name='要点')),
                ('terms', models.JSONField(blank=True, default=list, verbose_name='关键词')),
                ('body', models.TextField(blank=True, verbose_name='正文')),
                ('suggest', models.TextField(blank=True)),
                ('title_tokens', models.TextField(blank=True)),
                ('body_tokens', models.TextField(blank=True)),
                ('terms_tokens', models.TextField(blank=True)),
                ('analysed_from', models.CharField(blank=True, max_length=32)),
                ('updated_at', models.DateTimeField(auto_now=True)),
            ],
            options={
                'verbose_name': '检索文档',
                'verbose_name_plural': '检索文档',
                'indexes': [models.Index(fields=['date'], name='search_entry_date'), models.Index(fields=['price_min'], name='search_entry_price')],
                'constraints': [models.UniqueConstraint(fields=('doc_type', 'object_id'), name='search_entry_unique_object')],
            },
        ),
    ]
