"""Every action happens once: a second click (or a retry) changes nothing and says what already happened."""

import pytest

from payments.models import Payment
from services import inquiries, orders
from services.models import Institution, InstitutionEvent, Order, OrderEvent, OrderStatus
from tests.stripe_events import checkout_event, post_event

from .factories import InstitutionFactory, OfferingFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def quote(institution, institution_user, enterprise_user):
    offering = OfferingFactory(institution=institution, price_type="negotiable", price=None)
    inquiry = inquiries.start_inquiry(
        enterprise_user, institution, subject="专利布局", body="请报价", offering=offering
    )
    return inquiries.post_message(inquiry, institution_user, body="报价如下", quote_amount=880_000)


def test_ordering_from_a_quote_twice_makes_one_order_and_the_second_answer_leads_to_it(client, quote, enterprise_user):
    client.force_login(enterprise_user)
    first = client.post(f"/institutions/quotes/{quote.pk}/order/", {"requirements": "加急"})
    order = Order.objects.get()
    second = client.post(f"/institutions/quotes/{quote.pk}/order/", {"requirements": "加急"}, follow=True)
    assert first["Location"] == order.get_absolute_url()
    assert second.redirect_chain[-1][0] == order.get_absolute_url()
    assert f"该报价已下单（订单 {order.number}）" in second.content.decode()
    assert Order.objects.count() == 1 and OrderEvent.objects.count() == 1


def test_a_quote_whose_order_was_accepted_cannot_be_ordered_again(quote, enterprise_user, institution_user):
    order = orders.place_order(enterprise_user, quote=quote)
    orders.accept(order, institution_user)
    with pytest.raises(orders.AlreadyDone) as already:
        orders.place_order(enterprise_user, quote=quote)
    assert already.value.order == order
    assert Order.objects.count() == 1


def test_accepting_twice_accepts_once_and_says_it_is_already_accepted(
    client, offering, enterprise_user, institution_user
):
    order = orders.place_order(enterprise_user, offering=offering)
    client.force_login(institution_user)
    client.post(f"/institutions/orders/{order.pk}/accept/", {"note": ""})
    second = client.post(f"/institutions/orders/{order.pk}/accept/", {"note": ""}, follow=True)
    assert "订单已是“待付款”，无需重复操作。" in second.content.decode()
    assert list(order.events.values_list("to_status", flat=True)) == [OrderStatus.REQUESTED, OrderStatus.ACCEPTED]


def test_pressing_pay_twice_returns_to_the_checkout_already_open(
    client, settings, offering, enterprise_user, institution_user
):
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    order = orders.accept(orders.place_order(enterprise_user, offering=offering), institution_user)
    open_checkout = Payment.objects.create(
        payable=order,
        user=enterprise_user,
        organisation=order.enterprise,
        description=order.title,
        amount=order.amount,
        currency="cny",
        checkout_session_id="cs_test_open",
        checkout_url="https://checkout.stripe.com/c/pay/cs_test_open",
    )
    client.force_login(enterprise_user)
    response = client.post(f"/institutions/orders/{order.pk}/pay/")
    assert response["Location"] == open_checkout.checkout_url
    assert Payment.objects.count() == 1


def test_pressing_pay_on_a_paid_order_says_it_is_paid(client, offering, enterprise_user, institution_user):
    order = orders.accept(orders.place_order(enterprise_user, offering=offering), institution_user)
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.PAID)
    client.force_login(enterprise_user)
    response = client.post(f"/institutions/orders/{order.pk}/pay/", follow=True)
    assert "该订单已付款，无需重复支付。" in response.content.decode()
    assert not Payment.objects.exists()


def test_approving_an_application_twice_approves_once_and_says_so(client, staff_user):
    institution = InstitutionFactory(status=Institution.Status.PENDING, approved_at=None)
    member_of(institution.organisation)
    client.force_login(staff_user)
    client.post(f"/admin/services/applications/{institution.pk}/approve/", {"reason": ""})
    second = client.post(f"/admin/services/applications/{institution.pk}/approve/", {"reason": ""}, follow=True)
    assert f"“{institution.name}”已是“已通过”，无需重复操作。" in second.content.decode()
    assert InstitutionEvent.objects.filter(institution=institution, to_status=Institution.Status.APPROVED).count() == 1


@pytest.mark.stripe
def test_a_second_checkout_paid_for_a_paid_order_is_refunded(
    client, offering, enterprise_user, institution_user, stripe_mock, webhook_secret
):
    order = orders.accept(orders.place_order(enterprise_user, offering=offering), institution_user)
    first, second = (
        Payment.objects.create(
            payable=order,
            user=enterprise_user,
            organisation=order.enterprise,
            description=order.title,
            amount=order.amount,
            currency="cny",
            checkout_session_id=f"cs_test_{n}",
        )
        for n in (1, 2)
    )
    post_event(client, checkout_event("checkout.session.completed", first, payment_intent="pi_first"), webhook_secret)
    post_event(client, checkout_event("checkout.session.completed", second, payment_intent="pi_second"), webhook_secret)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Payment.Status.PAID, Payment.Status.REFUNDED)
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert order.events.filter(note__contains="重复付款").count() == 1
