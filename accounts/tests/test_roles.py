"""The roles contract: each group holds its named permissions, seeded once and again without change."""

import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts import demo, roles
from accounts.models import Organisation, User
from tests.factories import MembershipFactory, UserFactory, rights_handler, staff_in

pytestmark = pytest.mark.django_db


def permissions_of(group):
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def test_every_role_is_seeded_with_the_permissions_of_the_contract():
    for name, role in roles.ROLES.items():
        assert set(role["permissions"]) <= permissions_of(Group.objects.get(name=name)), name


def test_seeding_again_changes_nothing_and_keeps_what_was_granted_by_hand():
    finance = Group.objects.get(name=roles.FINANCE)
    extra = Group.objects.get(name=roles.PLATFORM_OPERATORS).permissions.exclude(pk__in=finance.permissions.all())[0]
    finance.permissions.add(extra)
    before = {group.name: permissions_of(group) for group in Group.objects.all()}
    roles.ensure_roles()
    assert before == {group.name: permissions_of(group) for group in Group.objects.all()}


def test_a_member_of_a_group_holds_exactly_its_permissions():
    operator = staff_in(roles.PLATFORM_OPERATORS)
    assert operator.has_perm(roles.REVIEW_INSTITUTIONS)
    assert not operator.has_perm(roles.MANAGE_TRAINING)
    assert not operator.has_perm(roles.VIEW_PAYMENTS)
    assert not UserFactory(is_staff=True).has_perm(roles.REVIEW_INSTITUTIONS)


def test_a_rights_handler_cannot_read_an_organisations_private_details_or_members(client):
    membership = MembershipFactory()
    organisation = membership.organisation
    handler = rights_handler()
    client.force_login(handler)
    assert client.get(reverse("accounts:organisation_detail", args=[organisation.pk])).status_code == 404
    assert not Organisation.objects.visible_to(handler).exists()
    assert not organisation.can_view_private(handler)


def test_the_operator_reads_an_organisations_members(client):
    membership = MembershipFactory()
    client.force_login(staff_in(roles.PLATFORM_OPERATORS))
    response = client.get(reverse("accounts:organisation_detail", args=[membership.organisation.pk]))
    assert membership.user.email in response.content.decode()


def test_the_demo_puts_each_staff_log_in_in_its_group():
    demo.load(io.StringIO())
    admin = User.objects.get(email="admin@demo.ip.lyg")
    assert admin.is_superuser
    for login in demo.STAFF[1:]:
        user = User.objects.get(email=login.email)
        assert not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [login.group]
        assert user.check_password(demo.DEMO_PASSWORD)
