"""The one body StreamBlock every page type shares."""

import re

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("标题"))
    # The level is layout, not text: indexed, its label ("一级标题") would show in search snippets.
    level = blocks.ChoiceBlock(
        label=_("级别"),
        choices=[("h2", _("一级标题")), ("h3", _("二级标题")), ("h4", _("三级标题"))],
        default="h2",
        search_index=False,
    )

    class Meta:
        label = _("小标题")
        icon = "title"
        template = "cms/blocks/heading_block.html"
        preview_value = {"text": "一、总体要求", "level": "h2"}
        description = _("章节标题，生成页面目录的层次")


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("表题"), required=False)
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock(label=_("文字"))),
            ("number", blocks.DecimalBlock(label=_("数字"))),
            ("rich_text", blocks.RichTextBlock(label=_("富文本"), features=["bold", "italic", "link"])),
        ],
        label=_("表格"),
    )

    class Meta:
        label = _("表格")
        icon = "table"
        template = "cms/blocks/table_block.html"
        preview_value = {
            "caption": "2016年主要指标",
            "table": {
                "columns": [{"type": "text", "heading": "指标"}, {"type": "text", "heading": "目标"}],
                "rows": [{"values": ["市区每万人有效发明专利拥有量", "7件"]}, {"values": ["知识产权服务机构", "12家"]}],
            },
        }
        description = _("带表头的数据表格，如指标、资助标准")


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("文件"))
    title = blocks.CharBlock(label=_("显示名称"), required=False, help_text=_("留空则使用文件标题"))

    class Meta:
        label = _("附件")
        icon = "doc-full"
        template = "cms/blocks/attachment_block.html"
        preview_value = {"title": "附件：实施方案全文"}
        description = _("可供下载的附件（PDF、Word、Excel 等）")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # The button says "下载附件：" itself; a title that starts with "附件" (as portal texts do) is
        # shown without it, not as "下载附件：附件：…".
        title = value.get("title") or (value["document"].title if value.get("document") else "")
        context["label"] = re.sub(r"^附件\s*\d*\s*[:：]\s*", "", title)
        return context


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("引文"))
    source = blocks.CharBlock(label=_("出处"), required=False)

    class Meta:
        label = _("引文")
        icon = "openquote"
        template = "cms/blocks/quote_block.html"
        preview_value = {"text": "激励创造、有效运用、依法保护、科学管理。", "source": "国家知识产权战略纲要"}
        description = _("引用的原文或要点，带出处")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("段落"),
        features=["bold", "italic", "link", "ol", "ul", "document-link"],
        icon="pilcrow",
        template="cms/blocks/paragraph_block.html",
        preview_value="<p>为贯彻实施国家、省知识产权战略，大力推进科技创新工程……</p>",
        description=_("正文段落，可含链接和列表"),
    )
    table = TableBlock(label=_("表格"))
    attachment = AttachmentBlock(label=_("附件"))
    image = ImageBlock(
        label=_("图片"),
        icon="image",
        template="cms/blocks/image_block.html",
        description=_("配图，须填写替代文字"),
    )
    quote = QuoteBlock(label=_("引文"))


class FeaturedLinkBlock(blocks.StructBlock):
    """A link the home page's editors feature (a page of the site or an outside address)."""

    title = blocks.CharBlock(label=_("名称"))
    page = blocks.PageChooserBlock(label=_("站内页面"), required=False)
    url = blocks.URLBlock(label=_("外部链接"), required=False)
    text = blocks.CharBlock(label=_("说明"), required=False)

    class Meta:
        label = _("推荐入口")
        icon = "link"
        template = "cms/blocks/featured_link_block.html"
        preview_value = {"title": "国家知识产权局", "url": "https://www.cnipa.gov.cn/", "text": "专利检索与政策"}
        description = _("首页推荐入口")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                {"url": blocks.BlockValidationError(_("请选择站内页面或填写外部链接"))}
            )
        return value


class HeadlineFigureBlock(blocks.StructBlock):
    """One of the platform's live figures the home page shows; the value is counted, only the label is edited."""

    metric = blocks.ChoiceBlock(
        label=_("指标"),
        choices=[
            ("institutions", _("入驻服务机构")),
            ("listings", _("在线交易与融资信息")),
            ("courses", _("即将开课的培训")),
            ("policies", _("现行有效政策")),
        ],
        search_index=False,
    )
    label = blocks.CharBlock(label=_("显示名称"), required=False, help_text=_("留空则使用指标名称"))

    class Meta:
        label = _("平台数字")
        icon = "order"
        template = "cms/blocks/headline_figure_block.html"
        preview_value = {"metric": "policies", "label": "现行有效政策"}
        description = _("首页数据概览中的一项")
