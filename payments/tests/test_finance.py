"""Finance's report and export: every payment and refund by method, totals equal to the orders."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import load_workbook

from accounts.roles import FINANCE, PLATFORM_OPERATORS
from payments.models import BankAccount, Payment
from services import orders
from services.models import Order
from services.tests.factories import InstitutionFactory, OfferingFactory, member_of
from tests.factories import MembershipFactory, staff_in
from tests.stripe_events import checkout_event, post_event

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def paid_orders(client, settings):
    """Three orders paid: two by confirmed bank transfer, one through Stripe's webhook; a fourth not paid."""
    settings.STRIPE_WEBHOOK_SECRET = "whsec_finance"
    institution = InstitutionFactory()
    seller = member_of(institution.organisation)
    BankAccount.objects.create(
        organisation=institution.organisation,
        bank_name="中国银行",
        branch="海州支行",
        account_name="机构",
        account_number="62220000111122",
    )
    buyer = MembershipFactory().user
    made = []
    for price in (120000, 35050, 99900, 5000):
        offering = OfferingFactory(institution=institution, price=price)
        made.append(orders.accept(orders.place_order(buyer, offering=offering), seller))
    for order in made[:2]:
        payment = orders.record_transfer(
            order,
            buyer,
            amount=order.amount,
            transfer_date=timezone.localdate(),
            payer_bank="江苏银行",
            receipt=SimpleUploadedFile("r.pdf", PDF),
        )
        orders.confirm_transfer(order, payment, seller)
    stripe_payment = Payment.objects.create(
        payable=made[2],
        user=buyer,
        organisation=made[2].enterprise,
        payee=institution.organisation,
        description=made[2].title,
        amount=made[2].amount,
        currency="cny",
    )
    post_event(client, checkout_event("checkout.session.completed", stripe_payment), "whsec_finance")
    return made, institution


def test_finance_export_totals_equal_the_sum_of_the_paid_orders(client, settings):
    made, institution = paid_orders(client, settings)
    paid = Order.objects.filter(pk__in=[o.pk for o in made], paid_at__isnull=False)
    assert paid.count() == 3
    expected = sum(paid.values_list("amount", flat=True)) / 100
    client.force_login(staff_in(FINANCE))
    page = client.get("/admin/finance/")
    assert page.status_code == 200
    assert f"¥{expected:,.2f}" in page.content.decode()
    response = client.get("/admin/finance/?format=xlsx")
    book = load_workbook(BytesIO(response.content))
    rows = list(book[book.sheetnames[0]].iter_rows(values_only=True))
    body, total = rows[1:-1], rows[-1]
    assert len(body) == 3
    assert sum(row[6] for row in body) == pytest.approx(expected)
    assert total[6] == pytest.approx(expected)
    assert {row[4] for row in body} == {str(Payment.Method.TRANSFER.label), str(Payment.Method.STRIPE.label)}

    # Filtered by method: the transfers alone.
    response = client.get("/admin/finance/", {"method": "transfer", "payee": institution.organisation.pk})
    transfers = sum(o.amount for o in made[:2]) / 100
    assert f"¥{transfers:,.2f}" in response.content.decode()


def test_only_finance_reads_the_report_and_a_spreadsheet_formula_stays_text(client, settings):
    paid_orders(client, settings)
    Payment.objects.filter(pk=Payment.objects.first().pk).update(description='=HYPERLINK("http://x","y")')
    client.force_login(staff_in(PLATFORM_OPERATORS))
    assert client.get("/admin/finance/").status_code in (302, 403)
    client.force_login(staff_in(FINANCE))
    book = load_workbook(BytesIO(client.get("/admin/finance/?format=xlsx").content))
    descriptions = [row[1] for row in book[book.sheetnames[0]].iter_rows(values_only=True)]
    assert '\'=HYPERLINK("http://x","y")' in descriptions


def test_a_refund_needs_the_refund_permission(client, settings):
    paid_orders(client, settings)
    payment = Payment.objects.get(method=Payment.Method.STRIPE)
    client.force_login(staff_in(PLATFORM_OPERATORS))
    client.post(f"/admin/finance/{payment.pk}/refund/", {"amount": "10.00", "reason": "多收"})
    assert not payment.refunds.exists()
