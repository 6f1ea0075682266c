"""The marketplace's admin menu: each entry shown to the holders of its permission, the institutions' applications
counted while any wait for a reviewer."""

import json

import pytest
from django.urls import reverse

from services.models import Institution
from tests.factories import rights_handler

from .factories import InstitutionFactory

pytestmark = pytest.mark.django_db


def sidebar(client, user):
    """The admin home's sidebar labels as the page carries them (JSON for the sidebar's script)."""
    client.force_login(user)
    return client.get(reverse("wagtailadmin_home")).content.decode()


def label(text):
    return json.dumps(text)[1:-1]


def test_the_applications_entry_counts_the_applications_waiting_for_a_reviewer(client, staff_user):
    InstitutionFactory(status=Institution.Status.APPROVED)
    assert label("入驻申请") in sidebar(client, staff_user)
    assert label("入驻申请 (") not in sidebar(client, staff_user)

    InstitutionFactory(status=Institution.Status.PENDING)
    InstitutionFactory(status=Institution.Status.PENDING)
    assert label("入驻申请 (2)") in sidebar(client, staff_user)


def test_staff_without_the_marketplace_permissions_see_none_of_its_entries(client):
    InstitutionFactory(status=Institution.Status.PENDING)
    page = sidebar(client, rights_handler())
    for entry in ("服务市场", "入驻申请", "订单争议", "评价管理"):
        assert label(entry) not in page
