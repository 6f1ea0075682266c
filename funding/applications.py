"""What people do with special funds, one function per action; views, the demo and tests call these.

Money is computed here, never typed by the applicant: each item's amount comes from the programme's rule,
the application's total is capped per applicant per year, and the programme's budget is checked at
submission and at approval while the programme's row is locked, so two approvals at the same moment cannot
together spend more than the budget. Every step goes through `APPLICATION_WORKFLOW` and tells the applicant
on the site and by e-mail (`services.inbox.notify`).
"""

from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from core.uploads import check_upload

from . import eligibility
from .access import may_manage, may_record_payment, may_review_programme
from .models import (
    APPLICATION_WORKFLOW,
    PATENT_ITEMS,
    Application,
    ApplicationItem,
    Attachment,
    ItemType,
    NoticeBatch,
    Objection,
    Programme,
    Step,
)

ZERO = Decimal("0.00")
ATTACHMENT_KINDS = ("pdf", "image")
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024


class FundingError(Exception):
    """An action was refused; the message is shown to the person who tried. `already` marks a repeat."""

    def __init__(self, message, *, already=False):
        super().__init__(message)
        self.message = str(message)
        self.already = already


def _refuse(refusal):
    return FundingError(refusal.message, already=refusal.already_done)


def _money(value):
    return Decimal(value or 0).quantize(Decimal("0.01"))


# --- programmes ----------------------------------------------------------------------------------------


def open_programme(programme, user):
    """Publish a programme so enterprises may apply within its window."""
    if not may_manage(user):
        raise FundingError(_("您无权发布资助项目。"))
    with transaction.atomic():
        programme = Programme.objects.select_for_update().get(pk=programme.pk)
        if not programme.is_draft:
            raise FundingError(_("该项目已发布。"), already=True)
        if not programme.rules.exists():
            raise FundingError(_("请先设置至少一条资助标准。"))
        programme.status = Programme.Status.OPEN
        programme.opened_at = timezone.now()
        programme.save(update_fields=["status", "opened_at"])
    return programme


def budget_used(programme):
    """What approved applications of the programme have been granted (approved, publicised or paid)."""
    return _money(programme.applications.approved().aggregate(total=Sum("approved_amount"))["total"])


def budget_left(programme):
    return programme.budget - budget_used(programme)


# --- drafts --------------------------------------------------------------------------------------------


def start_application(programme, user):
    """A draft application of the user's organisation, or the draft it already has for this programme."""
    organisation = user.organisation
    reasons = eligibility.applicant_reasons(programme, organisation)
    if reasons:
        raise FundingError(reasons[0])
    if not programme.accepts_applications():
        raise FundingError(_("该项目当前不在申报期内。"))
    with transaction.atomic():
        existing = (
            Application.objects.select_for_update()
            .filter(programme=programme, organisation=organisation, status=Application.Status.DRAFT)
            .first()
        )
        if existing is not None:
            return existing
        return Application.objects.create(
            programme=programme,
            organisation=organisation,
            created_by=user,
            bank_account_name=organisation.name,
        )


def _editable(application, user):
    if not application.organisation.is_member(user):
        raise FundingError(_("只有申请单位的成员可以修改申请。"))
    if not application.is_editable:
        raise FundingError(_("申请已提交，不能再修改。"))


def save_details(application, user, *, bank_account_name, bank_name, bank_account, declaration):
    _editable(application, user)
    application.bank_account_name = bank_account_name.strip()
    application.bank_name = bank_name.strip()
    application.bank_account = bank_account.strip()
    application.declaration = bool(declaration)
    application.save(update_fields=["bank_account_name", "bank_name", "bank_account", "declaration", "updated_at"])
    return application


def _record_of(item_type, *, patent, certification, loan):
    if item_type in PATENT_ITEMS:
        return {"patent": patent}
    if item_type == ItemType.LOAN_INTEREST:
        return {"loan": loan}
    return {"certification": certification}


def add_item(application, user, item_type, *, patent=None, certification=None, loan=None):
    """Add one of the organisation's rights (or loans), checked at once: an ineligible item is kept with its
    reasons. A loan's subsidy is computed from the facts its lender recorded, never from the applicant."""
    _editable(application, user)
    record = _record_of(item_type, patent=patent, certification=certification, loan=loan)
    if None in record.values():
        raise FundingError(_("请选择要申报的记录。"))
    if application.items.filter(**record).exists():
        raise FundingError(_("该记录已在本申请中。"))
    verdict = eligibility.check(application, item_type, **record)
    return ApplicationItem.objects.create(
        application=application,
        item_type=item_type,
        eligible=verdict.eligible,
        reasons=verdict.reasons,
        amount=verdict.amount,
        basis=verdict.basis,
        **record,
    )


def remove_item(item, user):
    _editable(item.application, user)
    if item.holds_claim:
        ApplicationItem.objects.filter(pk=item.pk).update(holds_claim=False)
    item.delete()


def add_attachment(application, user, *, title, uploaded):
    """Keep a supporting file privately once its type (by content) and size are checked."""
    _editable(application, user)
    content_type = check_upload(uploaded, ATTACHMENT_KINDS, ATTACHMENT_MAX_BYTES, refuse=FundingError)
    return Attachment.attach(uploaded, content_type, user=user, title=title, application=application)


# --- pricing -------------------------------------------------------------------------------------------


def _recheck_items(application):
    """Check every item again as things stand now (a patent may have lapsed); the eligible items' total."""
    total = ZERO
    items = application.items.select_related("patent", "certification", "loan__case__lender", "loan__case__need__deal")
    for item in items:
        verdict = eligibility.check(
            application, item.item_type, patent=item.patent, certification=item.certification, loan=item.loan
        )
        item.eligible, item.reasons, item.amount = verdict.eligible, verdict.reasons, verdict.amount
        item.basis = verdict.basis
        item.checked_at = timezone.now()
        item.save(update_fields=["eligible", "reasons", "amount", "basis", "checked_at"])
        total += verdict.amount
    return total


def _committed_for_applicant(application, *, approved_only):
    """What the organisation's other applications to the programme this year already take of its cap."""
    others = Application.objects.filter(programme=application.programme, organisation=application.organisation)
    others = (others.approved() if approved_only else others.committed()).exclude(pk=application.pk)
    amount = Sum("approved_amount") if approved_only else Sum(Coalesce("approved_amount", "requested_amount"))
    return _money(others.aggregate(total=amount)["total"])


def _capped(application, total, *, approved_only):
    """The total within the applicant's yearly cap, and the note explaining a reduction."""
    programme = application.programme
    room = programme.cap_per_applicant - _committed_for_applicant(application, approved_only=approved_only)
    if room <= ZERO:
        raise FundingError(
            _("申请单位在本项目的年度资助上限 %(cap)s 元已用完。") % {"cap": programme.cap_per_applicant}
        )
    if total > room:
        return room, _("合计 %(total)s 元，按每家单位年度上限核减为 %(amount)s 元。") % {"total": total, "amount": room}
    return total, ""


def _claim_items(application):
    """Mark the eligible items as claimed; a right claimed meanwhile by another application is refused."""
    try:
        with transaction.atomic():
            application.items.filter(eligible=True).update(holds_claim=True)
            application.items.filter(eligible=False).update(holds_claim=False)
    except IntegrityError as error:
        raise FundingError(_("申请中的某项专利、认定或贷款刚被其他申请申报，请刷新后再试。")) from error


def _release_claims(application):
    application.items.update(holds_claim=False)


def _locked(application):
    """The programme and the application, locked in that order (every writer takes them so)."""
    programme = Programme.objects.select_for_update().get(pk=application.programme_id)
    application = Application.objects.select_for_update().select_related("organisation").get(pk=application.pk)
    application.programme = programme
    return programme, application


# --- the applicant's steps -----------------------------------------------------------------------------


def submit(application, user):
    """Submit (or resubmit after a return): every item is checked again and the amount computed within
    the applicant's cap and the programme's remaining budget. Submitting twice changes nothing."""
    with transaction.atomic():
        programme, application = _locked(application)
        refused = APPLICATION_WORKFLOW.check(application, Step.SUBMITTED, user)
        if refused is not None:
            raise _refuse(refused)
        if not programme.accepts_applications():
            raise FundingError(_("该项目当前不在申报期内。"))
        if not application.declaration:
            raise FundingError(_("请先勾选申报声明。"))
        if not (application.bank_account_name and application.bank_name and application.bank_account):
            raise FundingError(_("请填写完整的收款账户信息。"))
        total = _recheck_items(application)
        if total <= ZERO:
            raise FundingError(_("申请中没有符合条件的事项。"))
        amount, note = _capped(application, total, approved_only=False)
        left = budget_left(programme)
        if amount > left:
            raise FundingError(
                _("项目剩余预算 %(left)s 元，不足以支付本申请的 %(amount)s 元。") % {"left": left, "amount": amount}
            )
        _claim_items(application)
        APPLICATION_WORKFLOW.apply(
            application,
            Step.SUBMITTED,
            user=user,
            lock=False,
            note=note,
            refuse=_refuse,
            changes={"requested_amount": amount, "cap_note": note, "return_reason": ""},
        )
    return application


# --- review --------------------------------------------------------------------------------------------


def _step(application, name, user, *, note="", changes=None):
    with transaction.atomic():
        _programme, application = _locked(application)
        APPLICATION_WORKFLOW.apply(application, name, user=user, lock=False, note=note, refuse=_refuse, changes=changes)
    return application


def accept(application, user, note=""):
    """受理: the application is complete and taken into review."""
    return _step(application, Step.ACCEPTED, user, note=note)


def pass_first_review(application, user, note=""):
    """初审 by the responsible unit."""
    return _step(application, Step.FIRST_PASSED, user, note=note)


def approve(application, user, note=""):
    """复核: the items are checked once more and the amount granted, within the cap and the budget.

    The programme's row stays locked from reading what is granted to writing this grant, so concurrent
    approvals are counted one after the other and never spend more than the budget together."""
    with transaction.atomic():
        programme, application = _locked(application)
        refused = APPLICATION_WORKFLOW.check(application, Step.APPROVED, user)
        if refused is not None:
            raise _refuse(refused)
        total = _recheck_items(application)
        if total <= ZERO:
            raise FundingError(_("申请中已没有符合条件的事项，请退回或不予资助。"))
        amount, cap_note = _capped(application, min(total, application.requested_amount), approved_only=True)
        left = budget_left(programme)
        if amount > left:
            raise FundingError(
                _("项目剩余预算 %(left)s 元，不足以核定本申请的 %(amount)s 元。") % {"left": left, "amount": amount}
            )
        text = _("核定资助 %(amount)s 元。") % {"amount": amount}
        APPLICATION_WORKFLOW.apply(
            application,
            Step.APPROVED,
            user=user,
            lock=False,
            note=" ".join(filter(None, [text, cap_note, note.strip()])),
            refuse=_refuse,
            changes={"approved_amount": amount},
        )
    return application


def return_for_correction(application, user, reason):
    reason = (reason or "").strip()
    if not reason:
        raise FundingError(_("请写明退回原因。"))
    return _step(application, Step.RETURNED, user, note=reason, changes={"return_reason": reason})


def reject(application, user, reason):
    reason = (reason or "").strip()
    if not reason:
        raise FundingError(_("请写明不予资助的原因。"))
    with transaction.atomic():
        application = _step(application, Step.REJECTED, user, note=reason)
        _release_claims(application)
    return application


def publicise(programme, applications, user, *, title):
    """Put approved applications of the programme in a new public notice, open to objections for the
    programme's objection period."""
    if not may_review_programme(user, programme):
        raise FundingError(_("您不是该项目的审核人员。"))
    applications = list(applications)
    if not applications:
        raise FundingError(_("请选择要公示的申请。"))
    title = (title or "").strip()
    if not title:
        raise FundingError(_("请填写公示标题。"))
    today = timezone.localdate()
    with transaction.atomic():
        Programme.objects.select_for_update().get(pk=programme.pk)
        batch = NoticeBatch.objects.create(
            programme=programme,
            title=title,
            published_on=today,
            objections_until=today + timedelta(days=programme.objection_days),
            created_by=user,
        )
        for application in applications:
            if application.programme_id != programme.pk:
                raise FundingError(_("只能公示本项目的申请。"))
            note = _("公示期至 %(day)s。") % {"day": batch.objections_until.isoformat()}
            _step(application, Step.PUBLICISED, user, note=note, changes={"batch": batch})
    return batch


# --- objections ----------------------------------------------------------------------------------------


def lodge_objection(application, *, name, contact, reason, user=None):
    """Anyone may object to a publicised application during its objection period, with a reason."""
    name, contact, reason = (name or "").strip(), (contact or "").strip(), (reason or "").strip()
    if not (name and contact and reason):
        raise FundingError(_("请填写姓名、联系方式和异议理由。"))
    with transaction.atomic():
        _programme, application = _locked(application)
        batch = application.batch
        if application.status != Application.Status.PUBLICISED or batch is None:
            raise FundingError(_("该申请不在公示中。"))
        if not batch.objections_open():
            day = batch.objections_until.isoformat()
            raise FundingError(_("公示期已于 %(day)s 结束，不再受理异议。") % {"day": day})
        objection = Objection.objects.create(
            application=application,
            name=name,
            contact=contact,
            reason=reason,
            lodged_by=user if user is not None and user.is_authenticated else None,
        )
        # The system records it on the applicant's record: the objector's name and contact stay private.
        APPLICATION_WORKFLOW.apply(application, Step.OBJECTION_RECORDED, lock=False, note=reason, refuse=_refuse)
    return objection


def decide_objection(objection, user, *, uphold, note):
    """A manager dismisses an objection, or upholds it, which ends the application without funding."""
    if not may_manage(user):
        raise FundingError(_("您无权处理公示异议。"))
    note = (note or "").strip()
    if not note:
        raise FundingError(_("请写明处理意见。"))
    with transaction.atomic():
        _programme, application = _locked(objection.application)
        objection = Objection.objects.select_for_update().get(pk=objection.pk)
        if not objection.is_open:
            raise FundingError(_("该异议已处理。"), already=True)
        objection.status = Objection.Status.UPHELD if uphold else Objection.Status.DISMISSED
        objection.decision_note = note
        objection.decided_by = user
        objection.decided_at = timezone.now()
        objection.save(update_fields=["status", "decision_note", "decided_by", "decided_at"])
        name = Step.REJECTED if uphold else Step.OBJECTION_DISMISSED
        APPLICATION_WORKFLOW.apply(application, name, user=user, lock=False, note=note, refuse=_refuse)
        if uphold:
            _release_claims(application)
    return objection


# --- payment -------------------------------------------------------------------------------------------


def payment_refusal(application, today=None):
    """Why finance may not pay this application yet (None: it may), whoever asks."""
    today = today or timezone.localdate()
    if application.status != Application.Status.PUBLICISED or application.batch is None:
        return _("只有公示中的申请可以登记拨付。")
    if not application.batch.period_over(today):
        return _("公示期至 %(day)s，期满后方可拨付。") % {"day": application.batch.objections_until.isoformat()}
    if application.objections.filter(status=Objection.Status.RECORDED).exists():
        return _("该申请有尚未处理的公示异议。")
    return None


def record_payment(application, user, *, amount, paid_on):
    """拨付, recorded by finance: an amount up to the approved one, paid on a day not in the future."""
    if not may_record_payment(user):
        raise FundingError(_("您无权登记拨付。"))
    amount = _money(amount)
    with transaction.atomic():
        _programme, application = _locked(application)
        refused = APPLICATION_WORKFLOW.check(application, Step.PAID, user)
        if refused is not None:
            raise _refuse(refused)
        refusal = payment_refusal(application)
        if refusal:
            raise FundingError(refusal)
        if amount <= ZERO or amount > application.approved_amount:
            raise FundingError(
                _("拨付金额须大于 0 且不超过核定金额 %(amount)s 元。") % {"amount": application.approved_amount}
            )
        if paid_on > timezone.localdate() or paid_on < application.batch.published_on:
            raise FundingError(_("拨付日期须在公示之后且不晚于今天。"))
        APPLICATION_WORKFLOW.apply(
            application,
            Step.PAID,
            user=user,
            lock=False,
            note=_("已拨付 %(amount)s 元（%(day)s）。") % {"amount": amount, "day": paid_on.isoformat()},
            refuse=_refuse,
            changes={"paid_amount": amount, "paid_on": paid_on},
        )
    return application
