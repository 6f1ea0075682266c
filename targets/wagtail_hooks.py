from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet

from core.admin_menu import MenuItemFor, holding
from core.choosers import SnippetViewSet

from . import admin_urls
from .access import can_view_dashboard
from .models import Indicator


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("targets/", include((admin_urls, "targets_admin"), namespace="targets_admin"))]


targets_menu = Menu(
    register_hook_name="register_targets_menu_item",
    construct_hook_name="construct_targets_menu",
)


@hooks.register("register_admin_menu_item")
def register_targets_menu():
    return SubmenuMenuItem(_("试点城市目标"), targets_menu, icon_name="table", name="targets", order=250)


@hooks.register("register_targets_menu_item")
def dashboard_item():
    return MenuItemFor(
        _("指标看板"), reverse("targets_admin:dashboard"), shown_to=can_view_dashboard, icon_name="view", order=10
    )


@hooks.register("register_targets_menu_item")
def import_item():
    return MenuItemFor(
        _("导入填报数据"), reverse("targets_admin:import"), shown_to=can_view_dashboard, icon_name="upload", order=20
    )


@hooks.register("register_targets_menu_item")
def certifications_item():
    return MenuItemFor(
        _("示范企业认定"),
        reverse("targets_admin:certifications"),
        shown_to=can_view_dashboard,
        icon_name="doc-full",
        order=30,
    )


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("指标设置")
    add_to_admin_menu = False
    list_display = ["name", "code", "category", "target_value", "source", "is_published"]
    list_filter = ["category", "source", "is_published"]
    search_fields = ["name", "code"]
    ordering = ["sort_order"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("code"),
                FieldPanel("name"),
                FieldPanel("category"),
                FieldPanel("unit"),
                FieldPanel("plan_text"),
            ],
            heading=_("指标"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("baseline"), FieldPanel("baseline_date")]),
                FieldRowPanel([FieldPanel("comparison"), FieldPanel("target_value"), FieldPanel("deadline")]),
                FieldPanel("yearly"),
            ],
            heading=_("基数与目标"),
        ),
        MultiFieldPanel([FieldPanel("source"), FieldPanel("live_rule")], heading=_("数据来源")),
        FieldPanel("responsible_units"),
        FieldRowPanel([FieldPanel("is_published"), FieldPanel("sort_order")]),
    ]


register_snippet(IndicatorViewSet)


@hooks.register("register_targets_menu_item")
def indicators_item():
    return MenuItemFor(
        _("指标设置"),
        reverse("wagtailsnippets_targets_indicator:list"),
        shown_to=holding("targets.change_indicator"),
        icon_name="cog",
        order=40,
    )
