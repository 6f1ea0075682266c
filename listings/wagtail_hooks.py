from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_menu import MenuItemFor
from core.choosers import PrivateSnippetChooserViewSet, SnippetViewSet

from . import admin_views, postings
from .models import Deal, Industry, Listing

admin_urlpatterns = [
    path("", admin_views.review_queue, name="review_queue"),
    path("<int:pk>/", admin_views.review_detail, name="review_detail"),
    path("<int:pk>/approve/", admin_views.approve, name="approve"),
    path("<int:pk>/reject/", admin_views.reject, name="reject"),
]


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("listings/review/", include((admin_urlpatterns, "listings_admin"), namespace="listings_admin"))]


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return MenuItemFor(
        _("信息审核"),
        reverse("listings_admin:review_queue"),
        shown_to=postings.may_moderate,
        waiting=lambda: Listing.objects.awaiting_review().count(),
        icon_name="tasks",
        order=340,
    )


class IndustryViewSet(SnippetViewSet):
    model = Industry
    icon = "list-ul"
    list_display = ["name", "code", "sort_order"]
    ordering = ["sort_order"]


class DealViewSet(SnippetViewSet):
    """Deals are recorded by the owners (or by the loan-granted step); staff read them here."""

    model = Deal
    icon = "doc-full"
    list_display = ["listing", "section", "counterparty_name", "amount", "deal_date", "district"]
    list_filter = ["section", "district"]
    inspect_view_enabled = True
    chooser_viewset_class = PrivateSnippetChooserViewSet


class ListingsGroup(SnippetViewSetGroup):
    menu_label = _("交易与融资")
    menu_icon = "folder-open-inverse"
    menu_order = 341
    items = (DealViewSet, IndustryViewSet)


register_snippet(ListingsGroup)
