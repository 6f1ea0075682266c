"""What every page shows a signed-in person (the link to the admin their permissions allow, the Wagtail
userbar, the inbox badge) is kept across requests, and a change shows on the next request."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from services import inbox
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

ADMIN_LINK = 'href="/admin/"'


def page(client):
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def badge(content):
    """The unread count the header's inbox badge shows (0 when it shows none)."""
    match = re.search(r'id="inbox-badge".*?</li>', content, re.S)
    number = re.search(r"badge rounded-pill[^>]*>(\d+)<", match.group(0))
    return int(number.group(1)) if number else 0


def queries_on(client, table):
    with CaptureQueriesContext(connection) as queries:
        page(client)
    return [query["sql"] for query in queries.captured_queries if f'"{table}"' in query["sql"]]


@pytest.fixture
def member(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    return membership


def test_permissions_are_read_once_then_kept(client, member):
    page(client)
    assert queries_on(client, "auth_permission") == []


def test_a_group_given_admin_access_shows_the_admin_link_on_the_next_request(client, member):
    assert ADMIN_LINK not in page(client)
    editors = Group.objects.create(name="试用编辑")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    member.user.groups.add(editors)
    assert ADMIN_LINK in page(client)

    editors.permissions.clear()
    assert ADMIN_LINK not in page(client)


def test_a_permission_given_to_the_person_shows_on_the_next_request(client, member):
    assert ADMIN_LINK not in page(client)
    member.user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert ADMIN_LINK in page(client)
    member.user.user_permissions.clear()
    assert ADMIN_LINK not in page(client)


def test_a_person_made_superuser_sees_the_admin_link_on_the_next_request(client, member):
    assert ADMIN_LINK not in page(client)
    member.user.is_superuser = True
    member.user.save()
    assert ADMIN_LINK in page(client)


def test_the_inbox_count_is_kept_and_a_new_or_read_entry_shows_on_the_next_request(client, member):
    organisation = member.organisation
    assert badge(page(client)) == 0
    inbox.notify(organisation, "新的咨询", email=False)
    assert badge(page(client)) == 1
    assert queries_on(client, "services_notification") == []

    inbox.notify(organisation, "订单已付款", email=False)
    assert badge(page(client)) == 2
    inbox.mark_all_read(member.user)
    assert badge(page(client)) == 0


def test_another_member_reading_an_entry_updates_the_count_of_everyone_in_the_organisation(client, member):
    colleague = MembershipFactory(organisation=member.organisation).user
    entry = inbox.notify(member.organisation, "新的咨询", email=False)
    assert badge(page(client)) == 1
    inbox.mark_read(colleague, notification_ids=[entry.pk])
    assert badge(page(client)) == 0


def test_joining_an_organisation_shows_its_unread_entries_on_the_next_request(client):
    membership = MembershipFactory()
    inbox.notify(membership.organisation, "新的咨询", email=False)
    newcomer = MembershipFactory().user
    client.force_login(newcomer)
    assert badge(page(client)) == 0
    newcomer.membership.delete()
    MembershipFactory(user=newcomer, organisation=membership.organisation)
    assert badge(page(client)) == 1
