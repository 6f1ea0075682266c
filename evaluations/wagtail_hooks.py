"""Staff name the people who file evaluation requests for a department; assigning requests happens on the
evaluation pages (`evaluations.views`), through the domain functions."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core.admin_menu import MenuItemFor
from core.choosers import PrivateSnippetChooserViewSet, SnippetViewSet

from .access import may_manage
from .models import DepartmentMember


class DepartmentMemberViewSet(SnippetViewSet):
    model = DepartmentMember
    icon = "user"
    menu_label = _("评议申请部门人员")
    add_to_admin_menu = False
    list_display = ["user", "unit"]
    list_filter = ["unit"]
    chooser_viewset_class = PrivateSnippetChooserViewSet


register_snippet(DepartmentMemberViewSet)


@hooks.register("register_admin_menu_item")
def register_evaluation_menu():
    return MenuItemFor(
        _("知识产权评议"), reverse("evaluations:list"), shown_to=may_manage, icon_name="doc-full", order=310
    )
