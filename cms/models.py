"""Wagtail pages of the platform. The home page is the root of the site tree; the knowledge platform's
sections (policies, news, training, patent information) hang below it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock


class HomePage(Page):
    hero_title = models.CharField(_("主标题"), max_length=120)
    hero_text = models.TextField(_("导语"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("首页横幅")),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_text"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("首页")


@register_setting(icon="site")
class SiteFooterSettings(BaseSiteSetting):
    """Contact details and the sponsor line shown in every page's footer."""

    sponsor = models.CharField(_("主办单位"), max_length=100, default="连云港市科学技术局")
    address = models.CharField(_("地址"), max_length=200, blank=True)
    phone = models.CharField(_("咨询电话"), max_length=40, blank=True)
    email = models.EmailField(_("联系邮箱"), blank=True)
    icp_number = models.CharField(_("ICP备案号"), max_length=60, blank=True)

    panels = [
        FieldPanel("sponsor"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("icp_number"),
    ]

    class Meta:
        verbose_name = _("页脚信息")
