"""Keeping postings true: each posting's patents and trademarks checked against the register.

`reevaluate` is the daily task's body: statuses that may have changed since they were computed (a term
that ended, an event dated after the last check that has now taken effect) are computed again, then
every active posting is checked. `check_postings` flags a posting whose right is no longer in force,
tells its owner once, and after the grace period takes it off the public lists (to 已过期, from which
the owner may resubmit) unless the owner has answered with a statement; a right in force again clears
the flag.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import send_templated_mail
from listings import postings as listing_postings
from listings.models import Listing, ListingIP
from listings.models.listing import ACTIVE_STATUSES, IPType

from .models import Patent, PostingCheck, Trademark
from .terms import IN_FORCE, LegalStatus

logger = logging.getLogger(__name__)

CHECKED_SECTIONS = (Listing.Section.TRANSACTION, Listing.Section.FINANCING_NEED)


def reevaluate(today=None):
    """Recompute the statuses that may have changed, then check the postings; returns the records changed."""
    today = today or timezone.localdate()
    changed = 0
    open_statuses = [*IN_FORCE, LegalStatus.PENDING, LegalStatus.LAPSED]
    candidates = (
        Patent.objects.filter(status__in=open_statuses)
        .filter(Q(term_ends__lte=today) | Q(events__date__lte=today, events__date__gte=TruncDate("status_checked_at")))
        .distinct()
    )
    for patent in candidates.iterator(chunk_size=1000):
        if patent.evaluate_status(today=today):
            patent.save(update_fields=["status", "status_since", "term_ends", "status_checked_at", "updated_at"])
            changed += 1
    for mark in Trademark.objects.filter(status=Trademark.Status.REGISTERED, expiry_date__lt=today).iterator():
        if mark.evaluate_status(today=today):
            mark.save(update_fields=["status", "status_checked_at", "updated_at"])
            changed += 1
    check_postings(today=today)
    return changed


def _register_record(ip_record):
    if ip_record.ip_type == IPType.PATENT:
        return Patent.objects.filter(application_number=ip_record.number).first()
    return Trademark.objects.filter(registration_number=ip_record.number).first()


def check_postings(today=None):
    """Check every active posting's patents and trademarks; returns how many postings left the lists."""
    today = today or timezone.localdate()
    now = timezone.now()
    grace = timedelta(days=settings.REGISTER_POSTING_GRACE_DAYS)
    withdrawn = 0
    records = ListingIP.objects.filter(
        ip_type__in=(IPType.PATENT, IPType.TRADEMARK),
        listing__status__in=ACTIVE_STATUSES,
        listing__section__in=CHECKED_SECTIONS,
    ).select_related("listing__organisation")
    for ip_record in records:
        record = _register_record(ip_record)
        with transaction.atomic():
            check, _created = PostingCheck.objects.select_for_update().get_or_create(
                ip_record=ip_record, defaults={"checked_at": now}
            )
            check.found = record is not None
            check.in_force = bool(record and record.in_force)
            check.status_label = str(record.get_status_display()) if record else ""
            check.record_url = record.get_absolute_url() if record else ""
            check.checked_at = now
            if not check.found or check.in_force:
                check.flagged_on = None
                check.owner_notified_at = None
            elif check.flagged_on is None:
                check.flagged_on = today
            if check.is_flagged and check.owner_notified_at is None:
                check.owner_notified_at = now
                transaction.on_commit(lambda check=check: _notify_owner(check))
            listing = ip_record.listing
            if (
                check.is_flagged
                and not check.owner_statement
                and check.withdrawn_at is None
                and today >= check.flagged_on + grace
                and listing.status in ACTIVE_STATUSES
            ):
                listing_postings.move_listing(
                    listing,
                    Listing.Status.EXPIRED,
                    None,
                    _("登记簿显示 %(number)s 已不再有效（%(status)s），信息已撤下。")
                    % {"number": ip_record.number, "status": check.status_label},
                )
                check.withdrawn_at = now
                withdrawn += 1
            check.save()
    return withdrawn


def _notify_owner(check):
    listing = check.ip_record.listing
    recipients = [address for address in [listing.contact_email or listing.organisation.contact_email] if address]
    if recipients:
        send_templated_mail(
            "register/email/posting_flagged",
            recipients,
            {
                "title": listing.title,
                "number": check.ip_record.number,
                "status": check.status_label,
                "days": settings.REGISTER_POSTING_GRACE_DAYS,
                "path": listing.get_absolute_url(),
            },
        )


def may_answer(check, user):
    return (
        user.is_authenticated
        and user.organisation is not None
        and user.organisation.pk == check.ip_record.listing.organisation_id
    )


def answer_flag(check, user, statement):
    """The posting's owner says why the right is still good; the posting stays listed, staff can read why."""
    if not may_answer(check, user):
        raise listing_postings.PostingError(_("只有发布单位的成员可以说明。"))
    statement = (statement or "").strip()
    if not statement:
        raise listing_postings.PostingError(_("请写明说明。"))
    with transaction.atomic():
        locked = PostingCheck.objects.select_for_update().get(pk=check.pk)
        locked.owner_statement = statement[:2000]
        locked.owner_statement_at = timezone.now()
        locked.save(update_fields=["owner_statement", "owner_statement_at"])
    return locked
