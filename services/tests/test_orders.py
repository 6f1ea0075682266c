"""The order flow without a browser. Webhook payloads are signed as Stripe signs them; API calls that reach
Stripe (Checkout, refunds) run against stripe-mock and carry @pytest.mark.stripe."""

import pytest

from payments.models import Payment, StripeEvent
from services import orders
from services.models import Actor, Inquiry, Order, OrderEvent, OrderStatus
from tests.stripe_events import checkout_event, post_event, sign

from .factories import InstitutionFactory, OfferingFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(offering, enterprise_user):
    return orders.place_order(enterprise_user, offering=offering, quantity=2, requirements="两件外观设计")


@pytest.fixture
def accepted(order, institution_user):
    return orders.accept(order, institution_user)


def pending_payment(order, user):
    """A Checkout payment as start_checkout leaves it (the Stripe call itself is covered by the stripe tests)."""
    return Payment.objects.create(
        payable=order,
        user=user,
        organisation=order.enterprise,
        description=order.title,
        amount=order.amount,
        currency="cny",
        checkout_session_id="cs_test_services",
    )


def pay(client, order, user, secret, **kwargs):
    payment = pending_payment(order, user)
    response = post_event(client, checkout_event("checkout.session.completed", payment, **kwargs), secret)
    assert response.status_code == 200
    return payment


def test_enterprise_orders_an_offering_at_its_price_times_quantity(client, offering, enterprise_user):
    client.force_login(enterprise_user)
    response = client.post(f"/institutions/offerings/{offering.pk}/order/", {"quantity": "3", "requirements": "加急"})
    order = Order.objects.get()
    assert response.status_code == 302
    assert order.amount == 3 * offering.price
    assert order.status == OrderStatus.REQUESTED
    assert order.events.get().actor == Actor.ENTERPRISE
    page = client.get(order.get_absolute_url()).content.decode()
    assert "¥3,600.00" in page
    assert "待机构确认" in page


@pytest.mark.parametrize("quantity", ["0", "-1", "1000", "1.5", "abc"])
def test_bad_quantities_are_refused(client, offering, enterprise_user, quantity):
    client.force_login(enterprise_user)
    response = client.post(f"/institutions/offerings/{offering.pk}/order/", {"quantity": quantity})
    assert response.status_code == 400
    assert not Order.objects.exists()


def test_order_above_the_single_payment_ceiling_is_refused(offering, enterprise_user):
    offering.price = 90_000_000
    offering.save()
    with pytest.raises(orders.OrderError, match="单笔上限"):
        orders.place_order(enterprise_user, offering=offering, quantity=2)
    assert not Order.objects.exists()


def test_an_institution_cannot_order_from_itself(client, offering, institution_user):
    client.force_login(institution_user)
    response = client.post(f"/institutions/offerings/{offering.pk}/order/", {"quantity": "1"})
    assert response.status_code == 400
    assert "不能向自己的机构咨询或下单" in response.content.decode()
    assert not Order.objects.exists()


def test_negotiable_offering_is_ordered_at_the_price_quoted_in_the_inquiry(
    client, institution, institution_user, enterprise_user
):
    offering = OfferingFactory(institution=institution, price_type="negotiable", price=None, title="专利侵权分析")
    with pytest.raises(orders.OrderError, match="面议"):
        orders.place_order(enterprise_user, offering=offering)
    client.force_login(enterprise_user)
    client.post(
        f"/institutions/{institution.pk}/ask/", {"subject": "侵权分析", "body": "请报价", "offering": offering.pk}
    )
    inquiry = Inquiry.objects.get()
    client.force_login(institution_user)
    client.post(inquiry.get_absolute_url(), {"body": "报价如下", "quote_yuan": "8800"})
    client.post(inquiry.get_absolute_url(), {"body": "优惠后报价", "quote_yuan": "8000"})
    old_quote, new_quote = inquiry.messages.filter(quote_amount__isnull=False).order_by("pk")
    client.force_login(enterprise_user)
    client.post(f"/institutions/quotes/{old_quote.pk}/order/", {})
    assert not Order.objects.exists()
    response = client.post(f"/institutions/quotes/{new_quote.pk}/order/", {"requirements": "两周内完成"})
    order = Order.objects.get()
    assert response.status_code == 302
    assert (order.amount, order.quantity, order.offering, order.inquiry) == (800000, 1, offering, inquiry)


def test_another_enterprise_cannot_order_someone_elses_quote(
    client, institution, institution_user, enterprise_user, outsider
):
    client.force_login(enterprise_user)
    client.post(f"/institutions/{institution.pk}/ask/", {"subject": "咨询", "body": "请报价"})
    inquiry = Inquiry.objects.get()
    client.force_login(institution_user)
    client.post(inquiry.get_absolute_url(), {"body": "报价", "quote_yuan": "100"})
    quote = inquiry.messages.get(quote_amount__isnull=False)
    client.force_login(outsider)
    assert client.post(f"/institutions/quotes/{quote.pk}/order/", {}).status_code == 404
    assert not Order.objects.exists()


def test_full_flow_accept_pay_by_webhook_deliver_complete(
    client, order, institution_user, enterprise_user, webhook_secret
):
    client.force_login(institution_user)
    client.post(f"/institutions/orders/{order.pk}/accept/", {"note": "已安排代理师"})
    order.refresh_from_db()
    assert order.status == OrderStatus.ACCEPTED
    payment = pay(client, order, enterprise_user, webhook_secret)
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert order.paid_at is not None
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID
    client.post(f"/institutions/orders/{order.pk}/deliver/", {"note": "申请文件已递交"})
    client.force_login(enterprise_user)
    client.post(f"/institutions/orders/{order.pk}/complete/", {})
    order.refresh_from_db()
    assert order.status == OrderStatus.COMPLETED
    order.institution.refresh_from_db()
    assert order.institution.completed_orders == 1
    events = list(order.events.values_list("from_status", "to_status", "actor"))
    assert events == [
        ("", "requested", "enterprise"),
        ("requested", "accepted", "institution"),
        ("accepted", "paid", "system"),
        ("paid", "delivered", "institution"),
        ("delivered", "completed", "enterprise"),
    ]
    assert order.events.get(to_status="accepted").user == institution_user


def test_the_same_webhook_many_times_or_out_of_order_changes_the_order_once(
    client, accepted, enterprise_user, webhook_secret
):
    payment = pending_payment(accepted, enterprise_user)
    completed = checkout_event("checkout.session.completed", payment)
    expired = checkout_event("checkout.session.expired", payment, payment_status="unpaid")
    for event in (completed, completed, expired, completed):
        assert post_event(client, event, webhook_secret).status_code == 200
    post_event(client, checkout_event("checkout.session.completed", payment), webhook_secret)
    accepted.refresh_from_db()
    assert accepted.status == OrderStatus.PAID
    assert accepted.events.filter(to_status="paid").count() == 1


def test_bad_or_missing_signature_is_refused_and_changes_nothing(client, accepted, enterprise_user, webhook_secret):
    payment = pending_payment(accepted, enterprise_user)
    event = checkout_event("checkout.session.completed", payment)
    import json

    assert (
        post_event(client, event, webhook_secret, signature=sign(json.dumps(event), "whsec_wrong")).status_code == 400
    )
    assert post_event(client, event, webhook_secret, signature="").status_code == 400
    accepted.refresh_from_db()
    assert accepted.status == OrderStatus.ACCEPTED
    assert not StripeEvent.objects.exists()


def test_unknown_event_types_are_acknowledged_and_ignored(client, accepted, webhook_secret):
    event = {"id": "evt_services_unknown", "type": "invoice.created", "data": {"object": {"id": "in_1"}}}
    response = post_event(client, event, webhook_secret)
    assert response.status_code == 200
    accepted.refresh_from_db()
    assert accepted.status == OrderStatus.ACCEPTED


def test_abandoned_payment_leaves_the_order_unpaid_and_payable(
    client, accepted, enterprise_user, webhook_secret, settings
):
    settings.STRIPE_SECRET_KEY = "sk_test_123"  # the online payment button shows only when Stripe is configured
    payment = pending_payment(accepted, enterprise_user)
    post_event(client, checkout_event("checkout.session.expired", payment, payment_status="unpaid"), webhook_secret)
    accepted.refresh_from_db()
    assert accepted.status == OrderStatus.ACCEPTED
    client.force_login(enterprise_user)
    assert 'id="pay-form"' in client.get(accepted.get_absolute_url()).content.decode()


def test_impossible_transitions_are_refused(client, order, institution_user, enterprise_user):
    with pytest.raises(orders.OrderError):
        orders.deliver(order, institution_user)
    with pytest.raises(orders.OrderError):
        orders.accept(order, enterprise_user)
    client.force_login(enterprise_user)
    response = client.post(f"/institutions/orders/{order.pk}/complete/", {}, follow=True)
    assert "不能由企业改为" in response.content.decode()
    with pytest.raises(orders.OrderError):
        orders.change_status(order, OrderStatus.PAID, enterprise_user)
    order.refresh_from_db()
    assert order.status == OrderStatus.REQUESTED
    assert order.events.count() == 1


def test_declining_needs_a_reason(client, order, institution_user):
    client.force_login(institution_user)
    client.post(f"/institutions/orders/{order.pk}/decline/", {"reason": ""})
    order.refresh_from_db()
    assert order.status == OrderStatus.REQUESTED
    client.post(f"/institutions/orders/{order.pk}/decline/", {"reason": "档期已满"})
    order.refresh_from_db()
    assert order.status == OrderStatus.DECLINED
    assert order.events.last().note == "档期已满"


def test_only_the_two_parties_see_or_act_on_an_order(client, order, outsider):
    other_institution_user = member_of(InstitutionFactory().organisation)
    for user in (outsider, other_institution_user):
        client.force_login(user)
        assert client.get(order.get_absolute_url()).status_code == 403
        assert client.post(f"/institutions/orders/{order.pk}/accept/", {}).status_code == 403
        assert client.post(f"/institutions/orders/{order.pk}/cancel/", {"reason": "x"}).status_code == 403
        assert client.post(f"/institutions/orders/{order.pk}/pay/").status_code == 403
        assert order.title not in client.get("/institutions/orders/").content.decode()
    order.refresh_from_db()
    assert order.status == OrderStatus.REQUESTED


def test_enterprise_cancels_before_payment_without_refund(client, accepted, enterprise_user):
    client.force_login(enterprise_user)
    client.post(f"/institutions/orders/{accepted.pk}/cancel/", {"reason": "预算调整"})
    accepted.refresh_from_db()
    assert accepted.status == OrderStatus.CANCELLED


def test_paying_only_when_accepted(client, order, enterprise_user, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    client.force_login(enterprise_user)
    response = client.post(f"/institutions/orders/{order.pk}/pay/", follow=True)
    assert "不能付款" in response.content.decode()
    assert not Payment.objects.exists()


def test_refund_made_in_stripe_marks_the_order_refunded_once(client, accepted, enterprise_user, webhook_secret):
    pay(client, accepted, enterprise_user, webhook_secret)
    charge = {"id": "ch_1", "object": "charge", "payment_intent": "pi_test_123", "refunded": True}
    for event_id in ("evt_r1", "evt_r2"):
        post_event(client, {"id": event_id, "type": "charge.refunded", "data": {"object": charge}}, webhook_secret)
    accepted.refresh_from_db()
    assert accepted.status == OrderStatus.REFUNDED
    assert accepted.events.filter(to_status="refunded").count() == 1


def test_disputes_are_resolved_by_staff_only(
    client, accepted, institution_user, enterprise_user, staff_user, webhook_secret
):
    pay(client, accepted, enterprise_user, webhook_secret)
    orders.deliver(accepted, institution_user)
    client.force_login(enterprise_user)
    client.post(f"/institutions/orders/{accepted.pk}/dispute/", {"reason": "交付文件缺少检索报告"})
    accepted.refresh_from_db()
    assert accepted.status == OrderStatus.DISPUTED
    with pytest.raises(orders.OrderError):
        orders.resolve_dispute(accepted, enterprise_user, refund_enterprise=False, note="我自己判")
    client.force_login(staff_user)
    client.post(f"/admin/services/orders/{accepted.pk}/resolve/", {"outcome": "complete", "note": "机构已补交检索报告"})
    accepted.refresh_from_db()
    assert accepted.status == OrderStatus.COMPLETED
    assert OrderEvent.objects.filter(order=accepted, to_status="completed", actor="staff", user=staff_user).exists()


# --- Against stripe-mock ---------------------------------------------------------------------------


@pytest.mark.stripe
def test_paying_opens_a_stripe_checkout_session_in_fen(client, accepted, enterprise_user, stripe_mock):
    client.force_login(enterprise_user)
    response = client.post(f"/institutions/orders/{accepted.pk}/pay/")
    payment = Payment.objects.for_object(accepted).get()
    assert response.status_code == 302
    assert response["Location"] == payment.checkout_url
    assert payment.amount == accepted.amount == 240000
    assert payment.currency == "cny"
    assert payment.checkout_session_id.startswith("cs_")
    accepted.refresh_from_db()
    assert accepted.status == OrderStatus.ACCEPTED


@pytest.mark.stripe
def test_an_abandoned_checkout_can_be_started_again(client, accepted, enterprise_user, stripe_mock, webhook_secret):
    client.force_login(enterprise_user)
    client.post(f"/institutions/orders/{accepted.pk}/pay/")
    first = Payment.objects.for_object(accepted).get()
    post_event(client, checkout_event("checkout.session.expired", first, payment_status="unpaid"), webhook_secret)
    client.post(f"/institutions/orders/{accepted.pk}/pay/")
    assert Payment.objects.for_object(accepted).count() == 2
    second = Payment.objects.for_object(accepted).exclude(pk=first.pk).get()
    post_event(client, checkout_event("checkout.session.completed", second), webhook_secret)
    accepted.refresh_from_db()
    assert accepted.status == OrderStatus.PAID


@pytest.mark.stripe
def test_cancelling_a_paid_order_refunds_it_through_stripe(
    client, accepted, institution_user, enterprise_user, stripe_mock, webhook_secret
):
    client.force_login(enterprise_user)
    client.post(f"/institutions/orders/{accepted.pk}/pay/")
    payment = Payment.objects.for_object(accepted).get()
    post_event(client, checkout_event("checkout.session.completed", payment), webhook_secret)
    client.force_login(institution_user)
    client.post(f"/institutions/orders/{accepted.pk}/cancel/", {"reason": "代理师离职，无法提供服务"})
    accepted.refresh_from_db()
    payment.refresh_from_db()
    assert accepted.status == OrderStatus.CANCELLED
    assert payment.status == Payment.Status.REFUNDED
    assert payment.refund_id.startswith("re_")
    # Stripe's own charge.refunded notice afterwards changes nothing more.
    charge = {"id": "ch_1", "object": "charge", "payment_intent": payment.payment_intent_id}
    post_event(
        client, {"id": "evt_after_cancel", "type": "charge.refunded", "data": {"object": charge}}, webhook_secret
    )
    accepted.refresh_from_db()
    assert accepted.status == OrderStatus.CANCELLED


@pytest.mark.stripe
def test_staff_refund_a_dispute_through_stripe(
    client, accepted, institution_user, enterprise_user, staff_user, stripe_mock, webhook_secret
):
    client.force_login(enterprise_user)
    client.post(f"/institutions/orders/{accepted.pk}/pay/")
    payment = Payment.objects.for_object(accepted).get()
    post_event(client, checkout_event("checkout.session.completed", payment), webhook_secret)
    orders.deliver(accepted, institution_user)
    orders.dispute(accepted, enterprise_user, "未按约定交付")
    orders.resolve_dispute(accepted, staff_user, refund_enterprise=True, note="机构未能交付，全额退款")
    accepted.refresh_from_db()
    payment.refresh_from_db()
    assert accepted.status == OrderStatus.REFUNDED
    assert payment.status == Payment.Status.REFUNDED
