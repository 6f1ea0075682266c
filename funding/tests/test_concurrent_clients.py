"""Reviewers approving and applicants submitting at the same moment, against a running server (see
tests/test_concurrent_clients.py): the budget and the one-claim-per-patent (and per-loan) rule hold under
contention."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from funding import applications
from funding.models import Application, ApplicationItem, ItemType
from tests.test_concurrent_clients import assert_no_server_error, browser, post, together

from .factories import applicant, make_loan, make_patent, make_programme, reviewer

pytestmark = pytest.mark.django_db(transaction=True)


def _draft(programme, user, patents):
    application = applications.start_application(programme, user)
    applications.save_details(
        application, user, bank_account_name="甲公司", bank_name="工商银行", bank_account="6222", declaration=True
    )
    for patent in patents:
        applications.add_item(application, user, ItemType.INVENTION_GRANT, patent=patent)
    return application


def test_six_reviewers_approving_at_once_never_spend_more_than_the_budget(live_server):
    people = [reviewer() for _ in range(6)]
    first = reviewer()
    programme = make_programme(budget="10000", reviewers=[*people, first])
    waiting = []
    for _ in range(6):
        user = applicant()
        application = _draft(programme, user, [make_patent(user.organisation)])
        applications.submit(application, user)
        applications.accept(application, first)
        applications.pass_first_review(application, first)
        waiting.append(application)

    responses = together(
        lambda i: browser(live_server, people[i]),
        lambda i, session: post(
            session, f"{live_server.url}/funding/applications/{waiting[i].pk}/review/", {"action": "approved"}
        ),
        6,
    )

    assert_no_server_error(responses)
    approved = Application.objects.filter(programme=programme, status=Application.Status.APPROVED)
    assert approved.count() == 2
    assert applications.budget_used(programme) == Decimal("10000.00")


def test_one_patent_submitted_in_two_applications_at_once_is_claimed_once(live_server):
    user = applicant()
    patent = make_patent(user.organisation)
    drafts = [_draft(make_programme(), user, [patent]) for _ in range(2)]

    responses = together(
        lambda i: browser(live_server, user),
        lambda i, session: post(session, f"{live_server.url}/funding/applications/{drafts[i].pk}/submit/"),
        2,
    )

    assert_no_server_error(responses)
    assert Application.objects.filter(status=Application.Status.SUBMITTED).count() == 1
    assert ApplicationItem.objects.filter(patent=patent, holds_claim=True).count() == 1


def test_one_loan_submitted_in_two_applications_at_once_is_subsidised_once(live_server):
    user = applicant()
    today = timezone.localdate()
    loan = make_loan(
        user.organisation,
        start=today - timedelta(days=200),
        end=today + timedelta(days=165),
        paid_to=today - timedelta(days=10),
    )
    drafts = []
    for _ in range(2):
        draft = _draft(make_programme(), user, [])
        applications.add_item(draft, user, ItemType.LOAN_INTEREST, loan=loan)
        drafts.append(draft)
    assert all(draft.items.get().eligible for draft in drafts)

    responses = together(
        lambda i: browser(live_server, user),
        lambda i, session: post(session, f"{live_server.url}/funding/applications/{drafts[i].pk}/submit/"),
        2,
    )

    assert_no_server_error(responses)
    assert Application.objects.filter(status=Application.Status.SUBMITTED).count() == 1
    assert ApplicationItem.objects.filter(loan=loan, holds_claim=True).count() == 1
