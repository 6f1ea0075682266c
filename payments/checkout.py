"""Starting, completing and refunding payments. Views, webhooks and other apps call these functions.

Stripe Checkout here; bank transfers (recorded by the payer, confirmed by the payee) in `transfers`.
"""

import logging
from datetime import timedelta

import stripe
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import REFUND_PAYMENTS

from .models import Payment, Refund, StripeEvent
from .payables import handlers_for

logger = logging.getLogger(__name__)


# Stripe's Checkout Sessions stay open for 24 hours; one opened within this time can still be paid.
CHECKOUT_REUSE = timedelta(hours=23)


class PaymentError(Exception):
    """The payment could not be started or changed; the message is shown to the user."""


class AlreadyDone(PaymentError):
    """What was asked has already happened (a repeated or concurrent submission); `payment` is the result."""

    def __init__(self, message, payment):
        super().__init__(message)
        self.payment = payment


# Stripe's own route for payers in China: cards, and Alipay and WeChat Pay, which settle in CNY only.
CNY_METHODS = ["card", "alipay", "wechat_pay"]


def stripe_enabled():
    """Whether online payment is offered at all; with no keys nothing of Stripe is shown."""
    return bool(settings.STRIPE_SECRET_KEY)


def payment_method_types(currency):
    return CNY_METHODS if currency.lower() == "cny" else ["card"]


def stripe_client():
    if not settings.STRIPE_SECRET_KEY:
        raise PaymentError(_("在线支付尚未配置，请联系平台管理员。"))
    base = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else {}
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, base_addresses=base, max_network_retries=2)


def start_checkout(payable, *, amount, description, user, organisation, success_url, cancel_url, payee=None):
    """Create a pending payment and its Stripe Checkout Session; the caller redirects to `checkout_url`."""
    if amount <= 0:
        raise PaymentError(_("付款金额必须大于零。"))
    client = stripe_client()
    if Payment.objects.for_object(payable).filter(status=Payment.Status.PAID).exists():
        raise PaymentError(_("该项目已付款，无需重复支付。"))
    # A second click on "pay" returns to the Checkout page already opened, so one thing is not paid twice.
    # (The caller holds the payable's row lock, so two clicks at once find each other's payment here.)
    still_open = (
        Payment.objects.for_object(payable)
        .filter(
            status=Payment.Status.PENDING, amount=amount, user=user, created_at__gte=timezone.now() - CHECKOUT_REUSE
        )
        .exclude(checkout_url="")
        .first()
    )
    if still_open is not None:
        return still_open
    payment = Payment.objects.create_for(
        payable, amount=amount, user=user, organisation=organisation, payee=payee, description=description
    )
    methods = payment_method_types(payment.currency)
    extra = {"payment_method_options": {"wechat_pay": {"client": "web"}}} if "wechat_pay" in methods else {}
    try:
        session = client.v1.checkout.sessions.create(
            params={
                "mode": "payment",
                "payment_method_types": methods,
                **extra,
                "client_reference_id": str(payment.pk),
                "customer_email": user.email,
                "metadata": {"payment_id": str(payment.pk)},
                "line_items": [
                    {
                        "quantity": 1,
                        "price_data": {
                            "currency": payment.currency,
                            "unit_amount": amount,
                            "product_data": {"name": payment.description},
                        },
                    }
                ],
                "success_url": success_url,
                "cancel_url": cancel_url,
            },
            options={"idempotency_key": f"ipp-payment-{payment.pk}"},
        )
    except stripe.StripeError as error:
        logger.warning("Stripe refused checkout for payment %s: %s", payment.pk, error)
        payment.status = Payment.Status.FAILED
        payment.save(update_fields=["status"])
        raise PaymentError(_("支付服务暂时不可用，请稍后再试。")) from error
    payment.checkout_session_id = session.id
    payment.checkout_url = session.url or ""
    payment.offered_methods = list(session.to_dict().get("payment_method_types") or [])
    payment.save(update_fields=["checkout_session_id", "checkout_url", "offered_methods"])
    return payment


def refund(payment, *, amount=None, reason="", user=None):
    """Refund a paid Stripe payment through Stripe's Refund API: what is left of it, or `amount` (fen).

    The caller decides who may (the owning app's transitions, or `payments.refund_payment` in the admin).
    """
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.status == Payment.Status.REFUNDED:
        return payment
    if payment.status != Payment.Status.PAID:
        raise PaymentError(_("只有已付款的款项可以退款。"))
    if payment.method != Payment.Method.STRIPE:
        raise PaymentError(_("对公转账的款项由收款方转账退回。"))
    left = payment.refundable_amount()
    amount = left if amount is None else amount
    check_refund_amount(amount, left)
    if not payment.payment_intent_id:
        raise PaymentError(_("缺少支付凭证，无法自动退款，请联系平台管理员。"))
    number = payment.refunds.count() + 1
    params = {
        "payment_intent": payment.payment_intent_id,
        "amount": amount,
        "metadata": {"payment_id": str(payment.pk)},
    }
    # The first refund keeps the key it always had, so a retry after a lost answer is still one refund.
    key = f"ipp-refund-{payment.pk}" if number == 1 else f"ipp-refund-{payment.pk}-{number}"
    try:
        stripe_refund = stripe_client().v1.refunds.create(params=params, options={"idempotency_key": key})
    except stripe.StripeError as error:
        logger.warning("Stripe refused refund for payment %s: %s", payment.pk, error)
        raise PaymentError(_("退款未能提交，请稍后再试。")) from error
    Refund.objects.create(
        payment=payment,
        amount=amount,
        reason=(reason or "").strip() or _("全额退款"),
        status=Refund.Status.COMPLETED,
        stripe_refund_id=stripe_refund.id,
        created_by=user,
        confirmed_at=timezone.now(),
    )
    payment.refund_id = stripe_refund.id
    if amount == left:
        payment.status = Payment.Status.REFUNDED
        payment.refunded_at = timezone.now()
    payment.save(update_fields=["status", "refund_id", "refunded_at"])
    return payment


def refund_as_finance(payment, user, *, amount, reason):
    """Finance (`payments.refund_payment`) refund a Stripe payment in full or in part, with a reason; a full
    refund tells the paid-for thing (`on_refunded`), as Stripe's own refund notice would."""
    if not user.has_perm(REFUND_PAYMENTS):
        raise PaymentError(_("您没有办理退款的权限。"))
    if not (reason or "").strip():
        raise PaymentError(_("请说明退款原因。"))
    with transaction.atomic():
        payment = refund(payment, amount=amount, reason=reason, user=user)
        if payment.status == Payment.Status.REFUNDED:
            handlers_for(payment.payable).on_refunded(payment.payable, payment)
    return payment


def check_refund_amount(amount, left):
    if not isinstance(amount, int) or amount <= 0:
        raise PaymentError(_("退款金额必须大于零。"))
    if amount > left:
        raise PaymentError(
            _("退款金额不能超过可退金额 %(left)s。") % {"left": f"{left / 100:,.2f}"},
        )


# --- Webhook events ---------------------------------------------------------------------------


def handle_event(event):
    """Apply a verified Stripe event once. Returns a short description of what happened."""
    with transaction.atomic():
        record, created = StripeEvent.objects.get_or_create(
            event_id=event["id"], defaults={"type": event["type"], "payload": event}
        )
        if not created:
            return "duplicate"
        handler = EVENT_HANDLERS.get(event["type"])
        outcome = handler(event["data"]["object"]) if handler else "ignored"
        record.outcome = outcome
        record.save(update_fields=["outcome"])
        return outcome


def _payment_for_session(session):
    reference = session.get("client_reference_id") or (session.get("metadata") or {}).get("payment_id")
    if not reference or not str(reference).isdigit():
        return None
    return Payment.objects.select_for_update().filter(pk=int(reference)).first()


def _session_completed(session):
    payment = _payment_for_session(session)
    if payment is None:
        return "unknown payment"
    if session.get("payment_status") != "paid":
        return "awaiting asynchronous payment"
    return _mark_paid(payment, session)


def _async_payment_succeeded(session):
    payment = _payment_for_session(session)
    return _mark_paid(payment, session) if payment else "unknown payment"


def _mark_paid(payment, session):
    if payment.status in (Payment.Status.PAID, Payment.Status.REFUNDED):
        return "already paid"
    payment.status = Payment.Status.PAID
    payment.paid_at = timezone.now()
    payment.payment_intent_id = session.get("payment_intent") or ""
    payment.save(update_fields=["status", "paid_at", "payment_intent_id"])
    handlers_for(payment.payable).on_paid(payment.payable, payment)
    return "paid"


def _session_ended_unpaid(new_status):
    def handler(session):
        payment = _payment_for_session(session)
        if payment is None:
            return "unknown payment"
        # A late "expired" after "completed" must not undo the payment.
        if payment.status != Payment.Status.PENDING:
            return f"ignored: payment is {payment.status}"
        payment.status = new_status
        payment.save(update_fields=["status"])
        return new_status

    return handler


def _charge_refunded(charge):
    intent = charge.get("payment_intent")
    payment = Payment.objects.select_for_update().filter(payment_intent_id=intent).first() if intent else None
    if payment is None:
        return "unknown payment"
    if payment.status != Payment.Status.PAID:
        return f"ignored: payment is {payment.status}"
    if charge.get("refunded") is False:
        # A partial refund: what we asked for is already recorded; one made in Stripe's dashboard is not ours.
        return "partial refund"
    payment.status = Payment.Status.REFUNDED
    payment.refunded_at = timezone.now()
    payment.save(update_fields=["status", "refunded_at"])
    handlers_for(payment.payable).on_refunded(payment.payable, payment)
    return "refunded"


EVENT_HANDLERS = {
    "checkout.session.completed": _session_completed,
    "checkout.session.async_payment_succeeded": _async_payment_succeeded,
    "checkout.session.async_payment_failed": _session_ended_unpaid(Payment.Status.FAILED),
    "checkout.session.expired": _session_ended_unpaid(Payment.Status.EXPIRED),
    "charge.refunded": _charge_refunded,
}
