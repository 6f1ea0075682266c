"""Who may act as the platform on the marketplace: holders of the named permissions, never `is_staff` alone.

The security review logged in as a rights-protection handler (admin access, the handlers' group, a unit,
nothing else) and acted on other enterprises' orders and read institutions' private records.
"""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.roles import PLATFORM_OPERATORS
from payments.models import Payment
from services import institutions, orders
from services.models import Actor, Institution, OrderEvent, OrderStatus, QualificationDocument
from tests.factories import UserFactory, refused_by_the_admin, rights_handler, staff_in

from .factories import InstitutionFactory, OfferingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def handler(db):
    return rights_handler()


@pytest.fixture
def order(offering, enterprise_user):
    return orders.place_order(enterprise_user, offering=offering, quantity=1, requirements="商标注册")


def paid(order, institution_user, enterprise_user):
    """Accepted and paid as the Stripe webhook leaves it."""
    order = orders.accept(order, institution_user)
    payment = Payment.objects.create(
        payable=order,
        user=enterprise_user,
        organisation=order.enterprise,
        description=order.title,
        amount=order.amount,
        currency="cny",
        status=Payment.Status.PAID,
        payment_intent_id="pi_roles",
    )
    return orders.record_payment(order, payment), payment


def disputed(order, institution_user, enterprise_user):
    order, _payment = paid(order, institution_user, enterprise_user)
    orders.deliver(order, institution_user)
    return orders.dispute(order, enterprise_user, "交付文件不全")


def test_a_rights_handler_cannot_cancel_another_enterprises_order(client, order, handler):
    client.force_login(handler)
    response = client.post(f"/institutions/orders/{order.pk}/cancel/", {"reason": "越权取消"})
    assert response.status_code == 403
    order.refresh_from_db()
    assert order.status == OrderStatus.REQUESTED
    assert order.events.count() == 1
    with pytest.raises(orders.OrderError):
        orders.cancel(order, handler, "越权取消")


def test_a_rights_handler_cannot_complete_a_disputed_order(client, order, institution_user, enterprise_user, handler):
    order = disputed(order, institution_user, enterprise_user)
    client.force_login(handler)
    assert client.post(f"/institutions/orders/{order.pk}/complete/", {}).status_code == 403
    with pytest.raises(orders.OrderError):
        orders.resolve_dispute(order, handler, refund_enterprise=False, note="越权处理")
    order.refresh_from_db()
    assert order.status == OrderStatus.DISPUTED
    assert not OrderEvent.objects.filter(order=order, actor=Actor.STAFF).exists()


def test_a_rights_handler_cannot_start_the_refund_of_a_paid_order(
    client, order, institution_user, enterprise_user, handler
):
    order, payment = paid(order, institution_user, enterprise_user)
    client.force_login(handler)
    assert client.post(f"/institutions/orders/{order.pk}/cancel/", {"reason": "越权退款"}).status_code == 403
    order.refresh_from_db()
    payment.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert payment.status == Payment.Status.PAID and not payment.refund_id


def test_a_rights_handler_reads_no_order_and_no_dispute_screen(client, order, handler):
    client.force_login(handler)
    response = client.get(order.get_absolute_url())
    assert response.status_code == 403
    assert order.title not in response.content.decode()
    assert order.title not in client.get("/institutions/orders/").content.decode()
    assert refused_by_the_admin(client.get("/admin/services/orders/"))
    assert refused_by_the_admin(client.get(f"/admin/services/orders/{order.pk}/"))


def test_an_order_nobody_placed_is_still_404(client, handler):
    client.force_login(handler)
    assert client.get("/institutions/orders/999999/").status_code == 404


def test_a_rights_handler_sees_no_pending_or_suspended_institution_nor_its_documents(client, handler):
    pending = InstitutionFactory(status=Institution.Status.PENDING, approved_at=None)
    suspended = InstitutionFactory(status=Institution.Status.SUSPENDED)
    draft = OfferingFactory(institution=InstitutionFactory(), status="draft")
    document = QualificationDocument.attach(
        SimpleUploadedFile("licence.pdf", b"%PDF-1.4\n%%EOF\n"),
        "application/pdf",
        user=None,
        title="执业许可证",
        institution=pending,
    )
    client.force_login(handler)
    for institution in (pending, suspended):
        assert client.get(institution.get_absolute_url()).status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(document.get_absolute_url()).status_code == 404
    assert refused_by_the_admin(client.get("/admin/services/applications/"))
    assert refused_by_the_admin(client.get(f"/admin/services/applications/{pending.pk}/"))


def test_a_rights_handler_cannot_approve_an_institution(client, handler):
    pending = InstitutionFactory(status=Institution.Status.PENDING, approved_at=None)
    client.force_login(handler)
    assert refused_by_the_admin(client.post(f"/admin/services/applications/{pending.pk}/approve/"))
    with pytest.raises(institutions.InstitutionError):
        institutions.approve(pending, handler)
    pending.refresh_from_db()
    assert pending.status == Institution.Status.PENDING


def test_the_operator_approves_an_institution_and_reads_what_is_not_public(client, django_capture_on_commit_callbacks):
    operator = staff_in(PLATFORM_OPERATORS)
    pending = InstitutionFactory(status=Institution.Status.PENDING, approved_at=None)
    draft = OfferingFactory(institution=pending, status="draft")
    client.force_login(operator)
    assert client.get(pending.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 200
    assert client.get(f"/admin/services/applications/{pending.pk}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/services/applications/{pending.pk}/approve/")
    pending.refresh_from_db()
    assert pending.status == Institution.Status.APPROVED
    assert pending.events.get(to_status="approved").actor == operator


def test_the_operator_resolves_a_dispute_and_reads_any_order(client, order, institution_user, enterprise_user):
    operator = staff_in(PLATFORM_OPERATORS)
    order = disputed(order, institution_user, enterprise_user)
    client.force_login(operator)
    assert client.get(order.get_absolute_url()).status_code == 200
    assert client.get(f"/admin/services/orders/{order.pk}/").status_code == 200
    client.post(f"/admin/services/orders/{order.pk}/resolve/", {"outcome": "complete", "note": "机构已补交"})
    order.refresh_from_db()
    assert order.status == OrderStatus.COMPLETED
    assert OrderEvent.objects.filter(order=order, actor=Actor.STAFF, user=operator).exists()


def test_new_applications_are_mailed_to_the_reviewers_only(django_capture_on_commit_callbacks, applicant_documents):
    operator = staff_in(PLATFORM_OPERATORS)
    handler = rights_handler()
    plain_staff = UserFactory(is_staff=True)
    superuser = UserFactory(is_staff=True, is_superuser=True)
    owner, listing, categories, documents = applicant_documents
    with django_capture_on_commit_callbacks(execute=True):
        institutions.submit_application(
            owner, owner.organisation, listing=listing, categories=categories, documents=documents
        )
    recipients = {address for message in mail.outbox for address in message.to}
    assert {operator.email, superuser.email} <= recipients
    assert handler.email not in recipients
    assert plain_staff.email not in recipients


@pytest.fixture
def applicant_documents(db):
    from reference.models import District
    from services.models import ServiceCategory

    from .factories import InstitutionOrganisationFactory, member_of

    owner = member_of(InstitutionOrganisationFactory())
    listing = {
        "institution_type": "trademark_agency",
        "district": District.objects.get(code="haizhou"),
        "address": "连云港市海州区朝阳东路1号",
        "contact_name": "李四",
        "contact_phone": "0518-85550000",
        "contact_email": "apply@example.com",
        "description": "商标代理。",
    }
    documents = [("营业执照", SimpleUploadedFile("licence.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"))]
    return owner, listing, [ServiceCategory.objects.get(code="trademark")], documents
