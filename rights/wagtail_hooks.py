from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core.admin_menu import MenuItemFor
from core.choosers import PrivateSnippetChooserViewSet, SnippetViewSet

from .models import Handler, is_rights_staff


@hooks.register("register_admin_menu_item")
def register_case_queue_menu_item():
    return MenuItemFor(_("维权案件"), reverse("rights:queue"), shown_to=is_rights_staff, icon_name="warning", order=350)


@hooks.register("register_admin_menu_item")
def register_infringement_register_menu_item():
    return MenuItemFor(
        _("侵权信息库"), reverse("rights:register"), shown_to=is_rights_staff, icon_name="list-ul", order=351
    )


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
