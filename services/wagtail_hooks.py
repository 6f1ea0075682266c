from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from accounts.roles import HANDLE_ORDER_DISPUTES, MODERATE_REVIEWS, REVIEW_INSTITUTIONS

from . import admin_urls
from .models import Institution


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class PendingApplicationsMenuItem(PermissionMenuItem):
    def get_context(self, request):
        context = super().get_context(request)
        pending = Institution.objects.filter(status=Institution.Status.PENDING).count()
        if pending:
            context["label"] = f"{self.label}（{pending}）"
        return context


@hooks.register("register_admin_urls")
def register_services_admin_urls():
    return [path("services/", include(admin_urls, namespace="services_admin"))]


@hooks.register("register_admin_menu_item")
def register_services_menu():
    items = [
        PendingApplicationsMenuItem(
            _("入驻申请"),
            reverse("services_admin:applications"),
            icon_name="tasks",
            order=10,
            permission=REVIEW_INSTITUTIONS,
        ),
        PermissionMenuItem(
            _("订单争议"),
            reverse("services_admin:disputes"),
            icon_name="warning",
            order=20,
            permission=HANDLE_ORDER_DISPUTES,
        ),
        PermissionMenuItem(
            _("评价管理"),
            reverse("services_admin:reviews"),
            icon_name="comment",
            order=30,
            permission=MODERATE_REVIEWS,
        ),
    ]
    return SubmenuMenuItem(_("服务市场"), Menu(items=items), icon_name="group", order=300)
