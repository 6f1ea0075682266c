import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone

from rights import cases
from rights.models import Case, Notification, Outcome
from rights.notifications import resend_unsent
from rights.tasks import resend_unsent_notifications

from .helpers import report_data

pytestmark = pytest.mark.django_db


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("mail server unreachable")


def submit(client, **overrides):
    return client.post(reverse("rights:report"), report_data(**overrides))


def test_submitter_and_handler_are_told_of_each_step(
    client, django_capture_on_commit_callbacks, rights_admin, trademark_handler, unit
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, contact_email="reporter@example.com")
    case = Case.objects.get()
    confirmation = next(m for m in mail.outbox if m.to == ["reporter@example.com"])
    assert case.tracking_number in confirmation.subject and case.tracking_number in confirmation.body
    assert any(m.to == [rights_admin.email] for m in mail.outbox)  # administrators route new cases
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        case = cases.assign(case, rights_admin, unit("gongshangju"), trademark_handler, note="请尽快核查")
    # Assigning is internal: only the handler hears of it.
    assert [m.to for m in mail.outbox] == [[trademark_handler.email]]
    assert "请尽快核查" in mail.outbox[0].body
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        cases.accept(case, trademark_handler, "已受理，将派员核查。", note="店主有前科")
    to_submitter = [m for m in mail.outbox if m.to == ["reporter@example.com"]]
    assert len(to_submitter) == 1
    assert "已受理，将派员核查。" in to_submitter[0].body
    assert "店主有前科" not in to_submitter[0].body  # internal notes never reach the submitter
    assert not any(m.to == [trademark_handler.email] for m in mail.outbox)  # not told of their own step
    assert Notification.objects.filter(sent_at__isnull=True).count() == 0


def test_transfer_without_a_handler_tells_every_handler_of_the_new_unit(
    django_capture_on_commit_callbacks, rights_admin, trademark_handler, patent_handler, unit
):
    from .factories import HandlerFactory

    colleague = HandlerFactory(unit=unit("gongshangju")).user
    case, _secret = cases.submit_report({"category": "trademark", "infringer": "某商行", "description": "假货"})
    case = cases.assign(case, rights_admin, unit("kejiju"), patent_handler)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cases.transfer(case, patent_handler, unit("gongshangju"), "属商标案件")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([trademark_handler.email, colleague.email])


def test_a_failing_mail_server_loses_neither_the_case_nor_the_email(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "rights.tests.test_notifications.FailingEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, contact_email="reporter@example.com")
    assert response.status_code == 302  # the reporter gets their tracking number anyway
    case = Case.objects.get()
    notification = Notification.objects.get(case=case, recipient="reporter@example.com")
    assert notification.sent_at is None and notification.attempts == 1
    assert "unreachable" in notification.last_error

    # Still down at the next run: kept, attempt counted.
    assert resend_unsent(now=timezone.now() + timedelta(minutes=10)) == 0
    notification.refresh_from_db()
    assert notification.sent_at is None and notification.attempts == 2

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert resend_unsent(now=timezone.now() + timedelta(minutes=20)) == 1
    notification.refresh_from_db()
    assert notification.sent_at is not None and notification.last_error == ""
    assert [m.to for m in mail.outbox] == [["reporter@example.com"]]
    assert case.tracking_number in mail.outbox[0].subject
    # Sent once: later runs do not repeat it.
    assert resend_unsent(now=timezone.now() + timedelta(hours=1)) == 0
    assert resend_unsent_notifications() == 0
    assert len(mail.outbox) == 1


def test_recent_unsent_notifications_wait_for_their_own_task(django_capture_on_commit_callbacks):
    case, _secret = cases.submit_report(
        {"category": "trademark", "infringer": "某商行", "description": "假货", "contact_email": "a@example.com"}
    )
    # Not yet delivered (its task is still queued): the periodic task leaves it alone for now.
    assert resend_unsent() == 0
    assert Notification.objects.get(case=case).attempts == 0
    assert resend_unsent(now=timezone.now() + timedelta(minutes=10)) == 1


def test_closing_tells_the_submitter_the_outcome(
    django_capture_on_commit_callbacks, rights_admin, trademark_handler, unit
):
    case, _secret = cases.submit_report(
        {"category": "trademark", "infringer": "某商行", "description": "假货", "contact_email": "a@example.com"}
    )
    case = cases.assign(case, rights_admin, unit("gongshangju"), trademark_handler)
    case = cases.accept(case, trademark_handler)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cases.close(case, trademark_handler, Outcome.PENALISED, "没收假冒商品并罚款。")
    body = next(m.body for m in mail.outbox if m.to == ["a@example.com"])
    assert "已办结" in body and "没收假冒商品并罚款。" in body
