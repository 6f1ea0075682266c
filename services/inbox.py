"""Telling an organisation's members what happened: an inbox entry on the site and an e-mail.

The entry is saved in the caller's transaction; the e-mail goes after commit through core.mail's
retried task, so a failing mail server never loses the message, the order or the entry.
"""

from django.db.models import Q
from django.utils import timezone

from core.mail import send_templated_mail

from .models import Notification


def recipients_of(organisation):
    emails = list(organisation.memberships.filter(user__is_active=True).values_list("user__email", flat=True))
    if not emails and organisation.contact_email:
        emails = [organisation.contact_email]
    return emails


def notify(organisation, title, *, body="", url="", inquiry=None, order=None, email=True):
    notification = Notification.objects.create(
        organisation=organisation, title=title[:200], body=body, url=url, inquiry=inquiry, order=order
    )
    recipients = recipients_of(organisation) if email else []
    if recipients:
        send_templated_mail(
            "services/email/notification",
            recipients,
            {"organisation_name": organisation.name, "title": notification.title, "body": body, "path": url},
        )
    return notification


def unread_count(user):
    if not user.is_authenticated:
        return 0
    return Notification.objects.for_user(user).unread().count()


def mark_read(user, *, inquiry=None, order=None, notification_ids=None):
    """Mark the user's organisation's entries about `inquiry`, `order` or with the given ids as read."""
    entries = Notification.objects.for_user(user).unread()
    condition = Q()
    if inquiry is not None:
        condition |= Q(inquiry=inquiry)
    if order is not None:
        condition |= Q(order=order)
    if notification_ids is not None:
        condition |= Q(pk__in=notification_ids)
    if not condition:
        return 0
    return entries.filter(condition).update(read_at=timezone.now())


def mark_all_read(user):
    return Notification.objects.for_user(user).unread().update(read_at=timezone.now())
