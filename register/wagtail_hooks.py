from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.admin_menu import MenuItemFor

from . import admin_urls
from .access import may_import, may_record_customs


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("register/", include((admin_urls, "register_admin"), namespace="register_admin"))]


@hooks.register("register_admin_menu_item")
def register_import_menu():
    return MenuItemFor(
        _("专利商标数据导入"),
        reverse("register_admin:import"),
        shown_to=may_import,
        icon_name="upload",
        name="register-import",
        order=260,
    )


@hooks.register("register_admin_menu_item")
def register_matches_menu():
    return MenuItemFor(
        _("申请人与组织对应"),
        reverse("register_admin:matches"),
        shown_to=may_import,
        icon_name="link",
        name="register-matches",
        order=261,
    )


@hooks.register("register_admin_menu_item")
def register_customs_menu():
    # The customs screens are the site's own pages (/register/customs/manage/).
    return MenuItemFor(
        _("海关备案登记"),
        reverse("register:customs_manage"),
        shown_to=may_record_customs,
        icon_name="clipboard-list",
        name="customs",
        order=262,
    )
