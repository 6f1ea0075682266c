from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_urls
from .access import may_import, may_record_customs


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("register/", include((admin_urls, "register_admin"), namespace="register_admin"))]


class ImporterMenuItem(MenuItem):
    def is_shown(self, request):
        return may_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu():
    return ImporterMenuItem(
        _("专利商标数据导入"), reverse("register_admin:import"), icon_name="upload", name="register-import", order=260
    )


@hooks.register("register_admin_menu_item")
def register_matches_menu():
    return ImporterMenuItem(
        _("申请人与组织对应"), reverse("register_admin:matches"), icon_name="link", name="register-matches", order=261
    )


class CustomsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_record_customs(request.user)


@hooks.register("register_admin_menu_item")
def register_customs_menu():
    # The customs screens are the site's own pages (/register/customs/manage/).
    return CustomsMenuItem(
        _("海关备案登记"), reverse("register:customs_manage"), icon_name="clipboard-list", name="customs", order=262
    )
