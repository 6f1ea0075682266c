import io

import pytest

from accounts import demo as accounts_demo
from services import demo
from services.models import Inquiry, InquiryMessage, Institution, InstitutionType, Offering, Order, Review

pytestmark = pytest.mark.django_db


def test_demo_covers_every_institution_type_and_loads_twice_without_change():
    accounts_demo.load(io.StringIO())
    demo.load(io.StringIO())
    models = (Institution, Offering, Inquiry, InquiryMessage, Order, Review)
    counts = [model.objects.count() for model in models]
    demo.load(io.StringIO())
    assert counts == [model.objects.count() for model in models]
    public = Institution.objects.public()
    assert public.count() >= 13
    assert set(public.values_list("institution_type", flat=True)) == set(InstitutionType.values)
    assert Institution.objects.filter(status=Institution.Status.PENDING).count() == 1
    assert Institution.objects.filter(status=Institution.Status.SUSPENDED).count() == 1
    home = Institution.objects.get(organisation__memberships__user__email="institution@demo.ip.lyg")
    assert home.is_public
    assert home.institution_type == InstitutionType.PATENT_AGENCY
    assert home.offerings.filter(status="published").exists()
    assert public.filter(rating_count__gt=0, completed_orders__gt=0, median_reply_seconds__isnull=False).count() >= 10
    for review in Review.objects.select_related("order"):
        assert review.order.status == "completed"


PATENT_WORDS = ("审查意见", "授权", "专利")


def test_demo_reviews_and_inquiries_speak_of_the_service_ordered():
    accounts_demo.load(io.StringIO())
    demo.load(io.StringIO())
    patent_categories = {"patent-filing", "patent-invalidation", "search", "early-warning"}
    for review in Review.objects.select_related("order__offering__category", "order__inquiry"):
        category = review.order.offering.category.code
        if any(word in review.body for word in PATENT_WORDS):
            assert category in patent_categories, (review.body, review.order.offering.title)
        if review.order.inquiry is not None:
            assert review.order.inquiry.offering_id == review.order.offering_id


def test_demo_has_an_order_paid_by_bank_transfer_with_an_invoice_requested_once():
    from payments.models import BankAccount, Payment
    from services.models import Invoice

    accounts_demo.load(io.StringIO())
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    # Every demo order is paid by transfer; the demo enterprise's latest is paid and awaits the service.
    order = Order.objects.get(status="paid")
    assert order.created_by.email == "enterprise@demo.ip.lyg"
    transfer = Payment.objects.for_object(order).get()
    assert transfer.method == Payment.Method.TRANSFER
    assert transfer.status == Payment.Status.PAID and transfer.receipt
    assert Invoice.objects.get().order == order
    # Every approved institution can be paid by transfer.
    assert not Institution.objects.public().exclude(organisation__bank_account__in=BankAccount.objects.all()).exists()
