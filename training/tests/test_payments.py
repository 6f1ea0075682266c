"""Paid courses: the place is held, Stripe's signed webhook confirms it, cancelling refunds it."""

import os

import pytest
from django.urls import reverse

from payments.models import Payment
from tests.factories import UserFactory
from tests.stripe_events import checkout_event, post_event
from training import enrolments
from training.models import Enrolment

from .factories import make_course

pytestmark = pytest.mark.django_db

SECRET = "whsec_test_training"
Status = Enrolment.Status


@pytest.fixture
def webhook_secret(settings):
    settings.STRIPE_WEBHOOK_SECRET = SECRET


@pytest.fixture
def stripe_mock(settings, webhook_secret):
    settings.STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")
    settings.STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "sk_test_123")


def pending_payment(enrolment):
    return Payment.objects.create(
        payable=enrolment,
        user=enrolment.user,
        description="培训报名费",
        amount=enrolment.course.fee,
        currency="cny",
        checkout_session_id="cs_test_training",
    )


def test_paid_checkout_confirms_the_held_place_once(client, person, webhook_secret):
    course = make_course(fee=80000, capacity=1)
    enrolment = enrolments.enrol(course, person)
    payment = pending_payment(enrolment)
    event = checkout_event("checkout.session.completed", payment)
    for _delivery in range(2):
        assert post_event(client, event, SECRET).status_code == 200
    enrolment.refresh_from_db()
    assert (enrolment.status, enrolment.payment) == (Status.CONFIRMED, payment)
    assert enrolment.confirmed_at is not None


def test_an_unpaid_checkout_leaves_the_place_awaiting_payment(client, person, webhook_secret):
    enrolment = enrolments.enrol(make_course(fee=80000), person)
    payment = pending_payment(enrolment)
    post_event(client, checkout_event("checkout.session.expired", payment, payment_status="unpaid"), SECRET)
    enrolment.refresh_from_db()
    assert enrolment.status == Status.AWAITING_PAYMENT


def test_a_late_payment_still_confirms_when_a_place_is_free(client, person, webhook_secret):
    course = make_course(fee=80000, capacity=2)
    enrolment = enrolments.enrol(course, person)
    payment = pending_payment(enrolment)
    Enrolment.objects.filter(pk=enrolment.pk).update(status=Status.EXPIRED)
    post_event(client, checkout_event("checkout.session.completed", payment), SECRET)
    enrolment.refresh_from_db()
    assert enrolment.status == Status.CONFIRMED


def test_refund_from_stripes_dashboard_cancels_the_place_and_promotes_the_waiting(client, person, webhook_secret):
    course = make_course(fee=80000, capacity=1)
    enrolment = enrolments.enrol(course, person)
    waiting = enrolments.enrol(course, UserFactory())
    payment = pending_payment(enrolment)
    post_event(client, checkout_event("checkout.session.completed", payment), SECRET)
    refund_event = {
        "id": "evt_refund_training",
        "object": "event",
        "type": "charge.refunded",
        "data": {"object": {"object": "charge", "payment_intent": "pi_test_123"}},
    }
    post_event(client, refund_event, SECRET)
    enrolment.refresh_from_db()
    waiting.refresh_from_db()
    assert enrolment.status == Status.CANCELLED
    assert waiting.status == Status.AWAITING_PAYMENT


@pytest.mark.stripe
def test_enrolling_in_a_paid_course_redirects_to_stripe_checkout(client, person, stripe_mock):
    course = make_course(fee=80000)
    client.force_login(person)
    response = client.post(reverse("training:enrol", args=[course.pk]))
    enrolment = Enrolment.objects.get(course=course, user=person)
    payment = Payment.objects.for_object(enrolment).get()
    assert response.status_code == 302
    assert response["Location"] == payment.checkout_url
    assert payment.amount == 80000
    assert enrolment.status == Status.AWAITING_PAYMENT


@pytest.mark.stripe
def test_cancelling_a_paid_place_refunds_it_and_promotes_the_waiting(client, person, stripe_mock):
    course = make_course(fee=80000, capacity=1)
    client.force_login(person)
    client.post(reverse("training:enrol", args=[course.pk]))
    enrolment = Enrolment.objects.get(course=course, user=person)
    payment = Payment.objects.for_object(enrolment).get()
    post_event(client, checkout_event("checkout.session.completed", payment), SECRET)
    waiting = enrolments.enrol(course, UserFactory())

    response = client.post(reverse("training:cancel", args=[enrolment.pk]), follow=True)
    assert "报名费将原路退回" in response.content.decode()
    payment.refresh_from_db()
    enrolment.refresh_from_db()
    waiting.refresh_from_db()
    assert payment.status == Payment.Status.REFUNDED
    assert enrolment.status == Status.CANCELLED
    assert waiting.status == Status.AWAITING_PAYMENT


@pytest.mark.stripe
def test_a_payment_that_finds_no_place_is_refunded(client, person, stripe_mock):
    course = make_course(fee=80000, capacity=1)
    client.force_login(person)
    client.post(reverse("training:enrol", args=[course.pk]))
    enrolment = Enrolment.objects.get(course=course, user=person)
    payment = Payment.objects.for_object(enrolment).get()
    enrolments.cancel(enrolment, person)  # gave up the place, then paid in the still-open Checkout tab
    enrolments.enrol(course, UserFactory())
    post_event(client, checkout_event("checkout.session.completed", payment), SECRET)
    payment.refresh_from_db()
    enrolment.refresh_from_db()
    assert payment.status == Payment.Status.REFUNDED
    assert enrolment.status == Status.CANCELLED


def test_payment_problems_are_shown_and_the_place_stays_held(client, person, settings):
    settings.STRIPE_SECRET_KEY = ""
    course = make_course(fee=80000)
    client.force_login(person)
    response = client.post(reverse("training:enrol", args=[course.pk]), follow=True)
    assert "在线支付尚未配置" in response.content.decode()
    assert "去付款" in response.content.decode()
    assert Enrolment.objects.get(course=course, user=person).status == Status.AWAITING_PAYMENT
