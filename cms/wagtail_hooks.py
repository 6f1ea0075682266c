from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core.choosers import SnippetViewSet

from .models import IssuingAgency, PolicyIndexPage
from .publishing import setup_policy_moderation


class IssuingAgencyViewSet(SnippetViewSet):
    model = IssuingAgency
    icon = "group"
    menu_label = _("发布机构")
    add_to_admin_menu = False
    list_display = ["name", "short_name", "level"]
    list_filter = ["level"]
    search_fields = ["name", "short_name"]
    ordering = ["sort_order", "name"]


register_snippet(IssuingAgencyViewSet)


@hooks.register("after_create_page")
def moderate_new_policy_library(request, page):
    # A policy library created in the admin gets the editor → reviewer workflow at once.
    if isinstance(page.specific, PolicyIndexPage):
        setup_policy_moderation(page.specific)
