from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSetGroup

from core.choosers import SnippetViewSet

from . import admin_views
from .models import AbnormalApplication, District, RdSpending, ResidentPopulation, ResponsibleUnit


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "kind", "is_urban", "sort_order"]
    ordering = ["sort_order"]


class ResponsibleUnitViewSet(SnippetViewSet):
    model = ResponsibleUnit
    icon = "group"
    list_display = ["name", "code", "sort_order"]
    ordering = ["sort_order"]
    search_fields = ["name"]


class ResidentPopulationViewSet(SnippetViewSet):
    model = ResidentPopulation
    icon = "group"
    list_display = ["district", "year", "residents", "source_note"]
    list_filter = ["year", "district"]


class RdSpendingViewSet(SnippetViewSet):
    model = RdSpending
    icon = "table"
    list_display = ["year", "amount", "source_note"]


class AbnormalIndexView(IndexView):
    @property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm(admin_views.IMPORT_PERMISSION):
            buttons.append(HeaderButton(_("导入名单"), reverse("reference_abnormal_import"), icon_name="upload"))
        return buttons


class AbnormalApplicationViewSet(SnippetViewSet):
    model = AbnormalApplication
    icon = "warning"
    index_view_class = AbnormalIndexView
    list_display = ["application_number", "published_on", "notice"]
    list_filter = ["published_on"]
    search_fields = ["application_number", "notice"]


class ReferenceDataGroup(SnippetViewSetGroup):
    menu_label = "参考数据"
    menu_icon = "list-ul"
    menu_order = 900
    items = (
        DistrictViewSet,
        ResponsibleUnitViewSet,
        ResidentPopulationViewSet,
        RdSpendingViewSet,
        AbnormalApplicationViewSet,
    )


register_snippet(ReferenceDataGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "reference/abnormal-applications/import/",
            admin_views.import_abnormal_list,
            name="reference_abnormal_import",
        )
    ]
