"""Staff configure programmes (window, districts, budget, cap, rules, reviewers) and enter the city's
general budget expenditure in the admin; publishing a programme, reviewing and paying happen on the
funding pages (`funding.views`), through the domain functions."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.widgets import AdminPageChooser
from wagtail.snippets.models import register_snippet

from cms.models import PolicyPage
from core.admin_menu import MenuItemFor
from core.choosers import SnippetViewSet

from .access import may_open_review_queue
from .models import BudgetYear, Programme


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "tasks"
    menu_label = _("资助项目")
    add_to_admin_menu = False
    list_display = ["title", "year", "opens_on", "closes_on", "budget", "status"]
    list_filter = ["status", "year"]
    search_fields = ["title"]
    panels = [
        FieldPanel("title"),
        FieldPanel("policy", widget=AdminPageChooser(target_models=[PolicyPage])),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("year"),
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
                FieldRowPanel([FieldPanel("covers_from"), FieldPanel("covers_to")]),
                FieldPanel("districts"),
            ],
            heading=_("申报条件"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("budget"), FieldPanel("cap_per_applicant"), FieldPanel("objection_days")])],
            heading=_("预算与上限"),
        ),
        InlinePanel("rules", heading=_("资助标准"), label=_("资助标准")),
        FieldPanel("reviewers"),
    ]


class BudgetYearViewSet(SnippetViewSet):
    model = BudgetYear
    icon = "table"
    menu_label = _("一般预算支出")
    add_to_admin_menu = False
    list_display = ["year", "general_expenditure", "source_note"]
    panels = [FieldPanel("year"), FieldPanel("general_expenditure"), FieldPanel("source_note")]


register_snippet(ProgrammeViewSet)
register_snippet(BudgetYearViewSet)


@hooks.register("register_admin_menu_item")
def register_funding_menu():
    return MenuItemFor(
        _("专项资金审核"), reverse("funding:review_queue"), shown_to=may_open_review_queue, icon_name="tasks", order=260
    )
