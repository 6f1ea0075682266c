"""Telling an organisation's members what happened: an inbox entry on the site and an e-mail.

The entry is saved in the caller's transaction; the e-mail goes after commit through core.mail's
retried task, so a failing mail server never loses the message, the order or the entry.

The number of unread entries, shown in the header of every page a member sees, is kept in the cache per
person until an entry of their organisation is added, read or removed, or they join or leave one.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
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


UNREAD_PREFIX = "inbox:unread:"


def unread_count(user):
    if not user.is_authenticated:
        return 0
    key = UNREAD_PREFIX + str(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.for_user(user).unread().count()
        cache.set(key, count, timeout=settings.PAGE_CACHE_TIMEOUT)
    return count


def _forget(user_ids):
    keys = [UNREAD_PREFIX + str(user_id) for user_id in user_ids]
    cache.delete_many(keys)
    # And once the change commits: a request counting the old rows in between must not keep its count.
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: cache.delete_many(keys))


def forget_unread_counts(organisation_id):
    """The members' kept counts are gone: their next page counts again."""
    from accounts.models import Membership

    _forget(list(Membership.objects.filter(organisation_id=organisation_id).values_list("user_id", flat=True)))


def _entry_changed(instance, **kwargs):
    forget_unread_counts(instance.organisation_id)


def _membership_changed(instance, **kwargs):
    _forget([instance.user_id])


def connect_signals():
    from accounts.models import Membership

    for signal in (post_save, post_delete):
        signal.connect(_entry_changed, sender=Notification, dispatch_uid=f"inbox_entry_{id(signal)}")
        signal.connect(_membership_changed, sender=Membership, dispatch_uid=f"inbox_membership_{id(signal)}")


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
    marked = entries.filter(condition).update(read_at=timezone.now())
    if marked:
        forget_unread_counts(user.organisation.pk)
    return marked


def mark_all_read(user):
    marked = Notification.objects.for_user(user).unread().update(read_at=timezone.now())
    if marked:
        forget_unread_counts(user.organisation.pk)
    return marked
