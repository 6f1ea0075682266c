"""News (新闻动态) and notices (通知公告): dated articles with a category and a cover image, and a feed."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index

from core.pages import ChildrenOfOneTypeMixin, RestrictionsFromCacheMixin

from ..blocks import BodyBlock
from ..segmentation import segmented
from .listing import ListingPageMixin


class NewsIndexPage(RestrictionsFromCacheMixin, RoutablePageMixin, ListingPageMixin, ChildrenOfOneTypeMixin, Page):
    """Lists news and notices, newest first, with category and tag filters and RSS/Atom feeds of the filter."""

    intro = models.TextField(_("栏目介绍"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = segmented([*Page.search_fields, index.SearchField("intro")])

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]
    max_count = 1
    per_page = 12

    class Meta:
        verbose_name = _("新闻动态栏目")

    @property
    def filter_form_class(self):
        from ..forms import NewsFilterForm

        return NewsFilterForm

    def listing_queryset(self):
        return NewsPage.objects.child_of(self).live().public().for_listing()

    @property
    def feed_class(self):
        from ..feeds import NewsRssFeed

        return NewsRssFeed

    @path("atom/")
    def atom_feed(self, request):
        from ..feeds import NewsAtomFeed

        return NewsAtomFeed(self, filters=request.GET)(request)


class NewsPageQuerySet(PageQuerySet):
    def for_listing(self):
        return self.select_related("cover_image").prefetch_related("tags").order_by("-date", "-pk")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("cms.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


def _today():
    return timezone.localdate()


class NewsPage(RestrictionsFromCacheMixin, Page):
    """One news article or notice."""

    class Category(models.TextChoices):
        NEWS = "news", _("新闻动态")
        NOTICE = "notice", _("通知公告")

    date = models.DateField(_("发布日期"), default=_today)
    category = models.CharField(_("类别"), max_length=20, choices=Category.choices, default=Category.NEWS)
    source = models.CharField(_("来源"), max_length=100, blank=True)
    summary = models.TextField(_("摘要"), max_length=300, help_text=_("列表和订阅中显示的一两句话"))
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("封面图片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("标签"))

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("date"), FieldPanel("category")]), FieldPanel("source"), FieldPanel("tags")],
            heading=_("发布信息"),
        ),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
    ]
    search_fields = segmented(
        [
            *Page.search_fields,
            index.SearchField("summary", boost=2),
            index.SearchField("body"),
            index.SearchField("source"),
            index.FilterField("category"),
            index.FilterField("date"),
        ]
    )

    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("新闻")
        verbose_name_plural = _("新闻")
