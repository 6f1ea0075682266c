"""The one body StreamBlock every page type shares."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("标题"))
    level = blocks.ChoiceBlock(
        label=_("级别"), choices=[("h2", _("一级标题")), ("h3", _("二级标题")), ("h4", _("三级标题"))], default="h2"
    )

    class Meta:
        icon = "title"
        template = "cms/blocks/heading_block.html"
        preview_value = {"text": "一、总体要求", "level": "h2"}
        description = _("章节标题，生成页面目录的层次")


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
