"""The home page (root of the site tree) and the site-wide footer settings."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.pages import RestrictionsFromCacheMixin

from ..blocks import BodyBlock, FeaturedLinkBlock, HeadlineFigureBlock
from ..segmentation import segmented


class HomePage(RestrictionsFromCacheMixin, Page):
    """The front page: the latest policies, news and notices, upcoming courses and the platform's figures.

    Staff choose which figures show (and their labels), the featured links and how many items each
    list shows; the lists and figures themselves are read live from the sections and the other apps.
    """

    hero_title = models.CharField(_("主标题"), max_length=120)
    hero_text = models.TextField(_("导语"), blank=True)
    figures = StreamField(
        [("figure", HeadlineFigureBlock())],
        verbose_name=_("数据概览"),
        blank=True,
        help_text=_("选择首页显示的统计数字，数字由平台实时统计"),
    )
    featured_links = StreamField([("link", FeaturedLinkBlock())], verbose_name=_("推荐入口"), blank=True, max_num=8)
    latest_count = models.PositiveSmallIntegerField(
        _("每个列表显示条数"), default=5, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("首页横幅")),
        FieldPanel("figures"),
        FieldPanel("latest_count"),
        FieldPanel("featured_links"),
        FieldPanel("body"),
    ]
    search_fields = segmented([*Page.search_fields, index.SearchField("hero_text"), index.SearchField("body")])

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("首页")

    def get_context(self, request, *args, **kwargs):
        from ..home import home_page_sections

        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_sections(self, request))
        return context


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
