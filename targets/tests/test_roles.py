"""The dashboard, entries, imports and private reports are the target reporters' work, not every admin user's."""

import pytest
from django.urls import reverse

from accounts.roles import PLATFORM_OPERATORS
from tests.factories import refused_by_the_admin, rights_handler, staff_in

pytestmark = pytest.mark.django_db

REPORTER_PAGES = [
    "targets_admin:dashboard",
    "targets_admin:import",
    "targets_admin:certifications",
    "targets:report_print",
    "targets:report_xlsx",
]


@pytest.mark.parametrize("make_user", [rights_handler, lambda: staff_in(PLATFORM_OPERATORS)])
def test_other_staff_are_refused_the_dashboard_and_reports_and_have_no_menu_entry(client, make_user):
    client.force_login(make_user())
    for name in REPORTER_PAGES:
        assert refused_by_the_admin(client.get(reverse(name))), name
    assert reverse("targets_admin:dashboard") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_target_reporter_has_the_dashboard_in_the_menu(staff_client):
    home = staff_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("targets_admin:dashboard") in home
    assert reverse("rights:queue") not in home
    for name in REPORTER_PAGES:
        assert staff_client.get(reverse(name)).status_code == 200, name


def test_the_public_summary_stays_public(client):
    assert client.get(reverse("targets:summary")).status_code == 200
