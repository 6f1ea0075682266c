from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core.admin_menu import MenuItemFor
from core.choosers import PrivateSnippetChooserViewSet, SnippetViewSet

from .access import may_examine_any
from .models import Examiner


@hooks.register("register_admin_menu_item")
def register_examination_menu_item():
    # Shown to the copyright examiners only; the page checks their unit again.
    return MenuItemFor(
        _("作品登记审查"), reverse("copyrights:queue"), shown_to=may_examine_any, icon_name="doc-full", order=360
    )


class ExaminerViewSet(SnippetViewSet):
    """Administrators name which staff examine filings for which unit (the group gives the permission)."""

    model = Examiner
    icon = "user"
    menu_label = _("作品登记审查员")
    menu_order = 361
    add_to_admin_menu = True
    list_display = ["user", "unit", "is_active"]
    list_filter = ["unit", "is_active"]
    chooser_viewset_class = PrivateSnippetChooserViewSet


register_snippet(ExaminerViewSet)
