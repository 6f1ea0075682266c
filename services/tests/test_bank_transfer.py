"""Paying an order by company bank transfer (对公转账), refunds by transfer, the payment deadline, on the
embedded default with no Stripe keys."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Membership
from accounts.roles import FINANCE
from payments.models import BankAccount, Payment, Refund
from services import orders
from services.models import OrderEvent, OrderStatus
from tests.factories import staff_in
from tests.private_files import assert_kept_under_a_generated_name

from .factories import member_of

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
ACCOUNT_NUMBER = "3206 0100 0400 1234 567"


def receipt(name="回单.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture(autouse=True)
def no_stripe(settings):
    settings.STRIPE_SECRET_KEY = ""


@pytest.fixture
def account(institution):
    return BankAccount.objects.create(
        organisation=institution.organisation,
        bank_name="中国银行",
        branch="连云港海州支行",
        account_name=institution.organisation.name,
        account_number=ACCOUNT_NUMBER,
    )


@pytest.fixture
def accepted(offering, enterprise_user, institution_user, account):
    order = orders.place_order(enterprise_user, offering=offering, quantity=2)
    return orders.accept(order, institution_user)


def transfer_data(order, **changes):
    return {
        "amount": f"{order.amount / 100:.2f}",
        "transfer_date": timezone.localdate().isoformat(),
        "payer_bank": "江苏银行连云港分行",
        "receipt": receipt(),
        **changes,
    }


def record(client, order, user, **changes):
    client.force_login(user)
    return client.post(f"/institutions/orders/{order.pk}/transfer/", transfer_data(order, **changes))


def test_accepted_order_shows_payee_account_amount_reference_and_deadline_without_stripe(
    client, accepted, enterprise_user
):
    client.force_login(enterprise_user)
    page = client.get(accepted.get_absolute_url()).content.decode()
    assert "3206 0100 0400 1234 567" in page
    assert accepted.number in page and 'id="payment-reference"' in page
    assert accepted.amount_display in page
    assert 'id="payment-deadline"' in page and 'id="transfer-form"' in page
    # Nothing of Stripe while it is not configured.
    assert 'id="pay-form"' not in page and "Stripe" not in page and "在线支付尚未配置" not in page


def test_transfer_recorded_then_confirmed_pays_the_order_once(client, accepted, enterprise_user, institution_user):
    response = record(client, accepted, enterprise_user)
    assert response.status_code == 302
    payment = Payment.objects.for_object(accepted).get()
    assert (payment.method, payment.status) == (Payment.Method.TRANSFER, Payment.Status.PENDING)
    assert payment.reference.startswith(accepted.number)
    assert payment.receipt.read() == PDF
    accepted.refresh_from_db()
    assert accepted.status == OrderStatus.ACCEPTED  # not paid until the institution confirms

    client.force_login(institution_user)
    page = client.get(accepted.get_absolute_url()).content.decode()
    assert 'id="transfer-confirm-form"' in page
    for _ in range(2):
        client.post(f"/institutions/orders/{accepted.pk}/transfers/{payment.pk}/confirm/")
    accepted.refresh_from_db()
    payment.refresh_from_db()
    assert accepted.status == OrderStatus.PAID
    assert (payment.status, payment.decided_by) == (Payment.Status.PAID, institution_user)
    assert OrderEvent.objects.filter(order=accepted, to_status=OrderStatus.PAID).count() == 1


def test_a_transfer_recorded_twice_is_recorded_once(client, accepted, enterprise_user):
    record(client, accepted, enterprise_user)
    response = record(client, accepted, enterprise_user)
    assert Payment.objects.for_object(accepted).count() == 1
    assert "已登记过转账" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount": "1.00"}, "转账金额须与订单金额"),
        ({"receipt": SimpleUploadedFile("回单.pdf", b"not a pdf at all", content_type="application/pdf")}, "内容"),
        ({"receipt": SimpleUploadedFile("回单.txt", b"hello", content_type="text/plain")}, "不支持的文件类型"),
        ({"transfer_date": (timezone.localdate() + timedelta(days=3)).isoformat()}, "转账日期不能晚于今天"),
    ],
)
def test_bad_transfer_is_refused_with_a_message_keeps_what_was_typed_and_changes_nothing(
    client, accepted, enterprise_user, changes, message
):
    response = record(client, accepted, enterprise_user, **changes)
    page = response.content.decode()
    assert response.status_code == 400 and message in page
    assert 'value="江苏银行连云港分行"' in page
    assert not Payment.objects.for_object(accepted).exists()


def test_only_the_ordering_enterprise_records_and_only_the_institution_confirms(
    client, accepted, enterprise_user, institution_user, outsider
):
    assert record(client, accepted, outsider).status_code == 403
    record(client, accepted, institution_user)
    assert not Payment.objects.for_object(accepted).exists()
    record(client, accepted, enterprise_user)
    payment = Payment.objects.for_object(accepted).get()
    for user in (enterprise_user, outsider):
        client.force_login(user)
        client.post(f"/institutions/orders/{accepted.pk}/transfers/{payment.pk}/confirm/")
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING


def test_institution_says_not_arrived_and_the_enterprise_records_again(
    client, accepted, enterprise_user, institution_user
):
    record(client, accepted, enterprise_user)
    first = Payment.objects.for_object(accepted).get()
    client.force_login(institution_user)
    client.post(f"/institutions/orders/{accepted.pk}/transfers/{first.pk}/reject/", {"reason": "账户未见该笔款项"})
    first.refresh_from_db()
    assert (first.status, first.decision_note) == (Payment.Status.NOT_RECEIVED, "账户未见该笔款项")
    client.force_login(enterprise_user)
    assert "账户未见该笔款项" in client.get(accepted.get_absolute_url()).content.decode()
    record(client, accepted, enterprise_user)
    assert Payment.objects.for_object(accepted).filter(status=Payment.Status.PENDING).count() == 1


def test_receipt_and_account_only_for_the_two_sides_and_finance(
    client, accepted, enterprise_user, institution_user, outsider, staff_user
):
    record(client, accepted, enterprise_user)
    payment = Payment.objects.for_object(accepted).get()
    url = f"/institutions/orders/{accepted.pk}/transfers/{payment.pk}/receipt/"
    finance = staff_in(FINANCE)
    for user, status in ((enterprise_user, 200), (institution_user, 200), (finance, 200), (outsider, 403)):
        client.force_login(user)
        assert client.get(url).status_code == status, user
    # The platform's operators read the order (disputes) but not the bank details or receipts.
    client.force_login(staff_user)
    assert client.get(url).status_code == 403
    assert "0400 1234" not in client.get(accepted.get_absolute_url()).content.decode()
    client.logout()
    assert "0400" not in client.get(accepted.institution.get_absolute_url()).content.decode()


def test_bank_account_number_is_validated_and_only_owners_change_it(client, institution, institution_user):
    member = member_of(institution.organisation, role=Membership.Role.MEMBER)
    data = {"bank_name": "中国银行", "branch": "海州支行", "account_name": "某机构", "account_number": "12AB"}
    client.force_login(institution_user)
    response = client.post("/payments/bank-account/", data)
    assert "银行账号应为 8 至 30 位数字" in response.content.decode()
    assert not BankAccount.objects.exists()
    client.force_login(member)
    assert client.post("/payments/bank-account/", {**data, "account_number": "6222 0000 1111"}).status_code == 403
    client.force_login(institution_user)
    client.post("/payments/bank-account/", {**data, "account_number": "6222-0000-1111"})
    assert BankAccount.objects.get().account_number == "622200001111"


def test_without_a_bank_account_the_enterprise_is_told_to_ask_the_institution(
    client, offering, enterprise_user, institution_user
):
    order = orders.accept(orders.place_order(enterprise_user, offering=offering), institution_user)
    client.force_login(enterprise_user)
    assert 'id="payee-account-missing"' in client.get(order.get_absolute_url()).content.decode()
    record(client, order, enterprise_user)
    assert not Payment.objects.for_object(order).exists()


def _paid_by_transfer(order, enterprise_user, institution_user, receipt_name="回单.pdf"):
    payment = orders.record_transfer(
        order,
        enterprise_user,
        amount=order.amount,
        transfer_date=timezone.localdate(),
        payer_bank="江苏银行",
        receipt=receipt(receipt_name),
    )
    orders.confirm_transfer(order, payment, institution_user)
    return payment


def test_cancelled_transfer_paid_order_is_refunded_by_transfer_in_parts_and_confirmed(
    client, accepted, enterprise_user, institution_user
):
    payment = _paid_by_transfer(accepted, enterprise_user, institution_user)
    orders.cancel(accepted, institution_user, "无法按期提供服务")
    accepted.refresh_from_db()
    assert accepted.status == OrderStatus.CANCELLED
    client.force_login(institution_user)
    assert 'id="refund-owed"' in client.get(accepted.get_absolute_url()).content.decode()
    url = f"/institutions/orders/{accepted.pk}/refunds/"
    base = {"reason": "订单取消", "transfer_date": timezone.localdate().isoformat()}
    # More than was paid is refused.
    client.post(url, {**base, "amount": f"{accepted.amount / 100 + 1:.2f}", "receipt": receipt()})
    assert not Refund.objects.exists()
    client.post(url, {**base, "amount": "1000.00", "receipt": receipt()})
    client.post(url, {**base, "amount": f"{accepted.amount / 100 - 1000:.2f}", "receipt": receipt()})
    assert list(Refund.objects.values_list("status", flat=True)) == [Refund.Status.SENT] * 2
    # Nothing left: a third refund is refused.
    client.post(url, {**base, "amount": "1.00", "receipt": receipt()})
    assert Refund.objects.count() == 2

    client.force_login(enterprise_user)
    for refund in Refund.objects.all():
        client.post(f"/institutions/orders/{accepted.pk}/refunds/{refund.pk}/confirm/")
        client.post(f"/institutions/orders/{accepted.pk}/refunds/{refund.pk}/confirm/")
    payment.refresh_from_db()
    assert payment.status == Payment.Status.REFUNDED
    assert all(r.confirmed_by == enterprise_user and r.confirmed_at for r in Refund.objects.all())
    assert OrderEvent.objects.filter(order=accepted, note__startswith="企业已确认收到退款").count() == 2


def test_a_partial_refund_on_a_delivered_order_keeps_it_delivered(accepted, enterprise_user, institution_user):
    _paid_by_transfer(accepted, enterprise_user, institution_user)
    orders.deliver(accepted, institution_user)
    refund = orders.record_refund_transfer(
        accepted,
        institution_user,
        amount=50000,
        reason="少交付一项",
        transfer_date=timezone.localdate(),
        receipt=receipt(),
    )
    with pytest.raises(orders.OrderError):
        orders.confirm_refund(accepted, refund, institution_user)
    orders.confirm_refund(accepted, refund, enterprise_user)
    accepted.refresh_from_db()
    assert accepted.status == OrderStatus.DELIVERED
    with pytest.raises(orders.OrderError):
        orders.record_refund_transfer(
            accepted, enterprise_user, amount=100, reason="x", transfer_date=timezone.localdate(), receipt=receipt()
        )


def test_unpaid_order_is_reminded_once_then_lapses_unless_a_transfer_awaits_confirmation(
    accepted, offering, enterprise_user, institution_user
):
    waiting = orders.accept(orders.place_order(enterprise_user, offering=offering), institution_user)
    orders.record_transfer(
        waiting,
        enterprise_user,
        amount=waiting.amount,
        transfer_date=timezone.localdate(),
        payer_bank="江苏银行",
        receipt=receipt(),
    )
    assert accepted.payment_due_at is not None
    soon = accepted.payment_due_at - timedelta(days=1)
    assert orders.remind_unpaid_orders(now=soon) == 2
    assert orders.remind_unpaid_orders(now=soon) == 0
    assert orders.lapse_unpaid_orders(now=soon) == 0
    assert orders.lapse_unpaid_orders(now=accepted.payment_due_at + timedelta(minutes=1)) == 1
    accepted.refresh_from_db()
    waiting.refresh_from_db()
    assert accepted.status == OrderStatus.CANCELLED
    assert waiting.status == OrderStatus.ACCEPTED
    assert accepted.events.last().actor == "system"


@pytest.mark.files
def test_receipts_and_the_invoice_are_stored_under_generated_names_and_downloaded_under_their_own(
    client, accepted, enterprise_user, institution_user
):
    payment = _paid_by_transfer(accepted, enterprise_user, institution_user, receipt_name="工行回单-张三.pdf")
    refund = orders.record_refund_transfer(
        accepted,
        institution_user,
        amount=100,
        reason="少交付一项",
        transfer_date=timezone.localdate(),
        receipt=receipt("退款回单-王五.pdf"),
    )
    orders.request_invoice(
        accepted, enterprise_user, kind="ordinary", send_to="a@example.com", **orders.invoice_defaults(accepted)
    )
    invoice = orders.issue_invoice(
        accepted.invoice, institution_user, number="0001", issued_on=timezone.localdate(), file=receipt("发票-赵六.pdf")
    )
    payment.refresh_from_db()
    base = f"/institutions/orders/{accepted.pk}"
    client.force_login(enterprise_user)
    for field_file, name, url in (
        (payment.receipt, "工行回单-张三.pdf", f"{base}/transfers/{payment.pk}/receipt/"),
        (refund.receipt, "退款回单-王五.pdf", f"{base}/refunds/{refund.pk}/receipt/"),
        (invoice.file, "发票-赵六.pdf", f"{base}/invoice/file/"),
    ):
        assert_kept_under_a_generated_name(client, field_file, name, url)
    assert (payment.receipt_name, payment.receipt_type, payment.receipt_size) == (
        "工行回单-张三.pdf",
        "application/pdf",
        len(PDF),
    )


def test_a_receipt_that_is_not_what_its_name_says_is_refused_by_the_domain(accepted, enterprise_user):
    """The domain checks the bytes, whoever calls it: a form is not the only way in."""
    with pytest.raises(orders.OrderError, match=r"回单\.pdf"):
        orders.record_transfer(
            accepted,
            enterprise_user,
            amount=accepted.amount,
            transfer_date=timezone.localdate(),
            payer_bank="江苏银行",
            receipt=receipt(content=b"MZ\x90\x00 not a pdf"),
        )
    assert not Payment.objects.exists()
