from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.choosers import SnippetViewSet

from .models import District, ResponsibleUnit


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


class ReferenceDataGroup(SnippetViewSetGroup):
    menu_label = "参考数据"
    menu_icon = "list-ul"
    menu_order = 900
    items = (DistrictViewSet, ResponsibleUnitViewSet)


register_snippet(ReferenceDataGroup)
