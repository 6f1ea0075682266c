"""E-mail about case steps, recorded as `Notification` rows so that nothing is lost if e-mail fails.

A step creates one row per recipient in the same transaction; after commit a task tries to send it.
A row that could not be sent stays unsent and `resend_unsent` (run by Celery beat) tries it again.
The submitter is told the public status and message only; handlers also get the internal note.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.roles import ADMINISTER_RIGHTS_CASES, holders_of
from core.tasks import send_templated_mail_task

from .models import Action, Handler, Notification

logger = logging.getLogger(__name__)

RETRY_AFTER = timedelta(minutes=5)
MAX_ATTEMPTS = 20
SUBMITTER_TEMPLATE = "rights/email/submitter_step"
HANDLER_TEMPLATE = "rights/email/handler_step"


def notify_step(step):
    """Queue the e-mails a step calls for: call inside the step's transaction."""
    case = step.case
    rows = []
    if step.action != Action.ASSIGN and case.contact_email:
        status_path = reverse("rights:my_case", args=[case.tracking_number]) if case.submitter_id else None
        rows.append(
            Notification(
                case=case,
                step=step,
                recipient=case.contact_email,
                template=SUBMITTER_TEMPLATE,
                context={
                    "tracking_number": case.tracking_number,
                    "kind": str(case.get_kind_display()),
                    "status": str(case.get_status_display()),
                    "submitted": step.action == Action.SUBMIT,
                    "message": step.public_message,
                    "path": status_path or reverse("rights:status"),
                },
            )
        )

    staff_emails = []
    if step.action == Action.SUBMIT:
        # New cases wait for the administrators to route them.
        staff_emails = list(holders_of(ADMINISTER_RIGHTS_CASES).values_list("email", flat=True))
    elif case.handler_id:
        staff_emails = [case.handler.email]
    elif case.unit_id and step.action in (Action.ASSIGN, Action.TRANSFER):
        # A case arriving at a unit without a named handler: every handler of the unit hears of it.
        staff_emails = list(Handler.objects.on_duty().filter(unit=case.unit).values_list("user__email", flat=True))
    actor_email = step.actor.email if step.actor_id else None
    for email in sorted(set(staff_emails) - {actor_email, ""}):
        rows.append(
            Notification(
                case=case,
                step=step,
                recipient=email,
                template=HANDLER_TEMPLATE,
                context={
                    "tracking_number": case.tracking_number,
                    "kind": str(case.get_kind_display()),
                    "category": str(case.get_category_display()),
                    "action": str(step.get_action_display()),
                    "status": str(case.get_status_display()),
                    "unit": str(case.unit or ""),
                    "actor": str(step.actor or ""),
                    "note": step.note,
                    "message": step.public_message,
                    "path": reverse("rights:case_detail", args=[case.pk]),
                },
            )
        )
    created = Notification.objects.bulk_create(rows)
    for notification in created:
        pk = notification.pk
        transaction.on_commit(lambda pk=pk: _enqueue(pk))
    return created


def _enqueue(pk):
    from .tasks import deliver_notification

    try:
        deliver_notification.delay(pk)
    except Exception:
        # A broker that is down loses nothing: the row stays unsent and the periodic task retries it.
        logger.exception("Could not queue rights notification %s", pk)


def deliver(pk):
    """Try to send one notification; True if it is (or already was) sent."""
    with transaction.atomic():
        notification = Notification.objects.select_for_update().filter(pk=pk).first()
        if notification is None:
            return False
        if notification.sent_at:
            return True
        notification.attempts += 1
        notification.last_attempt_at = timezone.now()
        try:
            # core's task body, called in this process: it renders `<template>_subject/_message.txt`.
            send_templated_mail_task(notification.template, [notification.recipient], notification.context)
        except Exception as error:
            notification.last_error = repr(error)[:1000]
            notification.save(update_fields=["attempts", "last_attempt_at", "last_error"])
            logger.warning("Rights notification %s to %s failed: %r", pk, notification.recipient, error)
            return False
        notification.sent_at = timezone.now()
        notification.last_error = ""
        notification.save(update_fields=["attempts", "last_attempt_at", "last_error", "sent_at"])
    return True


def resend_unsent(now=None):
    """Send every notification still unsent after RETRY_AFTER; return how many were sent now."""
    limit = (now or timezone.now()) - RETRY_AFTER
    pending = (
        Notification.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS, created_at__lt=limit)
        .exclude(last_attempt_at__gte=limit)
        .values_list("pk", flat=True)
    )
    return sum(1 for pk in list(pending) if deliver(pk))
