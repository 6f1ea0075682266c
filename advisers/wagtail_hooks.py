from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .access import may_recognise


class RecognitionsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_recognise(request.user)


@hooks.register("register_admin_menu_item")
def register_recognitions_menu():
    # The screens are the site's own pages (/advisers/recognitions/); the admin menu is where staff look.
    return RecognitionsMenuItem(
        _("知识产权工程师评聘"), reverse("advisers:recognitions"), icon_name="user", name="recognitions", order=270
    )
