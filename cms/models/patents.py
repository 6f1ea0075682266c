"""Patent information (专利信息): articles, guides and industry early-warning reports (预警分析报告).

An `EarlyWarningReportPage` is a `PatentInfoPage` of kind "report" with the report's own fields, so the
section lists, filters and orders all three kinds in one query.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index

from core.pages import RestrictionsFromCacheMixin

from ..blocks import BodyBlock
from ..segmentation import segmented
from .listing import ListingPageMixin


class PatentInfoIndexPage(RestrictionsFromCacheMixin, RoutablePageMixin, ListingPageMixin, Page):
    """Lists articles, guides and early-warning reports with kind and tag filters, and an RSS feed of the
    filter."""

    intro = models.TextField(_("栏目介绍"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = segmented([*Page.search_fields, index.SearchField("intro")])

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.PatentInfoPage", "cms.EarlyWarningReportPage"]
    max_count = 1
    per_page = 10

    class Meta:
        verbose_name = _("专利信息栏目")

    @property
    def filter_form_class(self):
        from ..forms import PatentInfoFilterForm

        return PatentInfoFilterForm

    @property
    def feed_class(self):
        from ..feeds import PatentInfoRssFeed

        return PatentInfoRssFeed

    def listing_queryset(self):
        return PatentInfoPage.objects.child_of(self).live().public().for_listing()


class PatentInfoPageQuerySet(PageQuerySet):
    def for_listing(self):
        return self.prefetch_related("tags").order_by("-date", "-pk")


class PatentInfoPageTag(TaggedItemBase):
    content_object = ParentalKey("cms.PatentInfoPage", on_delete=models.CASCADE, related_name="tagged_items")


def _today():
    return timezone.localdate()


class PatentInfoPage(RestrictionsFromCacheMixin, Page):
    """An article or a guide about patents (how to file, search, finance, protect …)."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("文章")
        GUIDE = "guide", _("指南")
        REPORT = "report", _("预警分析报告")

    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices, default=Kind.ARTICLE)
    date = models.DateField(_("发布日期"), default=_today)
    author = models.CharField(_("作者或来源"), max_length=100, blank=True)
    summary = models.TextField(_("摘要"), max_length=400)
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)
    tags = ClusterTaggableManager(through=PatentInfoPageTag, blank=True, verbose_name=_("标签"))

    objects = PageManager.from_queryset(PatentInfoPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]), FieldPanel("author"), FieldPanel("tags")],
            heading=_("发布信息"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = segmented(
        [
            *Page.search_fields,
            index.SearchField("summary", boost=2),
            index.SearchField("body"),
            index.SearchField("author"),
            index.FilterField("kind"),
            index.FilterField("date"),
        ]
    )

    parent_page_types = ["cms.PatentInfoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("专利信息文章")
        verbose_name_plural = _("专利信息文章")

    def clean(self):
        super().clean()
        if self.kind == self.Kind.REPORT and not isinstance(self, EarlyWarningReportPage):
            raise ValidationError({"kind": _("预警分析报告请用“预警分析报告”页面类型创建。")})


class EarlyWarningReportPage(PatentInfoPage):
    """An industry early-warning analysis (产业专利预警分析报告): who it covers, when, what it found."""

    industry = models.CharField(_("产业"), max_length=60)
    region = models.CharField(_("区域"), max_length=60, default="连云港市")
    period = models.CharField(_("分析期间"), max_length=60, help_text=_("如 2010—2015年"))
    findings = RichTextField(_("主要结论"), features=["bold", "ol", "ul", "link"])
    report_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("报告全文"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("industry"), FieldPanel("region"), FieldPanel("period")]),
                FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
                FieldPanel("tags"),
            ],
            heading=_("报告信息"),
        ),
        FieldPanel("summary"),
        FieldPanel("findings"),
        FieldPanel("report_document"),
        FieldPanel("body"),
    ]
    search_fields = [
        *PatentInfoPage.search_fields,
        *segmented(
            [index.SearchField("industry", boost=2), index.SearchField("region"), index.SearchField("findings")]
        ),
    ]

    parent_page_types = ["cms.PatentInfoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("预警分析报告")
        verbose_name_plural = _("预警分析报告")

    def save(self, *args, **kwargs):
        self.kind = PatentInfoPage.Kind.REPORT
        super().save(*args, **kwargs)
