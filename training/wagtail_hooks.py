from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.widgets import Button

from core.admin_menu import MenuItemFor

from . import admin_views
from .models import CoursePage, may_manage_training

admin_urlpatterns = [
    path("courses/", admin_views.course_list, name="courses"),
    path("courses/<int:pk>/roster/", admin_views.course_roster, name="roster"),
    path("courses/<int:pk>/roster.csv", admin_views.course_roster_csv, name="roster_csv"),
    path("certificates/", admin_views.certificate_register, name="certificates"),
]


@hooks.register("register_admin_urls")
def register_training_admin_urls():
    return [path("training/", include((admin_urlpatterns, "training_admin")))]


@hooks.register("register_admin_menu_item")
def register_training_menu():
    menu = Menu(
        items=[
            MenuItemFor(
                _("课程与名单"),
                reverse("training_admin:courses"),
                shown_to=may_manage_training,
                icon_name="list-ul",
                order=100,
            ),
            MenuItemFor(
                _("证书登记"),
                reverse("training_admin:certificates"),
                shown_to=may_manage_training,
                icon_name="doc-full",
                order=200,
            ),
        ]
    )
    return SubmenuMenuItem(_("培训"), menu, icon_name="group", name="training", order=450)


def _roster_button(page, user):
    if may_manage_training(user) and page.specific_class and issubclass(page.specific_class, CoursePage):
        yield Button(
            _("报名名单与结业"),
            reverse("training_admin:roster", args=[page.pk]),
            icon_name="group",
            priority=90,
        )


@hooks.register("register_page_header_buttons")
def course_roster_header_button(page, user, view_name=None, next_url=None):
    yield from _roster_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def course_roster_listing_button(page, user, next_url=None):
    yield from _roster_button(page, user)
