"""Every action happens once: the same report form sent twice records one case."""

import pytest
from django.urls import reverse

from rights.models import Case
from tests.factories import UserFactory

from .helpers import report_data

pytestmark = pytest.mark.django_db


def test_a_report_sent_twice_before_the_receipt_was_seen_records_one_case_and_shows_its_receipt(client):
    data = report_data()
    client.post(reverse("rights:report"), data)
    second = client.post(reverse("rights:report"), data)
    case = Case.objects.get()
    assert second["Location"] == reverse("rights:submitted")
    receipt = client.get(second["Location"]).content.decode()
    assert case.tracking_number in receipt and "tracking-secret" in receipt


def test_a_report_sent_again_after_the_receipt_says_it_was_already_submitted(client):
    data = report_data()
    first = client.post(reverse("rights:report"), data)
    client.get(first["Location"])
    again = client.post(reverse("rights:report"), data, follow=True)
    case = Case.objects.get()
    assert f"该举报已提交，受理编号 {case.tracking_number}。" in again.content.decode()
    assert case.steps.count() == 1


def test_a_signed_in_reporter_sending_twice_is_led_to_the_one_case(client):
    client.force_login(UserFactory())
    data = report_data()
    client.post(reverse("rights:report"), data)
    client.get(reverse("rights:submitted"))
    again = client.post(reverse("rights:report"), data, follow=True)
    case = Case.objects.get()
    assert again.redirect_chain[-1][0] == reverse("rights:my_case", args=[case.tracking_number])
    assert f"该举报已提交，受理编号 {case.tracking_number}。" in again.content.decode()


def test_two_forms_from_the_same_person_are_two_reports(client):
    client.post(reverse("rights:report"), report_data())
    client.post(reverse("rights:report"), report_data(infringer="另一家商行"))
    assert Case.objects.count() == 2
