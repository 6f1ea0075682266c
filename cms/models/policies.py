"""The policy library (政策法规): documents with the metadata a government document portal shows.

`IssuingAgency` is a snippet (发布机构) shared by every document. A `PolicyPage` may be repealed or
replaced: by another policy page on the platform (`repealed_by`) or, when the replacing document is not
here, by its title and document number as text.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import ExtractYear
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from core.pages import ChildrenOfOneTypeMixin, RestrictionsFromCacheMixin, public_pages

from ..blocks import BodyBlock
from ..segmentation import SegmentedAutocompleteField, SegmentedSearchField, segmented
from .listing import ListingPageMixin


class IssuingAgency(index.Indexed, models.Model):
    """An authority that issues policy documents (发布机构)."""

    class Level(models.TextChoices):
        NATIONAL = "national", _("国家")
        PROVINCIAL = "provincial", _("省")
        MUNICIPAL = "municipal", _("市")
        COUNTY = "county", _("县区")

    name = models.CharField(_("名称"), max_length=100, unique=True)
    short_name = models.CharField(_("简称"), max_length=40, blank=True)
    level = models.CharField(_("层级"), max_length=20, choices=Level.choices, default=Level.MUNICIPAL)
    website = models.URLField(_("网站"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("level"),
        FieldPanel("website"),
        FieldPanel("sort_order"),
    ]
    search_fields = [SegmentedSearchField("name"), SegmentedAutocompleteField("name")]

    class Meta:
        verbose_name = _("发布机构")
        verbose_name_plural = _("发布机构")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class PolicyIndexPage(RestrictionsFromCacheMixin, RoutablePageMixin, ListingPageMixin, ChildrenOfOneTypeMixin, Page):
    """The policy library: lists its documents with filters (agency, year, validity, topic)."""

    intro = models.TextField(_("栏目介绍"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = segmented([*Page.search_fields, index.SearchField("intro")])

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.PolicyPage"]
    max_count = 1
    per_page = 10

    class Meta:
        verbose_name = _("政策法规栏目")

    @property
    def filter_form_class(self):
        from ..forms import PolicyFilterForm

        return PolicyFilterForm

    def listing_queryset(self):
        return PolicyPage.objects.child_of(self).live().public().for_listing()

    @property
    def feed_class(self):
        from ..feeds import PolicyRssFeed

        return PolicyRssFeed


class PolicyPageQuerySet(PageQuerySet):
    def valid(self):
        return self.filter(validity=PolicyPage.Validity.VALID)

    def for_listing(self):
        """Newest first, with the agency joined and topics prefetched: a list costs a fixed number of queries."""
        return self.select_related("issuing_agency").prefetch_related("tags").order_by("-issue_date", "-pk")

    def issue_years(self):
        # Ordered by the year alone: a page queryset's default ordering (its tree path) would otherwise
        # join the DISTINCT and repeat a year once per document.
        return list(
            self.annotate(year=ExtractYear("issue_date")).order_by("-year").values_list("year", flat=True).distinct()
        )


class PolicyPageTag(TaggedItemBase):
    content_object = ParentalKey("cms.PolicyPage", on_delete=models.CASCADE, related_name="tagged_items")


class PolicyPage(RestrictionsFromCacheMixin, Page):
    """One policy document (政策文件) with its portal metadata, full text, attachments and related documents."""

    class Validity(models.TextChoices):
        VALID = "valid", _("有效")
        INVALID = "invalid", _("失效")
        REPEALED = "repealed", _("废止")

    index_number = models.CharField(_("索引号"), max_length=64, blank=True)
    issuing_agency = models.ForeignKey(
        IssuingAgency, verbose_name=_("发布机构"), on_delete=models.PROTECT, related_name="policies"
    )
    issue_date = models.DateField(_("发文日期"))
    document_number = models.CharField(_("文号"), max_length=64, blank=True)
    subject_words = models.CharField(_("主题词"), max_length=200, blank=True)
    summary = models.TextField(_("内容概述"))
    validity = models.CharField(_("时效"), max_length=20, choices=Validity.choices, default=Validity.VALID)
    validity_note = models.CharField(
        _("时效说明"), max_length=300, blank=True, help_text=_("原文件时效栏的文字，如“根据……，此文件已宣布失效。”")
    )
    repealed_by = models.ForeignKey(
        "cms.PolicyPage",
        verbose_name=_("废止或替代它的文件（平台内）"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )
    repealed_by_title = models.CharField(
        _("废止或替代它的文件名称"), max_length=200, blank=True, help_text=_("该文件不在平台上时填写，不带书名号")
    )
    repealed_by_number = models.CharField(_("废止或替代它的文件文号"), max_length=64, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)
    tags = ClusterTaggableManager(through=PolicyPageTag, blank=True, verbose_name=_("主题分类"))

    objects = PageManager.from_queryset(PolicyPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("index_number"), FieldPanel("document_number")]),
                FieldRowPanel([FieldPanel("issuing_agency"), FieldPanel("issue_date")]),
                FieldPanel("subject_words"),
                FieldPanel("tags"),
                FieldPanel("summary"),
            ],
            heading=_("文件信息"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("validity"),
                FieldPanel("validity_note"),
                FieldPanel("repealed_by"),
                FieldRowPanel([FieldPanel("repealed_by_title"), FieldPanel("repealed_by_number")]),
            ],
            heading=_("时效"),
        ),
        FieldPanel("body"),
        InlinePanel("related_policies", label=_("相关文件")),
    ]
    search_fields = segmented(
        [
            *Page.search_fields,
            index.SearchField("document_number", boost=3),
            index.AutocompleteField("document_number"),
            index.SearchField("index_number"),
            index.SearchField("subject_words", boost=2),
            index.SearchField("summary", boost=2),
            index.SearchField("body"),
            index.RelatedFields("issuing_agency", [index.SearchField("name")]),
            index.FilterField("validity"),
            index.FilterField("issue_date"),
            index.FilterField("issuing_agency"),
        ]
    )

    parent_page_types = ["cms.PolicyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("政策文件")
        verbose_name_plural = _("政策文件")

    def clean(self):
        super().clean()
        errors = {}
        replaced = self.repealed_by_id or self.repealed_by_title or self.repealed_by_number
        if self.validity == self.Validity.VALID and replaced:
            errors["validity"] = _("有效的文件不能填写废止或替代它的文件。")
        if self.pk and self.repealed_by_id == self.pk:
            errors["repealed_by"] = _("文件不能废止它自己。")
        if self.repealed_by_id and (self.repealed_by_title or self.repealed_by_number):
            errors["repealed_by_title"] = _("已选择平台内的文件，无需再填写名称和文号。")
        if errors:
            raise ValidationError(errors)

    @property
    def is_valid_document(self):
        return self.validity == self.Validity.VALID

    @cached_property
    def repealing_document(self):
        """The live policy page that repealed or replaced this one: the one chosen, or else the one in the
        library with the document number given as text. Read once per page served (the page and its
        validity note both ask)."""
        if self.repealed_by_id:
            return self.repealed_by if self.repealed_by.live else None
        if self.repealed_by_number:
            return (
                public_pages(PolicyPage.objects.live())
                .filter(document_number=self.repealed_by_number)
                .exclude(pk=self.pk)
                .first()
            )
        return None

    @property
    def validity_note_adds_information(self):
        """The portal's validity note usually says again what the banner says (which document repealed this
        one); it is shown only when it says something else."""
        note = self.validity_note.strip()
        if not note:
            return False
        repealing = self.repealing_document
        known = [self.repealed_by_title, self.repealed_by_number]
        if repealing is not None:
            known += [repealing.title, repealing.document_number]
        return not any(part and part in note for part in known)

    @property
    def repealing_document_text(self):
        """《title》(number) of a replacing document that is not on the platform, as a portal writes it."""
        title = f"《{self.repealed_by_title}》" if self.repealed_by_title else ""
        number = f"({self.repealed_by_number})" if self.repealed_by_number else ""
        return title + number

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the page's public fragment is not kept (core.pagecache.public_fragment).
        context["related"] = SimpleLazyObject(
            lambda: [
                link.related
                for link in self.related_policies.select_related("related__issuing_agency")
                if link.related.live
            ]
        )
        context["attachments"] = SimpleLazyObject(
            lambda: [block.value for block in self.body if block.block_type == "attachment"]
        )
        context["repealing_document"] = SimpleLazyObject(
            lambda: None if self.is_valid_document else self.repealing_document
        )
        return context


class RelatedPolicy(Orderable):
    page = ParentalKey(PolicyPage, on_delete=models.CASCADE, related_name="related_policies")
    related = models.ForeignKey(PolicyPage, verbose_name=_("相关文件"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("related")]

    class Meta(Orderable.Meta):
        verbose_name = _("相关文件")
