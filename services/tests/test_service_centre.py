"""Institutions housed in the service centre: set by staff who review institutions, shown with a badge and
filterable in the directory, counted, and listed on the centre's page."""

import pytest
from wagtail.models import Page

from accounts.roles import PLATFORM_OPERATORS
from cms.models import ServiceCentrePage
from services import institutions
from services.statistics import institutions_in_centre
from tests.factories import MembershipFactory, staff_in

from .factories import InstitutionFactory

pytestmark = pytest.mark.django_db


def test_only_staff_who_review_institutions_mark_one_as_housed_and_a_repeat_changes_nothing():
    institution = InstitutionFactory()
    owner = MembershipFactory(organisation=institution.organisation).user
    with pytest.raises(institutions.InstitutionError):
        institutions.set_in_service_centre(institution, owner, True)
    operator = staff_in(PLATFORM_OPERATORS)
    institutions.set_in_service_centre(institution, operator, True)
    with pytest.raises(institutions.AlreadyDone):
        institutions.set_in_service_centre(institution, operator, True)
    institution.refresh_from_db()
    assert institution.in_service_centre


def test_housed_institutions_are_counted_badged_filtered_and_listed_on_the_centre_page(client, search_index):
    operator = staff_in(PLATFORM_OPERATORS)
    housed, elsewhere = InstitutionFactory(), InstitutionFactory()
    suspended = InstitutionFactory(status="suspended")
    for institution in (housed, suspended):
        institution.in_service_centre = True
        institution.save(update_fields=["in_service_centre"])
    institutions.set_in_service_centre(housed, operator, False)
    institutions.set_in_service_centre(housed, operator, True)
    assert institutions_in_centre().count() == 1

    directory = client.get("/institutions/?centre=on").content.decode()
    assert housed.name in directory and elsewhere.name not in directory
    assert 'text-bg-info">入驻服务中心</span>' in directory

    home = Page.objects.get(depth=2)
    centre = ServiceCentrePage(
        title="连云港市知识产权服务中心", slug="centre", address="海州区", opening_hours="工作日", desk_phone="0518-1"
    )
    home.add_child(instance=centre)
    page = client.get(centre.url).content.decode()
    assert housed.get_absolute_url() in page and suspended.name not in page and elsewhere.name not in page
