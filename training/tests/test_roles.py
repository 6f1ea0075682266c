"""Rosters and certificates hold personal data: the training managers' permission, not `is_staff` alone.

The security review logged in as a rights-protection handler (admin access, the handlers' group, a unit,
nothing else) and downloaded other people's certificates and a course roster with names, e-mails and phones.
"""

import pytest
from django.urls import reverse

from tests.factories import refused_by_the_admin, rights_handler
from training import enrolments
from training.models import Enrolment

from .factories import make_course, move_to_past

pytestmark = pytest.mark.django_db


@pytest.fixture
def handler(db):
    return rights_handler()


@pytest.fixture
def held_course(person):
    course = make_course(title="专利代理实务培训", sessions=1)
    enrolments.enrol(course, person)
    return move_to_past(course)


def test_a_rights_handler_cannot_read_a_course_roster(client, handler, person, held_course):
    client.force_login(handler)
    for url in (
        reverse("training_admin:courses"),
        reverse("training_admin:roster", args=[held_course.pk]),
        reverse("training_admin:roster_csv", args=[held_course.pk]),
        reverse("training_admin:certificates"),
    ):
        response = client.get(url)
        assert refused_by_the_admin(response), url
        assert person.email not in response.content.decode()
    assert reverse("training_admin:courses") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_rights_handler_cannot_mark_completions(client, handler, person, held_course):
    enrolment = Enrolment.objects.get(user=person)
    client.force_login(handler)
    url = reverse("training_admin:roster", args=[held_course.pk])
    assert refused_by_the_admin(client.post(url, {"action": "complete", "complete": [enrolment.pk]}))
    with pytest.raises(enrolments.EnrolmentError):
        enrolments.complete(enrolment, handler)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED


def test_a_rights_handler_cannot_read_another_persons_certificate(client, handler, staff, person, held_course):
    certificate = enrolments.complete(Enrolment.objects.get(user=person), staff)
    client.force_login(handler)
    assert client.get(reverse("training:certificate", args=[certificate.number])).status_code == 404
    assert client.get(reverse("training:certificate_pdf", args=[certificate.number])).status_code == 404
    client.force_login(person)
    assert client.get(reverse("training:certificate_pdf", args=[certificate.number])).status_code == 200


def test_the_training_manager_reads_the_roster_and_any_certificate(client, staff, person, held_course):
    certificate = enrolments.complete(Enrolment.objects.get(user=person), staff)
    client.force_login(staff)
    roster = client.get(reverse("training_admin:roster", args=[held_course.pk]))
    assert roster.status_code == 200
    assert person.email in roster.content.decode()
    response = client.get(reverse("training:certificate_pdf", args=[certificate.number]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
