"""What the order page shows of paying, refunds and the invoice, decided per side of the order."""

from django.utils import timezone

from accounts.roles import VIEW_PAYMENTS
from payments.models import Payment

from . import orders
from .forms import (
    InvoiceIssueForm,
    InvoiceRequestForm,
    ReasonForm,
    RefundTransferForm,
    TransferForm,
    fen_to_yuan,
)
from .models import PAID_STATUSES, Actor, Invoice, format_fen


def payment_context(request, order, actor):
    """What the order page shows of paying, refunds and the invoice, for the side `actor` acts for."""
    parties = actor in (Actor.ENTERPRISE, Actor.INSTITUTION)
    finance = request.user.has_perm(VIEW_PAYMENTS)
    transfers = list(orders.transfers_of(order).select_related("user", "decided_by")) if parties or finance else []
    pending = next((t for t in transfers if t.status == Payment.Status.PENDING), None)
    can_pay = order.may_pay(request.user)
    paid_transfer = next((t for t in transfers if t.status == Payment.Status.PAID), None)
    invoice = Invoice.objects.filter(order=order).first()
    owed = orders.refund_owed(order) if actor == Actor.INSTITUTION else 0
    return {
        "can_pay": can_pay,
        "stripe_enabled": orders.stripe_enabled(),
        # The payee's account: for the enterprise that pays, the institution itself, and finance staff only.
        "payee_account": orders.payee_account(order) if parties or finance else None,
        "transfer_form": TransferForm(
            initial={"amount": fen_to_yuan(order.amount), "transfer_date": timezone.localdate()}
        )
        if can_pay and pending is None
        else None,
        "pending_transfer": pending,
        "transfers": transfers,
        "can_confirm_transfer": actor == Actor.INSTITUTION and pending is not None,
        "payments": orders.payments_of(order) if actor in (Actor.ENTERPRISE, Actor.STAFF) or finance else [],
        "refunds": list(orders.refunds_of(order)) if parties or finance else [],
        "refund_form": RefundTransferForm(initial={"amount": fen_to_yuan(owed) if owed else None})
        if actor == Actor.INSTITUTION and paid_transfer is not None and paid_transfer.refundable_amount()
        else None,
        "refund_owed": owed,
        "refund_owed_display": format_fen(owed),
        "may_confirm_refunds": actor == Actor.ENTERPRISE,
        "reject_form": ReasonForm(),
        "invoice": invoice if parties or finance else None,
        "invoice_form": InvoiceRequestForm(initial={"kind": Invoice.Kind.ORDINARY, **orders.invoice_defaults(order)})
        if actor == Actor.ENTERPRISE and invoice is None and order.status in PAID_STATUSES
        else None,
        "issue_form": InvoiceIssueForm(initial={"issued_on": timezone.localdate()})
        if invoice is not None and invoice.may_issue(request.user)
        else None,
    }
