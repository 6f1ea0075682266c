"""Company bank transfers (对公转账): the payer records what it sent with the bank's receipt; the payee
confirms receipt (the payable is then paid, through its registered `on_paid`) or says it has not arrived.
Refunds by transfer go the other way: the payee records the refund transfer, the payer confirms it.

Each function locks the row it changes, so a repeated or concurrent submission changes it once and is told
so (`AlreadyDone`). Who may act is the owning app's decision; these functions record who did.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.uploads import check_upload

from .checkout import AlreadyDone, PaymentError, check_refund_amount
from .models import RECEIPT, Payment, Refund
from .payables import handlers_for

# A bank's receipt: a PDF or a photo or scan of it, checked by its content.
RECEIPT_KINDS = ("pdf", "image")
RECEIPT_MAX_BYTES = 10 * 1024 * 1024


def record_transfer(
    payable, *, amount, user, organisation, payee, description, reference, transfer_date, payer_bank, receipt
):
    """The payer says it has transferred `amount`; the payment waits for the payee's confirmation."""
    if transfer_date > timezone.localdate():
        raise PaymentError(_("转账日期不能晚于今天。"))
    if not receipt:
        raise PaymentError(_("请上传银行转账回单。"))
    receipt_type = check_upload(receipt, RECEIPT_KINDS, RECEIPT_MAX_BYTES, refuse=PaymentError)
    existing = Payment.objects.for_object(payable).filter(
        method=Payment.Method.TRANSFER, status__in=(Payment.Status.PENDING, Payment.Status.PAID)
    )
    done = existing.first()
    if done is not None:
        raise AlreadyDone(_("已登记过转账，无需重复提交。"), done)
    try:
        with transaction.atomic():
            return Payment.objects.create_for(
                payable,
                amount=amount,
                user=user,
                organisation=organisation,
                payee=payee,
                description=description,
                method=Payment.Method.TRANSFER,
                reference=reference[:60],
                transfer_date=transfer_date,
                payer_bank=payer_bank.strip()[:100],
                **RECEIPT.values(receipt, receipt_type),
            )
    except IntegrityError as error:
        # The constraint of one waiting transfer per payable caught a concurrent submission.
        done = existing.first()
        if done is None:
            raise
        raise AlreadyDone(_("已登记过转账，无需重复提交。"), done) from error


def _locked_transfer(payment):
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.method != Payment.Method.TRANSFER:
        raise PaymentError(_("该款项不是对公转账。"))
    return payment


def confirm_transfer(payment, user, note=""):
    """The payee has the money: the payment is paid and the payable's `on_paid` runs, once."""
    with transaction.atomic():
        payment = _locked_transfer(payment)
        if payment.status in (Payment.Status.PAID, Payment.Status.REFUNDED):
            raise AlreadyDone(_("已确认收款，无需重复操作。"), payment)
        if payment.status != Payment.Status.PENDING:
            raise PaymentError(_("该转账已被标记为未收到，请等待付款方重新登记。"))
        payment.status = Payment.Status.PAID
        payment.paid_at = payment.decided_at = timezone.now()
        payment.decided_by = user
        payment.decision_note = (note or "").strip()
        payment.save(update_fields=["status", "paid_at", "decided_at", "decided_by", "decision_note"])
        handlers_for(payment.payable).on_paid(payment.payable, payment)
        return payment


def reject_transfer(payment, user, reason):
    """The payee has not received the transfer; the payer may record it again."""
    if not (reason or "").strip():
        raise PaymentError(_("请说明未收到款项的情况。"))
    with transaction.atomic():
        payment = _locked_transfer(payment)
        if payment.status == Payment.Status.NOT_RECEIVED:
            raise AlreadyDone(_("已标记为未收到。"), payment)
        if payment.status != Payment.Status.PENDING:
            raise PaymentError(_("该转账已确认收款，不能再标记为未收到。"))
        payment.status = Payment.Status.NOT_RECEIVED
        payment.decided_at = timezone.now()
        payment.decided_by = user
        payment.decision_note = reason.strip()
        payment.save(update_fields=["status", "decided_at", "decided_by", "decision_note"])
        return payment


def record_refund_transfer(payment, *, amount, reason, transfer_date, receipt, user):
    """The payee has sent money back (all or part of what it received); the payer is to confirm."""
    if not (reason or "").strip():
        raise PaymentError(_("请说明退款原因。"))
    if not receipt:
        raise PaymentError(_("请上传退款转账回单。"))
    receipt_type = check_upload(receipt, RECEIPT_KINDS, RECEIPT_MAX_BYTES, refuse=PaymentError)
    if transfer_date > timezone.localdate():
        raise PaymentError(_("转账日期不能晚于今天。"))
    with transaction.atomic():
        payment = _locked_transfer(payment)
        if payment.status != Payment.Status.PAID:
            raise PaymentError(_("只有已确认收款的转账可以退款。"))
        check_refund_amount(amount, payment.refundable_amount())
        return Refund.objects.create(
            payment=payment,
            amount=amount,
            reason=reason.strip(),
            status=Refund.Status.SENT,
            transfer_date=transfer_date,
            **RECEIPT.values(receipt, receipt_type),
            created_by=user,
        )


def confirm_refund(refund, user):
    """The payer has the refund transfer. When all of the payment has come back, it is refunded, and the
    payable's `on_refunded` runs."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=refund.payment_id)
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if refund.status == Refund.Status.COMPLETED:
            raise AlreadyDone(_("已确认收到退款。"), payment)
        refund.status = Refund.Status.COMPLETED
        refund.confirmed_by = user
        refund.confirmed_at = timezone.now()
        refund.save(update_fields=["status", "confirmed_by", "confirmed_at"])
        completed = sum(payment.refunds.filter(status=Refund.Status.COMPLETED).values_list("amount", flat=True))
        if completed >= payment.amount and payment.status == Payment.Status.PAID:
            payment.status = Payment.Status.REFUNDED
            payment.refunded_at = refund.confirmed_at
            payment.save(update_fields=["status", "refunded_at"])
            handlers_for(payment.payable).on_refunded(payment.payable, payment)
        return refund


def set_bank_account(organisation, user, form):
    """Save the payee's receiving account from a valid `BankAccountForm`; only its administrators may."""
    if not organisation.can_manage(user):
        raise PermissionError("only the organisation's owners change its bank account")
    account = form.save(commit=False)
    account.organisation = organisation
    account.updated_by = user
    account.save()
    return account
