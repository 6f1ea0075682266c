"""Examiners pressing 准予登记 at the same moment, against a running server (see
tests/test_concurrent_clients.py): every registration number is taken once, and a filing is registered once."""

import pytest
from django.utils import timezone

from copyrights import filings
from copyrights.models import Filing, FilingEvent, RegistrationSequence, Status, Step
from tests.test_concurrent_clients import assert_no_server_error, browser, post, together

from .factories import applicant, examiner, file_work

pytestmark = pytest.mark.django_db(transaction=True)


def _examining(user, by):
    filing = file_work(user)
    return filings.take_into_examination(filing, by)


def test_six_filings_approved_at_once_take_six_different_numbers_in_order(live_server):
    people = [examiner() for _ in range(6)]
    user = applicant()
    waiting = [_examining(user, people[0]) for _ in range(6)]

    responses = together(
        lambda i: browser(live_server, people[i]),
        lambda i, session: post(
            session, f"{live_server.url}/copyright/filings/{waiting[i].pk}/examine/", {"action": "approved"}
        ),
        6,
    )

    assert_no_server_error(responses)
    numbers = sorted(Filing.objects.filter(status=Status.APPROVED).values_list("number", flat=True))
    year = timezone.localdate().year
    assert numbers == [f"苏作登字-{year}-F-{serial:08d}" for serial in range(1, 7)]
    assert RegistrationSequence.objects.get().last_serial == 6


def test_one_filing_approved_by_two_examiners_at_once_is_registered_once(live_server):
    people = [examiner() for _ in range(2)]
    filing = _examining(applicant(), people[0])

    responses = together(
        lambda i: browser(live_server, people[i]),
        lambda i, session: post(
            session, f"{live_server.url}/copyright/filings/{filing.pk}/examine/", {"action": "approved"}
        ),
        2,
    )

    assert_no_server_error(responses)
    filing.refresh_from_db()
    assert filing.number.endswith("-00000001")
    assert FilingEvent.objects.filter(filing=filing, action=Step.APPROVED).count() == 1
    assert RegistrationSequence.objects.get().last_serial == 1
