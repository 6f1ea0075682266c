from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from accounts.roles import HANDLE_ORDER_DISPUTES, MODERATE_REVIEWS, REVIEW_INSTITUTIONS
from core.admin_menu import MenuItemFor, holding

from . import admin_urls
from .models import Institution


@hooks.register("register_admin_urls")
def register_services_admin_urls():
    return [path("services/", include(admin_urls, namespace="services_admin"))]


@hooks.register("register_admin_menu_item")
def register_services_menu():
    items = [
        MenuItemFor(
            _("入驻申请"),
            reverse("services_admin:applications"),
            shown_to=holding(REVIEW_INSTITUTIONS),
            waiting=lambda: Institution.objects.awaiting_review().count(),
            icon_name="tasks",
            order=10,
        ),
        MenuItemFor(
            _("订单争议"),
            reverse("services_admin:disputes"),
            shown_to=holding(HANDLE_ORDER_DISPUTES),
            icon_name="warning",
            order=20,
        ),
        MenuItemFor(
            _("评价管理"),
            reverse("services_admin:reviews"),
            shown_to=holding(MODERATE_REVIEWS),
            icon_name="comment",
            order=30,
        ),
    ]
    return SubmenuMenuItem(_("服务市场"), Menu(items=items), icon_name="group", order=300)
