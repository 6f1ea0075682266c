"""Invoices (发票): requested by the ordering enterprise on a paid order, issued by the institution."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import load_workbook

from services import orders
from services.models import Invoice
from tests.stripe_events import checkout_event, post_event

from .test_orders import pending_payment

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def paid(client, offering, enterprise_user, institution_user, webhook_secret):
    order = orders.accept(orders.place_order(enterprise_user, offering=offering), institution_user)
    post_event(
        client, checkout_event("checkout.session.completed", pending_payment(order, enterprise_user)), webhook_secret
    )
    order.refresh_from_db()
    return order


def request_data(order, **changes):
    return {
        "kind": "ordinary",
        "title": order.enterprise.name,
        "tax_number": order.enterprise.credit_code,
        "send_to": "finance@example.com",
        **changes,
    }


def test_invoice_form_defaults_to_the_organisations_name_and_credit_code(client, paid, enterprise_user):
    client.force_login(enterprise_user)
    page = client.get(paid.get_absolute_url()).content.decode()
    assert 'id="invoice-form"' in page
    assert f'value="{paid.enterprise.credit_code}"' in page
    assert f'value="{paid.enterprise.name}"' in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"tax_number": "91320700MA1MBQ5X3A"}, "统一社会信用代码"),
        ({"kind": "special"}, "开具增值税专用发票时必填"),
    ],
)
def test_bad_invoice_request_is_refused_with_a_message(client, paid, enterprise_user, changes, message):
    client.force_login(enterprise_user)
    response = client.post(f"/institutions/orders/{paid.pk}/invoice/", request_data(paid, **changes), follow=True)
    assert message in response.content.decode()
    assert not Invoice.objects.exists()


@pytest.mark.files
def test_requested_once_issued_once_and_downloaded_by_the_two_sides(
    client, paid, enterprise_user, institution_user, outsider
):
    url = f"/institutions/orders/{paid.pk}/invoice/"
    client.force_login(institution_user)
    client.post(url, request_data(paid))
    assert not Invoice.objects.exists()  # only the ordering enterprise asks
    client.force_login(enterprise_user)
    special = request_data(paid, kind="special", address_phone="连云港市海州区 0518-1", bank_account="中行 6222")
    client.post(url, special)
    client.post(url, special)
    invoice = Invoice.objects.get()
    assert (invoice.kind, invoice.amount, invoice.requested_by) == ("special", paid.amount, enterprise_user)

    issue = {"number": "24320000000012345678", "issued_on": timezone.localdate().isoformat()}
    client.post(f"{url}issue/", {**issue, "file": SimpleUploadedFile("fp.pdf", PDF)})
    invoice.refresh_from_db()
    assert not invoice.is_issued  # the enterprise cannot issue
    client.force_login(institution_user)
    client.post(f"{url}issue/", {**issue, "file": SimpleUploadedFile("fp.txt", b"x")})
    invoice.refresh_from_db()
    assert not invoice.is_issued  # not a PDF or image
    client.post(f"{url}issue/", {**issue, "file": SimpleUploadedFile("fp.pdf", PDF)})
    client.post(f"{url}issue/", {**issue, "number": "OTHER", "file": SimpleUploadedFile("fp.pdf", PDF)})
    invoice.refresh_from_db()
    assert (invoice.status, invoice.number, invoice.issued_by) == ("issued", issue["number"], institution_user)

    for user, status in ((enterprise_user, 200), (institution_user, 200), (outsider, 403)):
        client.force_login(user)
        response = client.get(f"{url}file/")
        assert response.status_code == status
        if status == 200:
            assert b"".join(response.streaming_content) == PDF


def test_no_invoice_before_payment(client, offering, enterprise_user, institution_user):
    order = orders.accept(orders.place_order(enterprise_user, offering=offering), institution_user)
    client.force_login(enterprise_user)
    client.post(f"/institutions/orders/{order.pk}/invoice/", request_data(order))
    assert not Invoice.objects.exists()


def test_invoice_lists_for_both_sides_export_to_xlsx(client, paid, enterprise_user, institution_user, outsider):
    orders.request_invoice(
        paid,
        enterprise_user,
        kind="ordinary",
        title="=cmd|'/c calc'!A1",
        tax_number=paid.enterprise.credit_code,
        send_to="a@b.c",
    )
    for user in (enterprise_user, institution_user):
        client.force_login(user)
        assert paid.number in client.get("/institutions/invoices/").content.decode()
    client.force_login(outsider)
    assert paid.number not in client.get("/institutions/invoices/").content.decode()
    client.force_login(institution_user)
    book = load_workbook(BytesIO(client.get("/institutions/invoices/?format=xlsx").content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[1][0] == paid.number
    assert rows[1][4] == "'=cmd|'/c calc'!A1"
