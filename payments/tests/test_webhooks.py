import pytest

from accounts.models import Organisation
from payments.models import Payment, StripeEvent
from payments.payables import register_payable, unregister_payable
from tests.factories import MembershipFactory
from tests.stripe_events import checkout_event, post_event, sign

pytestmark = pytest.mark.django_db

SECRET = "whsec_test_payments"


@pytest.fixture
def settled(settings):
    """Registers Organisation as a payable for these tests and records what the payable was told."""
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    told = []
    register_payable(
        Organisation,
        on_paid=lambda payable, payment: told.append(("paid", payable.pk, payment.pk)),
        on_refunded=lambda payable, payment: told.append(("refunded", payable.pk, payment.pk)),
    )
    yield told
    unregister_payable(Organisation)


@pytest.fixture
def payment():
    membership = MembershipFactory()
    return Payment.objects.create(
        payable=membership.organisation,
        user=membership.user,
        organisation=membership.organisation,
        description="专利申请代理服务",
        amount=350000,
        currency="cny",
        checkout_session_id="cs_test_abc",
    )


def test_completed_checkout_marks_the_payment_paid_and_tells_the_payable(client, settled, payment):
    response = post_event(client, checkout_event("checkout.session.completed", payment), SECRET)
    assert response.status_code == 200
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID
    assert payment.payment_intent_id == "pi_test_123"
    assert settled == [("paid", payment.organisation.pk, payment.pk)]


def test_the_same_event_delivered_many_times_changes_the_payment_once(client, settled, payment):
    event = checkout_event("checkout.session.completed", payment)
    for _delivery in range(3):
        assert post_event(client, event, SECRET).status_code == 200
    assert settled == [("paid", payment.organisation.pk, payment.pk)]
    assert StripeEvent.objects.count() == 1


def test_a_second_completion_event_with_another_id_does_not_pay_twice(client, settled, payment):
    post_event(client, checkout_event("checkout.session.completed", payment), SECRET)
    post_event(client, checkout_event("checkout.session.completed", payment), SECRET)
    assert len(settled) == 1


def test_expiry_arriving_after_completion_does_not_undo_the_payment(client, settled, payment):
    post_event(client, checkout_event("checkout.session.completed", payment), SECRET)
    post_event(client, checkout_event("checkout.session.expired", payment, payment_status="unpaid"), SECRET)
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID


def test_expired_session_leaves_the_payable_unpaid(client, settled, payment):
    post_event(client, checkout_event("checkout.session.expired", payment, payment_status="unpaid"), SECRET)
    payment.refresh_from_db()
    assert payment.status == Payment.Status.EXPIRED
    assert settled == []


def test_bad_signature_is_refused_and_changes_nothing(client, settled, payment):
    event = checkout_event("checkout.session.completed", payment)
    response = post_event(client, event, SECRET, signature=sign("{}", SECRET))
    assert response.status_code == 400
    assert (
        post_event(client, event, SECRET, signature=sign(__import__("json").dumps(event), "whsec_wrong")).status_code
        == 400
    )
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING
    assert not StripeEvent.objects.exists()


def test_missing_signature_is_refused(client, settled, payment):
    response = post_event(client, checkout_event("checkout.session.completed", payment), SECRET, signature="")
    assert response.status_code == 400
    assert "Stripe-Signature" in response.json()["error"]


def test_stale_signature_is_refused(client, settled, payment):
    import json
    import time

    event = checkout_event("checkout.session.completed", payment)
    old = sign(json.dumps(event), SECRET, timestamp=time.time() - 3600)
    assert post_event(client, event, SECRET, signature=old).status_code == 400


def test_unknown_event_types_are_acknowledged_and_ignored(client, settled, payment):
    event = {"id": "evt_unknown_1", "type": "customer.created", "data": {"object": {"id": "cus_1"}}}
    response = post_event(client, event, SECRET)
    assert response.status_code == 200
    assert response.json()["outcome"] == "ignored"
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING


def test_refund_made_in_stripe_is_recorded_once(client, settled, payment):
    post_event(client, checkout_event("checkout.session.completed", payment), SECRET)
    charge = {"id": "ch_1", "object": "charge", "payment_intent": "pi_test_123", "refunded": True}
    refund_event = {"id": "evt_refund_1", "type": "charge.refunded", "data": {"object": charge}}
    post_event(client, refund_event, SECRET)
    post_event(client, {**refund_event, "id": "evt_refund_2"}, SECRET)
    payment.refresh_from_db()
    assert payment.status == Payment.Status.REFUNDED
    assert [kind for kind, *_ in settled] == ["paid", "refunded"]


def test_payment_page_is_private_to_the_payer_and_its_organisation(client, payment):
    outsider = MembershipFactory().user
    client.force_login(outsider)
    assert client.get(f"/payments/{payment.pk}/").status_code == 404
    client.force_login(payment.user)
    page = client.get(f"/payments/{payment.pk}/")
    assert page.status_code == 200
    assert "¥3,500.00" in page.content.decode()
