"""What may happen to a posting, written once for the views, the admin review queue and the expiry task.

Every state change goes through `move_listing`, which takes a step of `models.WORKFLOW` (the shared
`core.workflow`): the check of who may, the timestamps and a `ListingEvent` (who, when, why). Errors are
`PostingError`s whose message is shown to the person who tried.
"""

from datetime import datetime, time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation
from accounts.roles import MODERATE_LISTINGS
from core.mail import send_templated_mail

from .models import ACTIVE_STATUSES, WORKFLOW, Deal, Interest, Listing, ListingEvent
from .models.listing import KIND_IP_TYPE

Status = Listing.Status
Section = Listing.Section

# Changing any of these on a published posting sends it back to review; contact preferences and the
# validity period (extending it is routine) do not.
SUBSTANTIVE_FIELDS = {
    "title",
    "description",
    "industry",
    "district",
    "kind",
    "direction",
    "ipc_class",
    "price_kind",
    "price_min",
    "price_max",
    "amount",
    "term_months",
    "purpose",
    "amount_min",
    "amount_max",
    "rate_min",
    "rate_max",
    "term_min_months",
    "term_max_months",
    "accepts_patent",
    "accepts_trademark",
    "accepts_copyright",
    "conditions",
}


class PostingError(Exception):
    """A rule about postings was broken; the message is shown to the user."""


class AlreadyDone(PostingError):
    """The posting is already in the state asked for (a repeated or concurrent action)."""


def allowed_sections(organisation):
    """Which kinds of posting an organisation may publish.

    Any organisation may post transaction information (an agency may offer a client's patent); financing needs
    are an enterprise's; financing products are a lender's, and lenders register as service institutions.
    """
    if organisation is None:
        return []
    if organisation.is_enterprise:
        return [Section.TRANSACTION, Section.FINANCING_NEED]
    return [Section.TRANSACTION, Section.FINANCING_PRODUCT]


def _check_owner(listing, user):
    if not (user.is_authenticated and user.organisation and user.organisation.pk == listing.organisation_id):
        raise PostingError(_("只有发布单位的成员可以管理这条信息。"))


def _refused(refusal):
    return (AlreadyDone if refusal.already_done else PostingError)(refusal.message)


def move_listing(listing, to_status, actor, note=""):
    """Take the step to `to_status` as `actor` (None: the system) if `WORKFLOW` allows it; record the event."""
    # A rejection's reason is shown to the owner until the posting is published again.
    reason = note if to_status == Status.REJECTED else "" if to_status == Status.PUBLISHED else None
    changes = {"rejection_reason": reason} if reason is not None else {}
    return WORKFLOW.apply(listing, to_status, user=actor, note=note, changes=changes, refuse=_refused)


def _start_of_today():
    return timezone.make_aware(datetime.combine(timezone.localdate(), time.min))


def submissions_today(organisation):
    """How many distinct postings of `organisation` went to review today (local time)."""
    return (
        ListingEvent.objects.filter(
            listing__organisation=organisation, to_status=Status.SUBMITTED, created_at__gte=_start_of_today()
        )
        .values("listing")
        .distinct()
        .count()
    )


def _check_daily_limit(listing):
    # The organisation's row is locked so that submissions sent at the same moment are counted one by one.
    Organisation.objects.select_for_update().filter(pk=listing.organisation_id).first()
    limit = settings.LISTINGS_DAILY_SUBMISSION_LIMIT
    already_today = ListingEvent.objects.filter(
        listing=listing, to_status=Status.SUBMITTED, created_at__gte=_start_of_today()
    ).exists()
    if not already_today and submissions_today(listing.organisation) >= limit:
        raise PostingError(_("贵单位今天已提交 %(limit)s 条信息，达到每日上限，请明天再提交。") % {"limit": limit})


def _check_submittable(listing):
    if listing.valid_until < timezone.localdate():
        raise PostingError(_("有效期已过，请先修改有效期再提交审核。"))
    if listing.is_transaction and listing.direction == listing.Direction.OFFER and listing.kind:
        needed = KIND_IP_TYPE.get(listing.kind)
        if needed and not listing.ip_records.filter(ip_type=needed).exists():
            raise PostingError(
                _("供给类的“%(kind)s”信息须至少登记一项对应的知识产权。") % {"kind": listing.get_kind_display()}
            )
    if listing.is_financing_need and not listing.ip_records.exists():
        raise PostingError(_("融资需求须至少登记一项用于质押的知识产权。"))


@transaction.atomic
def save_listing(listing, user, ip_records=None, changed_fields=()):
    """Create or update a posting from a form, with its IP records; a new posting starts as a draft.

    `ip_records` is a list of unsaved `ListingIP`s replacing the current ones (None leaves them as they are);
    `changed_fields` are the form fields the user changed. Editing the substance of a published posting
    sends it back to review.
    """
    organisation = user.organisation if user.is_authenticated else None
    if listing.pk is None:
        if listing.section not in allowed_sections(organisation):
            raise PostingError(_("贵单位不能发布这类信息。"))
        listing.organisation = organisation
        listing.created_by = user
        listing.status = Status.DRAFT
    else:
        _check_owner(listing, user)
        if not listing.is_editable:
            raise PostingError(_("已关闭的信息不能修改。"))
    listing.full_clean()
    listing.save()
    ip_changed = False
    if ip_records is not None:
        current = {_ip_key(record) for record in listing.ip_records.all()}
        wanted = {_ip_key(record) for record in ip_records}
        if current != wanted:
            ip_changed = True
            listing.ip_records.all().delete()
            for record in ip_records:
                record.listing = listing
                record.full_clean()
                record.save()
    substance_changed = ip_changed or bool(SUBSTANTIVE_FIELDS.intersection(changed_fields))
    if listing.status in (Status.PUBLISHED, Status.NEGOTIATING) and substance_changed:
        _check_submittable(listing)
        _check_daily_limit(listing)
        move_listing(listing, Status.SUBMITTED, user, _("发布后修改了内容，重新审核。"))
    return listing


def _ip_key(record):
    return (record.ip_type, record.number, record.title, record.owner_name, record.legal_status)


@transaction.atomic
def submit_listing(listing, user):
    _check_owner(listing, user)
    if listing.is_in_review:
        raise PostingError(_("这条信息已在审核中。"))
    if not listing.awaits_submission:
        raise PostingError(_("只有草稿、被退回或已过期的信息可以提交审核。"))
    _check_submittable(listing)
    _check_daily_limit(listing)
    return move_listing(listing, Status.SUBMITTED, user)


def _notify_owner_of_review(listing):
    recipients = [listing.contact_email or listing.organisation.contact_email]
    recipients = [address for address in recipients if address]
    if recipients:
        send_templated_mail(
            "listings/email/listing_reviewed",
            recipients,
            {
                "title": listing.title,
                "status": str(listing.get_status_display()),
                "reason": listing.rejection_reason,
                "path": listing.get_absolute_url(),
            },
        )


def _check_moderator(user):
    if not may_moderate(user):
        raise PostingError(_("只有平台工作人员可以审核信息。"))


def may_moderate(user):
    """Approve or reject submitted postings (the moderation queue)."""
    return user.is_authenticated and user.has_perm(MODERATE_LISTINGS)


def approve_listing(listing, staff_user):
    _check_moderator(staff_user)
    if listing.status == Status.PUBLISHED:
        raise AlreadyDone(_("这条信息已发布。"))
    if listing.status != Status.SUBMITTED:
        raise PostingError(_("只有待审核的信息可以发布。"))
    if listing.valid_until < timezone.localdate():
        raise PostingError(_("这条信息的有效期已过，不能发布。"))
    move_listing(listing, Status.PUBLISHED, staff_user)
    _notify_owner_of_review(listing)
    return listing


def reject_listing(listing, staff_user, reason):
    _check_moderator(staff_user)
    reason = (reason or "").strip()
    if not reason:
        raise PostingError(_("退回时请填写原因，发布单位会看到它。"))
    if listing.status != Status.SUBMITTED:
        raise PostingError(_("只有待审核的信息可以退回。"))
    move_listing(listing, Status.REJECTED, staff_user, reason)
    _notify_owner_of_review(listing)
    return listing


def withdraw_listing(listing, user, reason=""):
    _check_owner(listing, user)
    return move_listing(listing, Status.WITHDRAWN, user, reason)


def mark_negotiating(listing, user):
    _check_owner(listing, user)
    if listing.is_financing_product:
        raise PostingError(_("金融产品没有洽谈状态。"))
    return move_listing(listing, Status.NEGOTIATING, user)


def reopen_listing(listing, user):
    """From negotiation back to simply published."""
    _check_owner(listing, user)
    if not listing.is_negotiating:
        raise PostingError(_("只有洽谈中的信息可以恢复为已发布。"))
    return move_listing(listing, Status.PUBLISHED, user)


@transaction.atomic
def close_as_deal(
    listing, user, *, counterparty_name, amount, deal_date, counterparty=None, pledged_ip=(), note="", check_owner=True
):
    """Close an open posting as a deal and record it; for a financing need the counter-party is the lender
    (who records the loan: `check_owner=False`, the financing case having checked the lender)."""
    if check_owner:
        _check_owner(listing, user)
    if listing.is_financing_product:
        raise PostingError(_("金融产品不能作为成交关闭；贷款成交记录在企业的融资需求上。"))
    if not listing.is_open:
        raise PostingError(_("只有已发布或洽谈中的信息可以登记成交。"))
    if Deal.objects.filter(listing=listing).exists():
        raise PostingError(_("这条信息已登记成交。"))
    if amount is None or amount < 0:
        raise PostingError(_("成交金额不能为负数。"))
    if listing.is_financing_need and amount <= 0:
        raise PostingError(_("请填写实际放款金额。"))
    if deal_date > timezone.localdate():
        raise PostingError(_("成交日期不能晚于今天。"))
    if deal_date < timezone.localtime(listing.created_at).date():
        raise PostingError(_("成交日期不能早于信息发布日期。"))
    pledged_ip = list(pledged_ip)
    if listing.is_financing_need:
        if not pledged_ip:
            raise PostingError(_("请选择实际质押的知识产权。"))
        if any(record.listing_id != listing.pk for record in pledged_ip):
            raise PostingError(_("质押的知识产权须是本需求登记的知识产权。"))
    deal = Deal.objects.create(
        listing=listing,
        section=listing.section,
        district=listing.district,
        counterparty=counterparty,
        counterparty_name=counterparty_name.strip() or (counterparty.name if counterparty else ""),
        amount=amount,
        deal_date=deal_date,
        note=note,
        recorded_by=user,
    )
    if pledged_ip:
        deal.pledged_ip.set(pledged_ip)
    move_listing(listing, Status.DEAL, user, _("成交：%(name)s") % {"name": deal.counterparty_name})
    return deal


def expire_overdue(today=None):
    """Expire every posting whose validity period has ended; running it twice changes nothing more."""
    today = today or timezone.localdate()
    expired = 0
    for listing in Listing.objects.filter(status__in=ACTIVE_STATUSES, valid_until__lt=today).order_by("pk"):
        with transaction.atomic():
            listing = Listing.objects.select_for_update().get(pk=listing.pk)
            if listing.status in ACTIVE_STATUSES and listing.valid_until < today:
                move_listing(
                    listing, Status.EXPIRED, None, _("有效期已于 %(date)s 结束。") % {"date": listing.valid_until}
                )
                expired += 1
    return expired


def express_interest(listing, user, message):
    refusal = listing.interest_refusal(user)
    if refusal is not None:
        raise PostingError(refusal)
    message = (message or "").strip()
    if not message:
        raise PostingError(_("请填写留言，说明您的意向。"))
    try:
        with transaction.atomic():
            interest = Interest.objects.create(
                listing=listing, user=user, organisation=user.organisation, message=message
            )
    except IntegrityError as error:
        # Sent twice at the same moment: one per person (a database constraint); the other is told.
        raise PostingError(_("您已对这条信息表达过意向，请等待对方回复。")) from error
    if listing.contact_email or listing.organisation.contact_email:
        send_templated_mail(
            "listings/email/interest_received",
            [listing.contact_email or listing.organisation.contact_email],
            {
                "title": listing.title,
                "sender": interest.sender_name,
                "message": message,
                "path": reverse("listings:dashboard"),
            },
        )
    return interest


def answer_interest(interest, user, reply):
    _check_owner(interest.listing, user)
    reply = (reply or "").strip()
    if not reply:
        raise PostingError(_("请填写回复内容。"))
    interest.reply = reply
    interest.replied_at = timezone.now()
    interest.replied_by = user
    interest.save(update_fields=["reply", "replied_at", "replied_by"])
    send_templated_mail(
        "listings/email/interest_answered",
        [interest.user.email],
        {"title": interest.listing.title, "reply": reply, "path": interest.listing.get_absolute_url()},
    )
    return interest
