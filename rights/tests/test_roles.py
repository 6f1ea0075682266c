"""Handling rights cases is the permission of the handlers' and administrators' groups, with a unit for handlers;
`is_staff` or a `Handler` row alone opens nothing."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import PLATFORM_OPERATORS, RIGHTS_HANDLERS
from rights import cases
from rights.forms import handler_choices
from rights.models import Case, Handler, handler_unit, is_rights_admin
from tests.factories import staff_in

from .factories import HandlerFactory
from .test_handling import new_report

pytestmark = pytest.mark.django_db


def test_a_handler_row_without_the_handlers_permission_opens_no_case(client, rights_admin, unit):
    handler = HandlerFactory(in_handlers_group=False).user
    case = cases.assign(new_report(), rights_admin, unit("gongshangju"))
    assert handler_unit(handler) is None
    assert not Case.objects.visible_to(handler).exists()
    assert Handler.objects.get(user=handler) not in handler_choices()
    client.force_login(handler)
    assert client.get(reverse("rights:queue")).status_code == 403
    assert client.get(case.get_absolute_url()).status_code == 403


def test_the_handlers_group_and_a_unit_open_that_units_cases(client, trademark_handler, rights_admin, unit):
    case = cases.assign(new_report(), rights_admin, unit("gongshangju"))
    assert trademark_handler.groups.filter(name=RIGHTS_HANDLERS).exists()
    assert handler_unit(trademark_handler) == unit("gongshangju")
    assert Handler.objects.get(user=trademark_handler) in cases.handlers_of(unit("gongshangju"))
    client.force_login(trademark_handler)
    assert client.get(case.get_absolute_url()).status_code == 200


def test_administrators_are_the_holders_of_the_permission_not_of_a_group_name(rights_admin):
    assert is_rights_admin(rights_admin)
    operator = staff_in(PLATFORM_OPERATORS)
    assert not is_rights_admin(operator)
    Group.objects.get(name=PLATFORM_OPERATORS).permissions.add(
        Group.objects.get(name="维权管理员").permissions.get(codename="administer_cases")
    )
    assert is_rights_admin(type(operator).objects.get(pk=operator.pk))


def test_the_admin_menu_of_a_handler_holds_only_the_rights_entries(client, trademark_handler):
    client.force_login(trademark_handler)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("rights:queue") in home
    for other in ("/admin/services/", "/admin/listings/review/", "/admin/training/", "/admin/targets/"):
        assert other not in home, other
    assert "/admin/payment_records/" not in home
