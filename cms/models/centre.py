"""The city's IP service centre (知识产权服务中心/集聚区): where it is, when it is open, what its desk offers,
and the institutions housed there. The institutions are not typed in: they are the directory's public
institutions staff marked as housed in the centre (`services.Institution.in_service_centre`), so the page
follows the directory."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.pages import RestrictionsFromCacheMixin

from ..blocks import BodyBlock
from ..segmentation import segmented


class ServiceCentrePage(RestrictionsFromCacheMixin, Page):
    intro = models.TextField(_("简介"), blank=True)
    address = models.CharField(_("地址"), max_length=200)
    opening_hours = models.CharField(
        _("开放时间"), max_length=200, help_text=_("如 周一至周五 8:30—12:00，14:00—17:30")
    )
    services = StreamField(BodyBlock(), verbose_name=_("服务内容"), blank=True)
    desk_name = models.CharField(_("服务窗口"), max_length=60, blank=True)
    desk_phone = models.CharField(_("咨询电话"), max_length=40)
    desk_email = models.EmailField(_("联系邮箱"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("opening_hours")],
            heading=_("位置与开放时间"),
        ),
        FieldPanel("services"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("desk_name"), FieldPanel("desk_phone"), FieldPanel("desk_email")])],
            heading=_("服务窗口联系方式"),
        ),
    ]
    search_fields = segmented(
        [*Page.search_fields, index.SearchField("intro"), index.SearchField("services"), index.SearchField("address")]
    )

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("知识产权服务中心")

    def get_context(self, request, *args, **kwargs):
        from services.models import Institution
        from services.statistics import institutions_in_centre

        context = super().get_context(request, *args, **kwargs)
        context["institutions"] = (
            Institution.objects.housed_in_centre()
            .select_related("organisation", "district")
            .prefetch_related("categories")
            .order_by("organisation__name")
        )
        context["institution_count"] = institutions_in_centre().count()
        return context
