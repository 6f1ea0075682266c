import cms.models.listing
import cms.models.news
import cms.models.patents
import core.pages
import django.core.validators
import django.db.models.deletion
import modelcluster.contrib.taggit
import modelcluster.fields
import modelsearch.index
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("cms", "0001_initial"),
        ("cms", "0002_knowledge_platform"),
        ("cms", "0005_service_centre_page"),
    ]

    dependencies = [
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtaildocs', '0014_alter_document_file_size'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.CreateModel(
            name='PatentInfoPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('kind', models.CharField(choices=[('article', '文章'), ('guide', '指南'), ('report', '预警分析报告')], default='article', max_length=20, verbose_name='类型')),
                ('date', models.DateField(default=cms.models.patents._today, verbose_name='发布日期')),
                ('author', models.CharField(blank=True, max_length=100, verbose_name='作者或来源')),
                ('summary', models.TextField(max_length=400, verbose_name='摘要')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('table', 9), ('attachment', 12), ('image', 13), ('quote', 16)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': '标题'}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', '一级标题'), ('h3', '二级标题'), ('h4', '三级标题')], 'label': '级别'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'description': '正文段落，可含链接和列表', 'features': ['bold', 'italic', 'link', 'ol', 'ul', 'document-link'], 'icon': 'pilcrow', 'label': '段落', 'preview_value': '<p>为贯彻实施国家、省知识产权战略，大力推进科技创新工程……</p>', 'template': 'cms/blocks/paragraph_block.html'}), 4: ('wagtail.blocks.CharBlock', (), {'label': '表题', 'required': False}), 5: ('wagtail.blocks.CharBlock', (), {'label': '文字'}), 6: ('wagtail.blocks.DecimalBlock', (), {'label': '数字'}), 7: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link'], 'label': '富文本'}), 8: ('wagtail.contrib.typed_table_block.blocks.TypedTableBlock', [[('text', 5), ('number', 6), ('rich_text', 7)]], {'label': '表格'}), 9: ('wagtail.blocks.StructBlock', [[('caption', 4), ('table', 8)]], {'label': '表格'}), 10: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': '文件'}), 11: ('wagtail.blocks.CharBlock', (), {'help_text': '留空则使用文件标题', 'label': '显示名称', 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('document', 10), ('title', 11)]], {'label': '附件'}), 13: ('wagtail.images.blocks.ImageBlock', [], {'description': '配图，须填写替代文字', 'icon': 'image', 'label': '图片', 'template': 'cms/blocks/image_block.html'}), 14: ('wagtail.blocks.TextBlock', (), {'label': '引文'}), 15: ('wagtail.blocks.CharBlock', (), {'label': '出处', 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('text', 14), ('source', 15)]], {'label': '引文'})}, verbose_name='正文')),
            ],
            options={
                'verbose_name': '专利信息文章',
                'verbose_name_plural': '专利信息文章',
            },
            bases=(core.pages.RestrictionsFromCacheMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='HomePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('hero_title', models.CharField(max_length=120, verbose_name='主标题')),
                ('hero_text', models.TextField(blank=True, verbose_name='导语')),
                ('figures', wagtail.fields.StreamField([('figure', 2)], blank=True, block_lookup={0: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('institutions', '入驻服务机构'), ('listings', '在线交易与融资信息'), ('courses', '即将开课的培训'), ('policies', '现行有效政策')], 'label': '指标'}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': '留空则使用指标名称', 'label': '显示名称', 'required': False}), 2: ('wagtail.blocks.StructBlock', [[('metric', 0), ('label', 1)]], {})}, help_text='选择首页显示的统计数字，数字由平台实时统计', verbose_name='数据概览')),
                ('featured_links', wagtail.fields.StreamField([('link', 4)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': '名称'}), 1: ('wagtail.blocks.PageChooserBlock', (), {'label': '站内页面', 'required': False}), 2: ('wagtail.blocks.URLBlock', (), {'label': '外部链接', 'required': False}), 3: ('wagtail.blocks.CharBlock', (), {'label': '说明', 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('title', 0), ('page', 1), ('url', 2), ('text', 3)]], {})}, verbose_name='推荐入口')),
                ('latest_count', models.PositiveSmallIntegerField(default=5, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(10)], verbose_name='每个列表显示条数')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('table', 9), ('attachment', 12), ('image', 13), ('quote', 16)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': '标题'}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', '一级标题'), ('h3', '二级标题'), ('h4', '三级标题')], 'label': '级别'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'description': '正文段落，可含链接和列表', 'features': ['bold', 'italic', 'link', 'ol', 'ul', 'document-link'], 'icon': 'pilcrow', 'label': '段落', 'preview_value': '<p>为贯彻实施国家、省知识产权战略，大力推进科技创新工程……</p>', 'template': 'cms/blocks/paragraph_block.html'}), 4: ('wagtail.blocks.CharBlock', (), {'label': '表题', 'required': False}), 5: ('wagtail.blocks.CharBlock', (), {'label': '文字'}), 6: ('wagtail.blocks.DecimalBlock', (), {'label': '数字'}), 7: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link'], 'label': '富文本'}), 8: ('wagtail.contrib.typed_table_block.blocks.TypedTableBlock', [[('text', 5), ('number', 6), ('rich_text', 7)]], {'label': '表格'}), 9: ('wagtail.blocks.StructBlock', [[('caption', 4), ('table', 8)]], {'label': '表格'}), 10: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': '文件'}), 11: ('wagtail.blocks.CharBlock', (), {'help_text': '留空则使用文件标题', 'label': '显示名称', 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('document', 10), ('title', 11)]], {'label': '附件'}), 13: ('wagtail.images.blocks.ImageBlock', [], {'description': '配图，须填写替代文字', 'icon': 'image', 'label': '图片', 'template': 'cms/blocks/image_block.html'}), 14: ('wagtail.blocks.TextBlock', (), {'label': '引文'}), 15: ('wagtail.blocks.CharBlock', (), {'label': '出处', 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('text', 14), ('source', 15)]], {'label': '引文'})}, verbose_name='正文')),
            ],
            options={
                'verbose_name': '首页',
            },
            bases=(core.pages.RestrictionsFromCacheMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='IssuingAgency',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, unique=True, verbose_name='名称')),
                ('short_name', models.CharField(blank=True, max_length=40, verbose_name='简称')),
                ('level', models.CharField(choices=[('national', '国家'), ('provincial', '省'), ('municipal', '市'), ('county', '县区')], default='municipal', max_length=20, verbose_name='层级')),
                ('website', models.URLField(blank=True, verbose_name='网站')),
                ('sort_order', models.PositiveSmallIntegerField(default=100, verbose_name='排序')),
            ],
            options={
                'verbose_name': '发布机构',
                'verbose_name_plural': '发布机构',
                'ordering': ['sort_order', 'name'],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='NewsIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, verbose_name='栏目介绍')),
            ],
            options={
                'verbose_name': '新闻动态栏目',
            },
            bases=(core.pages.RestrictionsFromCacheMixin, wagtail.contrib.routable_page.models.RoutablePageMixin, cms.models.listing.ListingPageMixin, core.pages.ChildrenOfOneTypeMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='PatentInfoIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, verbose_name='栏目介绍')),
            ],
            options={
                'verbose_name': '专利信息栏目',
            },
            bases=(core.pages.RestrictionsFromCacheMixin, wagtail.contrib.routable_page.models.RoutablePageMixin, cms.models.listing.ListingPageMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='PolicyIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, verbose_name='栏目介绍')),
            ],
            options={
                'verbose_name': '政策法规栏目',
            },
            bases=(core.pages.RestrictionsFromCacheMixin, wagtail.contrib.routable_page.models.RoutablePageMixin, cms.models.listing.ListingPageMixin, core.pages.ChildrenOfOneTypeMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='ServiceCentrePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, verbose_name='简介')),
                ('address', models.CharField(max_length=200, verbose_name='地址')),
                ('opening_hours', models.CharField(help_text='如 周一至周五 8:30—12:00，14:00—17:30', max_length=200, verbose_name='开放时间')),
                ('services', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('table', 9), ('attachment', 12), ('image', 13), ('quote', 16)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': '标题'}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', '一级标题'), ('h3', '二级标题'), ('h4', '三级标题')], 'label': '级别'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'description': '正文段落，可含链接和列表', 'features': ['bold', 'italic', 'link', 'ol', 'ul', 'document-link'], 'icon': 'pilcrow', 'label': '段落', 'preview_value': '<p>为贯彻实施国家、省知识产权战略，大力推进科技创新工程……</p>', 'template': 'cms/blocks/paragraph_block.html'}), 4: ('wagtail.blocks.CharBlock', (), {'label': '表题', 'required': False}), 5: ('wagtail.blocks.CharBlock', (), {'label': '文字'}), 6: ('wagtail.blocks.DecimalBlock', (), {'label': '数字'}), 7: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link'], 'label': '富文本'}), 8: ('wagtail.contrib.typed_table_block.blocks.TypedTableBlock', [[('text', 5), ('number', 6), ('rich_text', 7)]], {'label': '表格'}), 9: ('wagtail.blocks.StructBlock', [[('caption', 4), ('table', 8)]], {'label': '表格'}), 10: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': '文件'}), 11: ('wagtail.blocks.CharBlock', (), {'help_text': '留空则使用文件标题', 'label': '显示名称', 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('document', 10), ('title', 11)]], {'label': '附件'}), 13: ('wagtail.images.blocks.ImageBlock', [], {'description': '配图，须填写替代文字', 'icon': 'image', 'label': '图片', 'template': 'cms/blocks/image_block.html'}), 14: ('wagtail.blocks.TextBlock', (), {'label': '引文'}), 15: ('wagtail.blocks.CharBlock', (), {'label': '出处', 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('text', 14), ('source', 15)]], {'label': '引文'})}, verbose_name='服务内容')),
                ('desk_name', models.CharField(blank=True, max_length=60, verbose_name='服务窗口')),
                ('desk_phone', models.CharField(max_length=40, verbose_name='咨询电话')),
                ('desk_email', models.EmailField(blank=True, max_length=254, verbose_name='联系邮箱')),
            ],
            options={
                'verbose_name': '知识产权服务中心',
            },
            bases=(core.pages.RestrictionsFromCacheMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='NewsPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('date', models.DateField(default=cms.models.news._today, verbose_name='发布日期')),
                ('category', models.CharField(choices=[('news', '新闻动态'), ('notice', '通知公告')], default='news', max_length=20, verbose_name='类别')),
                ('source', models.CharField(blank=True, max_length=100, verbose_name='来源')),
                ('summary', models.TextField(help_text='列表和订阅中显示的一两句话', max_length=300, verbose_name='摘要')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('table', 9), ('attachment', 12), ('image', 13), ('quote', 16)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': '标题'}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', '一级标题'), ('h3', '二级标题'), ('h4', '三级标题')], 'label': '级别'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'description': '正文段落，可含链接和列表', 'features': ['bold', 'italic', 'link', 'ol', 'ul', 'document-link'], 'icon': 'pilcrow', 'label': '段落', 'preview_value': '<p>为贯彻实施国家、省知识产权战略，大力推进科技创新工程……</p>', 'template': 'cms/blocks/paragraph_block.html'}), 4: ('wagtail.blocks.CharBlock', (), {'label': '表题', 'required': False}), 5: ('wagtail.blocks.CharBlock', (), {'label': '文字'}), 6: ('wagtail.blocks.DecimalBlock', (), {'label': '数字'}), 7: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link'], 'label': '富文本'}), 8: ('wagtail.contrib.typed_table_block.blocks.TypedTableBlock', [[('text', 5), ('number', 6), ('rich_text', 7)]], {'label': '表格'}), 9: ('wagtail.blocks.StructBlock', [[('caption', 4), ('table', 8)]], {'label': '表格'}), 10: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': '文件'}), 11: ('wagtail.blocks.CharBlock', (), {'help_text': '留空则使用文件标题', 'label': '显示名称', 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('document', 10), ('title', 11)]], {'label': '附件'}), 13: ('wagtail.images.blocks.ImageBlock', [], {'description': '配图，须填写替代文字', 'icon': 'image', 'label': '图片', 'template': 'cms/blocks/image_block.html'}), 14: ('wagtail.blocks.TextBlock', (), {'label': '引文'}), 15: ('wagtail.blocks.CharBlock', (), {'label': '出处', 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('text', 14), ('source', 15)]], {'label': '引文'})}, verbose_name='正文')),
                ('cover_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='封面图片')),
            ],
            options={
                'verbose_name': '新闻',
                'verbose_name_plural': '新闻',
            },
            bases=(core.pages.RestrictionsFromCacheMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='NewsPageTag',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('content_object', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_items', to='cms.newspage')),
                ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='taggit.tag')),
            ],
            options={
                'abstract': False,
            },
        ),
        migrations.AddField(
            model_name='newspage',
            name='tags',
            field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='cms.NewsPageTag', to='taggit.Tag', verbose_name='标签'),
        ),
        migrations.CreateModel(
            name='PatentInfoPageTag',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('content_object', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_items', to='cms.patentinfopage')),
                ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='taggit.tag')),
            ],
            options={
                'abstract': False,
            },
        ),
        migrations.AddField(
            model_name='patentinfopage',
            name='tags',
            field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='cms.PatentInfoPageTag', to='taggit.Tag', verbose_name='标签'),
        ),
        migrations.CreateModel(
            name='PolicyPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('index_number', models.CharField(blank=True, max_length=64, verbose_name='索引号')),
                ('issue_date', models.DateField(verbose_name='发文日期')),
                ('document_number', models.CharField(blank=True, max_length=64, verbose_name='文号')),
                ('subject_words', models.CharField(blank=True, max_length=200, verbose_name='主题词')),
                ('summary', models.TextField(verbose_name='内容概述')),
                ('validity', models.CharField(choices=[('valid', '有效'), ('invalid', '失效'), ('repealed', '废止')], default='valid', max_length=20, verbose_name='时效')),
                ('validity_note', models.CharField(blank=True, help_text='原文件时效栏的文字，如“根据……，此文件已宣布失效。”', max_length=300, verbose_name='时效说明')),
                ('repealed_by_title', models.CharField(blank=True, help_text='该文件不在平台上时填写，不带书名号', max_length=200, verbose_name='废止或替代它的文件名称')),
                ('repealed_by_number', models.CharField(blank=True, max_length=64, verbose_name='废止或替代它的文件文号')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('table', 9), ('attachment', 12), ('image', 13), ('quote', 16)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': '标题'}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', '一级标题'), ('h3', '二级标题'), ('h4', '三级标题')], 'label': '级别'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'description': '正文段落，可含链接和列表', 'features': ['bold', 'italic', 'link', 'ol', 'ul', 'document-link'], 'icon': 'pilcrow', 'label': '段落', 'preview_value': '<p>为贯彻实施国家、省知识产权战略，大力推进科技创新工程……</p>', 'template': 'cms/blocks/paragraph_block.html'}), 4: ('wagtail.blocks.CharBlock', (), {'label': '表题', 'required': False}), 5: ('wagtail.blocks.CharBlock', (), {'label': '文字'}), 6: ('wagtail.blocks.DecimalBlock', (), {'label': '数字'}), 7: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link'], 'label': '富文本'}), 8: ('wagtail.contrib.typed_table_block.blocks.TypedTableBlock', [[('text', 5), ('number', 6), ('rich_text', 7)]], {'label': '表格'}), 9: ('wagtail.blocks.StructBlock', [[('caption', 4), ('table', 8)]], {'label': '表格'}), 10: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': '文件'}), 11: ('wagtail.blocks.CharBlock', (), {'help_text': '留空则使用文件标题', 'label': '显示名称', 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('document', 10), ('title', 11)]], {'label': '附件'}), 13: ('wagtail.images.blocks.ImageBlock', [], {'description': '配图，须填写替代文字', 'icon': 'image', 'label': '图片', 'template': 'cms/blocks/image_block.html'}), 14: ('wagtail.blocks.TextBlock', (), {'label': '引文'}), 15: ('wagtail.blocks.CharBlock', (), {'label': '出处', 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('text', 14), ('source', 15)]], {'label': '引文'})}, verbose_name='正文')),
                ('issuing_agency', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='policies', to='cms.issuingagency', verbose_name='发布机构')),
                ('repealed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='replaces', to='cms.policypage', verbose_name='废止或替代它的文件（平台内）')),
            ],
            options={
                'verbose_name': '政策文件',
                'verbose_name_plural': '政策文件',
            },
            bases=(core.pages.RestrictionsFromCacheMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='PolicyPageTag',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('content_object', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_items', to='cms.policypage')),
                ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='taggit.tag')),
            ],
            options={
                'abstract': False,
            },
        ),
        migrations.AddField(
            model_name='policypage',
            name='tags',
            field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='cms.PolicyPageTag', to='taggit.Tag', verbose_name='主题分类'),
        ),
        migrations.CreateModel(
            name='RelatedPolicy',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='related_policies', to='cms.policypage')),
                ('related', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cms.policypage', verbose_name='相关文件')),
            ],
            options={
                'verbose_name': '相关文件',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='SiteFooterSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sponsor', models.CharField(default='连云港市科学技术局', max_length=100, verbose_name='主办单位')),
                ('address', models.CharField(blank=True, max_length=200, verbose_name='地址')),
                ('phone', models.CharField(blank=True, max_length=40, verbose_name='咨询电话')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='联系邮箱')),
                ('icp_number', models.CharField(blank=True, max_length=60, verbose_name='ICP备案号')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': '页脚信息',
            },
        ),
        migrations.CreateModel(
            name='EarlyWarningReportPage',
            fields=[
                ('patentinfopage_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='cms.patentinfopage')),
                ('industry', models.CharField(max_length=60, verbose_name='产业')),
                ('region', models.CharField(default='连云港市', max_length=60, verbose_name='区域')),
                ('period', models.CharField(help_text='如 2010—2015年', max_length=60, verbose_name='分析期间')),
                ('findings', wagtail.fields.RichTextField(verbose_name='主要结论')),
                ('report_document', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtaildocs.document', verbose_name='报告全文')),
            ],
            options={
                'verbose_name': '预警分析报告',
                'verbose_name_plural': '预警分析报告',
            },
            bases=('cms.patentinfopage',),
        ),
    ]
