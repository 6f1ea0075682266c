"""Service orders: placing, the status changes of `models.orders.ORDER_WORKFLOW`, payment and refund.

Views, the Wagtail admin (dispute resolution) and the Stripe webhook (through the payments app's
payable registry) all change orders only through these functions.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import HANDLE_ORDER_DISPUTES
from core.uploads import check_upload
from payments import checkout, transfers
from payments.checkout import PaymentError, refund, start_checkout
from payments.models import BankAccount, Payment, Refund
from payments.transfers import RECEIPT_KINDS, RECEIPT_MAX_BYTES

from .inbox import notify
from .models import (
    MAX_AMOUNT_FEN,
    ORDER_WORKFLOW,
    PAID_STATUSES,
    REFUNDING,
    Actor,
    Inquiry,
    Invoice,
    Order,
    OrderEvent,
    OrderStatus,
    format_fen,
)
from .scorecard import refresh_completed_orders

logger = logging.getLogger(__name__)

MAX_QUANTITY = 999


class OrderError(Exception):
    """The order cannot be placed or changed this way; the message is shown to the user."""


class AlreadyDone(OrderError):
    """What was asked has already happened (a repeated or concurrent submission); `order` is the result."""

    def __init__(self, message, order):
        super().__init__(message)
        self.order = order


def _already_ordered(order):
    return AlreadyDone(_("该报价已下单（订单 %(number)s）。") % {"number": order.number}, order)


def _enterprise_of(user, institution):
    refusal = institution.engage_refusal(user)
    if refusal is not None:
        raise OrderError(refusal)
    return user.organisation


def place_order(user, *, offering=None, quote=None, quantity=1, requirements=""):
    """Order a published offering at its listed price, or an inquiry's quote at the quoted amount."""
    if (offering is None) == (quote is None):
        raise OrderError(_("请选择服务项目或咨询中的报价。"))
    with transaction.atomic():
        if quote is not None:
            # The inquiry's row lock puts orders from its quotes (and new quotes) one after another, so the
            # checks below see any order a concurrent request has just placed.
            Inquiry.objects.select_for_update().filter(pk=quote.inquiry_id).first()
        return _place_order(user, offering=offering, quote=quote, quantity=quantity, requirements=requirements)


def _place_order(user, *, offering, quote, quantity, requirements):
    if quote is not None:
        inquiry = quote.inquiry
        institution = inquiry.institution
        enterprise = _enterprise_of(user, institution)
        existing = Order.objects.filter(quote=quote).first()
        if existing is not None and inquiry.enterprise_id == enterprise.pk:
            raise _already_ordered(existing)
        refusal = quote.order_refusal(user)
        if refusal is not None:
            raise OrderError(refusal)
        offering = inquiry.offering
        unit_price, quantity = quote.quote_amount, 1
        title = inquiry.offering.title if inquiry.offering else inquiry.subject
    else:
        institution = offering.institution
        enterprise = _enterprise_of(user, institution)
        if not offering.is_published:
            raise OrderError(_("该服务项目未发布，不能下单。"))
        if offering.is_negotiable or not offering.price:
            raise OrderError(_("该服务项目价格面议，请先咨询机构并按其报价下单。"))
        unit_price, title, inquiry = offering.price, offering.title, None
    if not isinstance(quantity, int) or not 1 <= quantity <= MAX_QUANTITY:
        raise OrderError(_("数量须为 1 至 %(max)d 之间的整数。") % {"max": MAX_QUANTITY})
    amount = unit_price * quantity
    if amount > MAX_AMOUNT_FEN:
        raise OrderError(
            _("订单金额 %(amount)s 超过单笔上限 %(max)s，请分次下单或联系机构。")
            % {"amount": format_fen(amount), "max": format_fen(MAX_AMOUNT_FEN)}
        )
    try:
        with transaction.atomic():
            order = Order.objects.create(
                enterprise=enterprise,
                institution=institution,
                offering=offering,
                inquiry=inquiry,
                quote=quote,
                title=title[:120],
                unit_price=unit_price,
                quantity=quantity,
                amount=amount,
                requirements=(requirements or "").strip(),
                created_by=user,
            )
    except IntegrityError as error:
        # One order per quote (a database constraint): what the lock did not keep out lands here.
        existing = Order.objects.filter(quote=quote).first() if quote is not None else None
        if existing is None:
            raise
        raise _already_ordered(existing) from error
    OrderEvent.objects.create(order=order, to_status=OrderStatus.REQUESTED, actor=Actor.ENTERPRISE, user=user)
    notify(
        institution.organisation,
        _("新订单 %(number)s：%(title)s（%(amount)s，来自 %(enterprise)s）")
        % {
            "number": order.number,
            "title": order.title,
            "amount": order.amount_display,
            "enterprise": enterprise.name,
        },
        body=order.requirements,
        url=order.get_absolute_url(),
        order=order,
    )
    return order


STATUS_MESSAGES = {
    OrderStatus.ACCEPTED: _("机构已接单，请付款"),
    OrderStatus.DECLINED: _("机构拒绝了订单"),
    OrderStatus.PAID: _("订单已付款，请开始服务"),
    OrderStatus.DELIVERED: _("机构已交付，请确认完成或提出异议"),
    OrderStatus.COMPLETED: _("订单已完成"),
    OrderStatus.DISPUTED: _("企业对交付提出异议，平台将介入处理"),
    OrderStatus.CANCELLED: _("订单已取消"),
    OrderStatus.REFUNDED: _("订单已退款"),
}


def _refused(refusal):
    if refusal.already_done:
        return AlreadyDone(refusal.message, refusal.record)
    return OrderError(refusal.message)


def _refund_if_owed(move):
    if (move.from_state, move.to_state) in REFUNDING:
        _refund_payment(move.record)


def _after_change(move, event):
    if move.to_state == OrderStatus.COMPLETED:
        refresh_completed_orders(move.record.institution)
    _tell_parties(move.record, move.role, move.to_state, move.note)


def change_status(order, to_status, user=None, *, actor=None, note=""):
    """Move `order` to `to_status` if `ORDER_WORKFLOW` allows it for who acts; record and tell the other side."""
    with transaction.atomic():
        order = (
            Order.objects.select_for_update().select_related("institution__organisation", "enterprise").get(pk=order.pk)
        )
        if actor is None:
            actor = order.actor_for(user) if user is not None else None
        if actor is None:
            raise OrderError(_("您无权处理该订单。"))
        changes = {}
        if to_status == OrderStatus.ACCEPTED:
            changes["payment_due_at"] = timezone.now() + timedelta(days=settings.ORDER_PAYMENT_DAYS)
        return ORDER_WORKFLOW.apply(
            order,
            to_status,
            user=user if actor != Actor.SYSTEM else None,
            role=actor,
            note=note,
            changes=changes,
            lock=False,
            refuse=_refused,
            before=_refund_if_owed,
            after=_after_change,
        )


def _tell_parties(order, actor, to_status, note):
    title = _("订单 %(number)s：%(status)s") % {"number": order.number, "status": STATUS_MESSAGES[to_status]}
    parties = {Actor.ENTERPRISE: order.enterprise, Actor.INSTITUTION: order.institution.organisation}
    for side, organisation in parties.items():
        if side != actor:
            notify(organisation, title, body=note or "", url=order.get_absolute_url(), order=order)


def _refund_payment(order):
    payment = Payment.objects.for_object(order).filter(status=Payment.Status.PAID).first()
    if payment is None:
        raise OrderError(_("未找到该订单的付款记录，无法退款，请联系平台管理员。"))
    if payment.is_transfer:
        # Money paid by bank transfer goes back the same way: the institution records the refund transfer
        # (`record_refund_transfer`) and the enterprise confirms it; the order page asks for it until then.
        return
    try:
        refund(payment, reason=_("订单 %(number)s 取消或争议退款") % {"number": order.number})
    except PaymentError as error:
        raise OrderError(str(error)) from error


def accept(order, user, note=""):
    return change_status(order, OrderStatus.ACCEPTED, user, note=note)


def _change_with_reason(order, to_status, user, reason, missing):
    if not (reason or "").strip():
        raise OrderError(missing)
    return change_status(order, to_status, user, note=reason)


def decline(order, user, reason):
    return _change_with_reason(order, OrderStatus.DECLINED, user, reason, _("请说明拒绝的原因。"))


def cancel(order, user, reason):
    """Cancel before or after payment; a paid order is refunded in full through Stripe."""
    return _change_with_reason(order, OrderStatus.CANCELLED, user, reason, _("请说明取消的原因。"))


def deliver(order, user, note=""):
    return change_status(order, OrderStatus.DELIVERED, user, note=note)


def complete(order, user, note=""):
    return change_status(order, OrderStatus.COMPLETED, user, note=note)


def dispute(order, user, reason):
    return _change_with_reason(order, OrderStatus.DISPUTED, user, reason, _("请说明对交付结果的异议。"))


def resolve_dispute(order, staff_user, *, refund_enterprise, note):
    """Staff close a dispute: the order is completed, or refunded in full through Stripe."""
    if not staff_user.has_perm(HANDLE_ORDER_DISPUTES):
        raise OrderError(_("只有平台管理员可以处理争议。"))
    if not (note or "").strip():
        raise OrderError(_("请填写处理意见，双方都会看到。"))
    target = OrderStatus.REFUNDED if refund_enterprise else OrderStatus.COMPLETED
    return change_status(order, target, staff_user, actor=Actor.STAFF, note=note)


# --- Payment ---------------------------------------------------------------------------------


def start_payment(order, user, *, success_url, cancel_url):
    """Open a Stripe Checkout Session for an accepted order (a second click returns to the one opened)."""
    if order.actor_for(user) != Actor.ENTERPRISE:
        raise OrderError(_("只有下单企业可以付款。"))
    with transaction.atomic():
        order = Order.objects.select_for_update().select_related("institution", "enterprise").get(pk=order.pk)
        # A paid order says so first, whether or not card payment is open on this install.
        if order.status in PAID_STATUSES:
            raise AlreadyDone(_("该订单已付款，无需重复支付。"), order)
        if not order.is_awaiting_payment:
            raise OrderError(_("订单当前为“%(status)s”，不能付款。") % {"status": order.get_status_display()})
        if not checkout.stripe_enabled():
            raise OrderError(_("本平台未开通在线支付，请通过对公转账付款。"))
        try:
            return start_checkout(
                order,
                amount=order.amount,
                description=f"{order.number} {order.title} · {order.institution.name}",
                user=user,
                organisation=order.enterprise,
                payee=order.institution.organisation,
                success_url=success_url,
                cancel_url=cancel_url,
            )
        except PaymentError as error:
            raise OrderError(str(error)) from error


def record_payment(order, payment):
    """Stripe says the order's payment went through (webhook): accepted → paid, once."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status in PAID_STATUSES:
        # Paid twice (two Checkout pages paid): the order was paid once, the second payment goes back.
        logger.warning("Refunding duplicate payment %s for order %s", payment.pk, order.pk)
        try:
            refund(payment)
        except PaymentError as error:
            raise OrderError(str(error)) from error
        _note_on(order, Actor.SYSTEM, None, _("重复付款 %(amount)s 已自动退回。") % {"amount": payment.amount_display})
        return order
    if order.status == OrderStatus.REFUNDED:
        return order
    if order.status != OrderStatus.ACCEPTED:
        # Paid after being cancelled or declined: staff must refund by hand; the payment stays recorded.
        logger.warning("Payment %s arrived for order %s in status %s", payment.pk, order.pk, order.status)
        _note_on(
            order,
            Actor.SYSTEM,
            None,
            _("订单状态为“%(status)s”时收到付款 %(amount)s，需人工退款。")
            % {"status": order.get_status_display(), "amount": payment.amount_display},
        )
        return order
    if payment.is_transfer:
        note = _("对公转账 %(amount)s，机构已确认收款（%(who)s）") % {
            "amount": payment.amount_display,
            "who": payment.decided_by or "—",
        }
    else:
        note = _("Stripe 付款 %(amount)s") % {"amount": payment.amount_display}
    return change_status(order, OrderStatus.PAID, actor=Actor.SYSTEM, note=note)


def record_refund(order, payment):
    """A refund made in Stripe's dashboard (charge.refunded): the order becomes refunded, once."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if not ORDER_WORKFLOW.allows(order, OrderStatus.REFUNDED):
        return order
    note = _("转账退款已确认收到") if payment.is_transfer else _("Stripe 已退款")
    return change_status(order, OrderStatus.REFUNDED, actor=Actor.SYSTEM, note=note)


def payments_of(order):
    return Payment.objects.for_object(order)


def stripe_enabled():
    return checkout.stripe_enabled()


# --- Bank transfer (对公转账) -----------------------------------------------------------------------


def payee_account(order):
    """The institution's account the enterprise transfers to, or None while the institution has none."""
    return BankAccount.objects.filter(organisation_id=order.institution.organisation_id).first()


def transfers_of(order):
    return Payment.objects.for_object(order).filter(method=Payment.Method.TRANSFER)


def _as_order_error(error, order):
    if isinstance(error, checkout.AlreadyDone):
        return AlreadyDone(str(error), order)
    return OrderError(str(error))


def _note_on(order, actor, user, note):
    """Something about the payment recorded in the order's history, the order's status unchanged."""
    return OrderEvent.objects.create(
        order=order, from_status=order.status, to_status=order.status, actor=actor, user=user, note=note
    )


def record_transfer(order, user, *, amount, transfer_date, payer_bank, receipt):
    """The ordering enterprise says it has paid by bank transfer; the institution is asked to confirm."""
    if order.actor_for(user) != Actor.ENTERPRISE:
        raise OrderError(_("只有下单企业可以登记转账。"))
    with transaction.atomic():
        order = (
            Order.objects.select_for_update().select_related("institution__organisation", "enterprise").get(pk=order.pk)
        )
        if order.status in PAID_STATUSES:
            raise AlreadyDone(_("该订单已付款，无需重复支付。"), order)
        if order.status != OrderStatus.ACCEPTED:
            raise OrderError(_("订单当前为“%(status)s”，不能付款。") % {"status": order.get_status_display()})
        if payee_account(order) is None:
            raise OrderError(_("该机构尚未登记收款账户，请联系机构。"))
        if amount != order.amount:
            raise OrderError(
                _("转账金额须与订单金额 %(amount)s 一致。") % {"amount": order.amount_display},
            )
        try:
            payment = transfers.record_transfer(
                order,
                amount=amount,
                user=user,
                organisation=order.enterprise,
                payee=order.institution.organisation,
                description=f"{order.number} {order.title} · {order.institution.name}",
                reference=order.payment_reference,
                transfer_date=transfer_date,
                payer_bank=payer_bank,
                receipt=receipt,
            )
        except PaymentError as error:
            raise _as_order_error(error, order) from error
        _note_on(
            order,
            Actor.ENTERPRISE,
            user,
            _("已登记对公转账 %(amount)s（%(date)s，%(bank)s），待机构确认收款")
            % {"amount": payment.amount_display, "date": transfer_date, "bank": payment.payer_bank},
        )
        notify(
            order.institution.organisation,
            _("订单 %(number)s：企业已登记对公转账，请核对到账后确认收款") % {"number": order.number},
            url=order.get_absolute_url(),
            order=order,
        )
    return payment


def _transfer_of(order, payment):
    if payment.content_type.model_class() is not Order or payment.object_id != order.pk or not payment.is_transfer:
        raise OrderError(_("该转账不属于此订单。"))


def confirm_transfer(order, payment, user, note=""):
    """The institution has the money on its account: the order is paid, once."""
    if order.actor_for(user) != Actor.INSTITUTION:
        raise OrderError(_("只有收款机构可以确认收款。"))
    _transfer_of(order, payment)
    try:
        transfers.confirm_transfer(payment, user, note)
    except PaymentError as error:
        raise _as_order_error(error, order) from error
    return Order.objects.get(pk=order.pk)


def reject_transfer(order, payment, user, reason):
    """The institution has not received the transfer; the enterprise is told why and may record it again."""
    if order.actor_for(user) != Actor.INSTITUTION:
        raise OrderError(_("只有收款机构可以确认收款。"))
    _transfer_of(order, payment)
    with transaction.atomic():
        try:
            transfers.reject_transfer(payment, user, reason)
        except PaymentError as error:
            raise _as_order_error(error, order) from error
        _note_on(
            order,
            Actor.INSTITUTION,
            user,
            _("机构未收到转账：%(reason)s") % {"reason": reason.strip()},
        )
        notify(
            order.enterprise,
            _("订单 %(number)s：机构未收到您登记的转账") % {"number": order.number},
            body=reason.strip(),
            url=order.get_absolute_url(),
            order=order,
        )
    return Order.objects.get(pk=order.pk)


def paid_transfer(order):
    return transfers_of(order).filter(status__in=(Payment.Status.PAID, Payment.Status.REFUNDED)).first()


def record_refund_transfer(order, user, *, amount, reason, transfer_date, receipt):
    """The institution sends money back by transfer (all or part of what it received), with a reason."""
    if order.actor_for(user) != Actor.INSTITUTION:
        raise OrderError(_("只有收款机构可以登记退款。"))
    payment = paid_transfer(order)
    if payment is None:
        raise OrderError(_("该订单没有已确认的对公转账，无法登记退款。"))
    with transaction.atomic():
        try:
            refund_row = transfers.record_refund_transfer(
                payment, amount=amount, reason=reason, transfer_date=transfer_date, receipt=receipt, user=user
            )
        except PaymentError as error:
            raise _as_order_error(error, order) from error
        _note_on(
            order,
            Actor.INSTITUTION,
            user,
            _("机构已转账退款 %(amount)s：%(reason)s，待企业确认")
            % {"amount": refund_row.amount_display, "reason": refund_row.reason},
        )
        notify(
            order.enterprise,
            _("订单 %(number)s：机构已转账退款 %(amount)s，请核对后确认")
            % {"number": order.number, "amount": refund_row.amount_display},
            url=order.get_absolute_url(),
            order=order,
        )
    return refund_row


def confirm_refund(order, refund_row, user):
    """The enterprise has received the refund transfer."""
    if order.actor_for(user) != Actor.ENTERPRISE:
        raise OrderError(_("只有下单企业可以确认收到退款。"))
    payment = refund_row.payment
    if payment.content_type.model_class() is not Order or payment.object_id != order.pk:
        raise OrderError(_("该退款不属于此订单。"))
    with transaction.atomic():
        try:
            refund_row = transfers.confirm_refund(refund_row, user)
        except PaymentError as error:
            raise _as_order_error(error, order) from error
        _note_on(
            order,
            Actor.ENTERPRISE,
            user,
            _("企业已确认收到退款 %(amount)s") % {"amount": refund_row.amount_display},
        )
    return refund_row


def refunds_of(order):
    return Refund.objects.filter(payment__in=payments_of(order)).select_related("payment", "created_by", "confirmed_by")


def refund_owed(order):
    """What the institution still has to send back of a transfer-paid order that was cancelled or refunded
    by the platform (fen); 0 when nothing is owed."""
    if order.status not in (OrderStatus.CANCELLED, OrderStatus.REFUNDED):
        return 0
    payment = paid_transfer(order)
    return payment.refundable_amount() if payment is not None else 0


# --- Payment deadline --------------------------------------------------------------------------------


def remind_unpaid_orders(now=None):
    """Tell enterprises whose accepted orders fall due within ORDER_PAYMENT_REMINDER_DAYS, once per order."""
    now = now or timezone.now()
    horizon = now + timedelta(days=settings.ORDER_PAYMENT_REMINDER_DAYS)
    reminded = 0
    due = Order.objects.filter(
        status=OrderStatus.ACCEPTED, payment_due_at__lte=horizon, payment_due_at__gt=now, payment_reminded_at=None
    )
    for order_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            order = Order.objects.select_for_update().select_related("enterprise").get(pk=order_id)
            if order.payment_reminded_at is not None or order.status != OrderStatus.ACCEPTED:
                continue
            order.payment_reminded_at = now
            order.save(update_fields=["payment_reminded_at"])
            notify(
                order.enterprise,
                _("订单 %(number)s 请在 %(due)s 前付款，逾期订单将自动取消")
                % {
                    "number": order.number,
                    "due": timezone.localtime(order.payment_due_at).strftime("%Y-%m-%d %H:%M"),
                },
                url=order.get_absolute_url(),
                order=order,
            )
            reminded += 1
    return reminded


def lapse_unpaid_orders(now=None):
    """Cancel accepted orders past their payment deadline, unless a recorded transfer awaits confirmation."""
    now = now or timezone.now()
    waiting = Payment.objects.filter(
        method=Payment.Method.TRANSFER, status=Payment.Status.PENDING, content_type__model="order"
    ).values("object_id")
    lapsed = 0
    overdue = Order.objects.filter(status=OrderStatus.ACCEPTED, payment_due_at__lte=now).exclude(pk__in=waiting)
    for order in overdue:
        try:
            change_status(order, OrderStatus.CANCELLED, actor=Actor.SYSTEM, note=_("超过付款期限未付款，订单自动取消"))
        except OrderError:
            continue  # paid or cancelled meanwhile
        lapsed += 1
    return lapsed


# --- Invoices (发票) -------------------------------------------------------------------------------------


def invoice_defaults(order):
    return {"title": order.enterprise.name, "tax_number": order.enterprise.credit_code}


def request_invoice(order, user, *, kind, title, tax_number, address_phone="", bank_account="", send_to):
    """The ordering enterprise asks for an invoice on a paid order; one per order."""
    if order.actor_for(user) != Actor.ENTERPRISE:
        raise OrderError(_("只有下单企业可以申请发票。"))
    if kind == Invoice.Kind.SPECIAL and not (address_phone.strip() and bank_account.strip()):
        raise OrderError(_("增值税专用发票须填写地址、电话和开户行及账号。"))
    with transaction.atomic():
        order = Order.objects.select_for_update().select_related("institution__organisation").get(pk=order.pk)
        if order.status not in PAID_STATUSES:
            raise OrderError(_("订单付款后才能申请发票。"))
        existing = Invoice.objects.filter(order=order).first()
        if existing is not None:
            raise AlreadyDone(_("该订单已申请过发票。"), order)
        invoice = Invoice.objects.create(
            order=order,
            kind=kind,
            title=title.strip(),
            tax_number=tax_number.strip().upper(),
            address_phone=address_phone.strip(),
            bank_account=bank_account.strip(),
            send_to=send_to.strip(),
            amount=order.amount - _refunded(order),
            requested_by=user,
        )
        notify(
            order.institution.organisation,
            _("订单 %(number)s：企业申请开具%(kind)s") % {"number": order.number, "kind": invoice.get_kind_display()},
            url=order.get_absolute_url(),
            order=order,
        )
    return invoice


def _refunded(order):
    return sum(refunds_of(order).values_list("amount", flat=True))


def issue_invoice(invoice, user, *, number, issued_on, file):
    """The institution has issued the invoice: its number, date and the PDF or image for the enterprise."""
    order = invoice.order
    if order.actor_for(user) != Actor.INSTITUTION:
        raise OrderError(_("只有服务机构可以登记开票。"))
    if not (number or "").strip():
        raise OrderError(_("请填写发票号码。"))
    if issued_on > timezone.localdate():
        raise OrderError(_("开票日期不能晚于今天。"))
    if not file:
        raise OrderError(_("请上传发票文件（PDF 或图片）。"))
    # An invoice is a bank's or the tax office's document like a receipt: the same kinds, the same limit.
    content_type = check_upload(file, RECEIPT_KINDS, RECEIPT_MAX_BYTES, refuse=OrderError)
    with transaction.atomic():
        invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
        if invoice.is_issued:
            raise AlreadyDone(_("该发票已登记开具。"), order)
        invoice.status = Invoice.Status.ISSUED
        invoice.number = number.strip()
        invoice.issued_on = issued_on
        Invoice.FILE.keep(invoice, file, content_type)
        invoice.issued_by = user
        invoice.issued_at = timezone.now()
        invoice.save()
        notify(
            order.enterprise,
            _("订单 %(number)s：发票已开具（%(invoice)s）") % {"number": order.number, "invoice": invoice.number},
            url=order.get_absolute_url(),
            order=order,
        )
    return invoice
