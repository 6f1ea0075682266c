from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from core.choosers import PrivateSnippetChooserViewSet, SnippetViewSet

from .models import Handler, is_rights_staff


class RightsStaffMenuItem(MenuItem):
    """Shown to case handlers and rights administrators only; the pages check permission again."""

    def is_shown(self, request):
        return is_rights_staff(request.user)


@hooks.register("register_admin_menu_item")
def register_case_queue_menu_item():
    return RightsStaffMenuItem(_("维权案件"), reverse("rights:queue"), icon_name="warning", order=350)


@hooks.register("register_admin_menu_item")
def register_infringement_register_menu_item():
    return RightsStaffMenuItem(_("侵权信息库"), reverse("rights:register"), icon_name="list-ul", order=351)


class HandlerViewSet(SnippetViewSet):
    """Administrators name which staff handle cases for which responsible unit."""

    model = Handler
    icon = "user"
    menu_label = _("案件办理人")
    menu_order = 352
    add_to_admin_menu = True
    list_display = ["user", "unit", "is_active"]
    list_filter = ["unit", "is_active"]
    chooser_viewset_class = PrivateSnippetChooserViewSet


register_snippet(HandlerViewSet)
