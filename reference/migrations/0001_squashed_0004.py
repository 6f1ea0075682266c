import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("reference", "0001_initial"),
        ("reference", "0003_english_names"),
        ("reference", "0004_indicator_reference_data"),
    ]

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='AbnormalApplication',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('application_number', models.CharField(max_length=14, unique=True, verbose_name='申请号')),
                ('published_on', models.DateField(verbose_name='通报日期')),
                ('notice', models.CharField(blank=True, max_length=200, verbose_name='通报文件')),
            ],
            options={
                'verbose_name': '非正常专利申请',
                'verbose_name_plural': '非正常专利申请',
                'ordering': ['-published_on', 'application_number'],
            },
        ),
        migrations.CreateModel(
            name='District',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name_en', models.CharField(blank=True, help_text='英文界面显示此名称；留空时显示中文名称。', max_length=120, verbose_name='英文名称')),
                ('code', models.SlugField(max_length=40, unique=True, verbose_name='代码')),
                ('name', models.CharField(max_length=50, unique=True, verbose_name='名称')),
                ('kind', models.CharField(choices=[('district', '市辖区'), ('county', '县'), ('zone', '功能区')], max_length=10, verbose_name='类别')),
                ('is_urban', models.BooleanField(default=False, verbose_name='属于市区')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='排序')),
            ],
            options={
                'verbose_name': '县区',
                'verbose_name_plural': '县区',
                'ordering': ['sort_order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='RdSpending',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(unique=True, validators=[django.core.validators.MinValueValidator(1985)], verbose_name='年度')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=14, validators=[django.core.validators.MinValueValidator(0.01)], verbose_name='研发经费支出（万元）')),
                ('source_note', models.CharField(blank=True, help_text='如：市统计局《统计公报》', max_length=200, verbose_name='数据来源')),
            ],
            options={
                'verbose_name': '研发经费支出',
                'verbose_name_plural': '研发经费支出',
                'ordering': ['-year'],
            },
        ),
        migrations.CreateModel(
            name='ResponsibleUnit',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name_en', models.CharField(blank=True, help_text='英文界面显示此名称；留空时显示中文名称。', max_length=120, verbose_name='英文名称')),
                ('code', models.SlugField(max_length=40, unique=True, verbose_name='代码')),
                ('name', models.CharField(max_length=60, unique=True, verbose_name='名称')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='排序')),
            ],
            options={
                'verbose_name': '责任单位',
                'verbose_name_plural': '责任单位',
                'ordering': ['sort_order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='ResidentPopulation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1985)], verbose_name='年度')),
                ('residents', models.DecimalField(decimal_places=2, max_digits=8, validators=[django.core.validators.MinValueValidator(0.01)], verbose_name='常住人口（万人）')),
                ('source_note', models.CharField(blank=True, help_text='如：《连云港统计年鉴2016》', max_length=200, verbose_name='数据来源')),
                ('district', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='populations', to='reference.district', verbose_name='县区')),
            ],
            options={
                'verbose_name': '常住人口',
                'verbose_name_plural': '常住人口',
                'ordering': ['-year', 'district__sort_order'],
                'constraints': [models.UniqueConstraint(fields=('district', 'year'), name='reference_population_once')],
            },
        ),
    ]
