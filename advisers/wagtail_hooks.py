from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.admin_menu import MenuItemFor

from .access import may_recognise


@hooks.register("register_admin_menu_item")
def register_recognitions_menu():
    # The screens are the site's own pages (/advisers/recognitions/); the admin menu is where staff look.
    return MenuItemFor(
        _("知识产权工程师评聘"),
        reverse("advisers:recognitions"),
        shown_to=may_recognise,
        icon_name="user",
        name="recognitions",
        order=270,
    )
