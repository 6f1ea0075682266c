"""Service orders: placing, the status changes of `models.orders.TRANSITIONS`, payment and refund.

Views, the Wagtail admin (dispute resolution) and the Stripe webhook (through the payments app's
payable registry) all change orders only through these functions.
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import HANDLE_ORDER_DISPUTES
from payments.checkout import PaymentError, refund, start_checkout
from payments.models import Payment

from .inbox import notify
from .models import (
    MAX_AMOUNT_FEN,
    PAID_STATUSES,
    REFUNDING,
    TRANSITIONS,
    Actor,
    Inquiry,
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
            _("订单金额 %(amount)s 超过单笔上限 ¥999,999.99，请分次下单或联系机构。") % {"amount": format_fen(amount)}
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


def change_status(order, to_status, user=None, *, actor=None, note=""):
    """Move `order` to `to_status` if the table allows it for who acts; record and tell the other side."""
    with transaction.atomic():
        order = (
            Order.objects.select_for_update().select_related("institution__organisation", "enterprise").get(pk=order.pk)
        )
        if actor is None:
            actor = order.actor_for(user) if user is not None else None
        if actor is None:
            raise OrderError(_("您无权处理该订单。"))
        from_status = order.status
        if from_status == to_status:
            # A second click, or two people at once: the change has happened; say so instead of refusing.
            raise AlreadyDone(_("订单已是“%(status)s”，无需重复操作。") % {"status": order.get_status_display()}, order)
        allowed = TRANSITIONS.get((from_status, to_status), set())
        if actor not in allowed:
            raise OrderError(
                _("订单当前为“%(from)s”，不能由%(actor)s改为“%(to)s”。")
                % {"from": order.get_status_display(), "actor": Actor(actor).label, "to": OrderStatus(to_status).label}
            )
        if (from_status, to_status) in REFUNDING:
            _refund_payment(order)
        order.status = to_status
        now = timezone.now()
        if to_status == OrderStatus.PAID:
            order.paid_at = now
        if to_status == OrderStatus.COMPLETED:
            order.completed_at = now
        order.save(update_fields=["status", "paid_at", "completed_at", "updated_at"])
        OrderEvent.objects.create(
            order=order,
            from_status=from_status,
            to_status=to_status,
            actor=actor,
            user=user if actor != Actor.SYSTEM else None,
            note=(note or "").strip(),
        )
        if to_status == OrderStatus.COMPLETED:
            refresh_completed_orders(order.institution)
        _tell_parties(order, actor, to_status, note)
    return order


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
    try:
        refund(payment)
    except PaymentError as error:
        raise OrderError(str(error)) from error


def accept(order, user, note=""):
    return change_status(order, OrderStatus.ACCEPTED, user, note=note)


def decline(order, user, reason):
    if not (reason or "").strip():
        raise OrderError(_("请说明拒绝的原因。"))
    return change_status(order, OrderStatus.DECLINED, user, note=reason)


def cancel(order, user, reason):
    """Cancel before or after payment; a paid order is refunded in full through Stripe."""
    if not (reason or "").strip():
        raise OrderError(_("请说明取消的原因。"))
    return change_status(order, OrderStatus.CANCELLED, user, note=reason)


def deliver(order, user, note=""):
    return change_status(order, OrderStatus.DELIVERED, user, note=note)


def complete(order, user, note=""):
    return change_status(order, OrderStatus.COMPLETED, user, note=note)


def dispute(order, user, reason):
    if not (reason or "").strip():
        raise OrderError(_("请说明对交付结果的异议。"))
    return change_status(order, OrderStatus.DISPUTED, user, note=reason)


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
        if order.status in PAID_STATUSES:
            raise AlreadyDone(_("该订单已付款，无需重复支付。"), order)
        if not order.is_awaiting_payment:
            raise OrderError(_("订单当前为“%(status)s”，不能付款。") % {"status": order.get_status_display()})
        try:
            return start_checkout(
                order,
                amount=order.amount,
                description=f"{order.number} {order.title} · {order.institution.name}",
                user=user,
                organisation=order.enterprise,
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
        OrderEvent.objects.create(
            order=order,
            from_status=order.status,
            to_status=order.status,
            actor=Actor.SYSTEM,
            note=_("重复付款 %(amount)s 已自动退回。") % {"amount": payment.amount_display},
        )
        return order
    if order.status == OrderStatus.REFUNDED:
        return order
    if order.status != OrderStatus.ACCEPTED:
        # Paid after being cancelled or declined: staff must refund by hand; the payment stays recorded.
        logger.warning("Payment %s arrived for order %s in status %s", payment.pk, order.pk, order.status)
        OrderEvent.objects.create(
            order=order,
            from_status=order.status,
            to_status=order.status,
            actor=Actor.SYSTEM,
            note=_("订单状态为“%(status)s”时收到付款 %(amount)s，需人工退款。")
            % {"status": order.get_status_display(), "amount": payment.amount_display},
        )
        return order
    return change_status(
        order,
        OrderStatus.PAID,
        actor=Actor.SYSTEM,
        note=_("Stripe 付款 %(amount)s") % {"amount": payment.amount_display},
    )


def record_refund(order, payment):
    """A refund made in Stripe's dashboard (charge.refunded): the order becomes refunded, once."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if (order.status, OrderStatus.REFUNDED) not in TRANSITIONS:
        return order
    return change_status(order, OrderStatus.REFUNDED, actor=Actor.SYSTEM, note=_("Stripe 已退款"))


def payments_of(order):
    return Payment.objects.for_object(order)
