"""Against Stripe's own stripe-mock server (STRIPE_API_BASE)."""

import os

import pytest

from accounts.roles import FINANCE
from payments.checkout import PaymentError, refund, refund_as_finance, start_checkout
from payments.models import Payment
from tests.factories import MembershipFactory, staff_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def stripe_mock(settings):
    settings.STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")
    settings.STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "sk_test_123")


def checkout(membership, amount=120000):
    return start_checkout(
        membership.organisation,
        amount=amount,
        description="商标注册代理",
        user=membership.user,
        organisation=membership.organisation,
        success_url="http://testserver/done",
        cancel_url="http://testserver/cancel",
    )


@pytest.mark.stripe
def test_checkout_session_is_created_with_stripe(stripe_mock):
    membership = MembershipFactory()
    payment = checkout(membership)
    assert payment.status == Payment.Status.PENDING
    assert payment.checkout_session_id.startswith("cs_")
    assert payment.checkout_url.startswith("http")
    assert payment.amount == 120000
    assert payment.currency == "cny"


@pytest.mark.stripe
def test_paid_payment_is_refunded_through_stripe(stripe_mock):
    membership = MembershipFactory()
    payment = checkout(membership)
    Payment.objects.filter(pk=payment.pk).update(status=Payment.Status.PAID, payment_intent_id="pi_123")
    refunded = refund(payment)
    assert refunded.status == Payment.Status.REFUNDED
    assert refunded.refund_id.startswith("re_")


@pytest.mark.stripe
def test_unpaid_payment_cannot_be_refunded(stripe_mock):
    payment = checkout(MembershipFactory())
    with pytest.raises(PaymentError):
        refund(payment)


def test_non_positive_amount_is_refused(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    with pytest.raises(PaymentError):
        checkout(MembershipFactory(), amount=0)
    assert not Payment.objects.exists()


def test_missing_stripe_configuration_is_a_clear_error(settings):
    settings.STRIPE_SECRET_KEY = ""
    with pytest.raises(PaymentError) as error:
        checkout(MembershipFactory())
    assert "尚未配置" in str(error.value)
    assert not Payment.objects.exists()


@pytest.mark.stripe
def test_checkout_offers_card_alipay_and_wechat_pay_for_cny(stripe_mock, settings):
    settings.PAYMENT_CURRENCY = "cny"
    payment = checkout(MembershipFactory())
    # stripe-mock validates the request against Stripe's API and answers with the methods it carried.
    assert payment.offered_methods == ["card", "alipay", "wechat_pay"]


@pytest.mark.stripe
def test_finance_refund_part_of_a_stripe_payment_through_the_refund_api(stripe_mock):
    payment = checkout(MembershipFactory())
    Payment.objects.filter(pk=payment.pk).update(status=Payment.Status.PAID, payment_intent_id="pi_123")
    finance = staff_in(FINANCE)
    with pytest.raises(PaymentError):
        refund_as_finance(payment, finance, amount=payment.amount + 1, reason="多收")
    payment = refund_as_finance(payment, finance, amount=20000, reason="少交付一项")
    assert payment.status == Payment.Status.PAID
    assert payment.refunds.get().stripe_refund_id.startswith("re_")
    assert payment.refundable_amount() == 100000
