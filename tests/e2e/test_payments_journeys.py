"""Browser journey of paying the way enterprises in China pay, on the embedded default (no Stripe keys):
inquiry → quote → order → bank transfer recorded with the bank's receipt → the institution confirms →
delivered → completed → review and reply → invoice requested and issued."""

from playwright.sync_api import expect

from payments.models import Payment
from services.models import Inquiry, Order
from tests.e2e.steps import complete_and_review, deliver, log_in, log_out

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_file(name):
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


def test_enterprise_pays_by_bank_transfer_and_gets_an_invoice(page, settings, screenshot_dir):
    settings.STRIPE_SECRET_KEY = ""
    agency = "连云港港城专利代理事务所（普通合伙）"

    # The enterprise asks the agency; the agency answers with a quote.
    log_in(page, "enterprise@demo.ip.lyg")
    page.goto("/institutions/")
    page.get_by_role("link", name=agency).first.click()
    page.locator("#ask-button").click()
    page.fill("input[name=subject]", "实用新型专利申请代理")
    page.fill("textarea[name=body]", "一项包装机械的实用新型，请报价。")
    page.locator("#inquiry-form button[type=submit]").click()
    expect(page.locator("#thread")).to_contain_text("包装机械")
    inquiry = Inquiry.objects.get(subject="实用新型专利申请代理")
    log_out(page)

    log_in(page, "institution@demo.ip.lyg")
    page.goto(inquiry.get_absolute_url())
    page.fill("#reply-form textarea[name=body]", "可以代理，含撰写与提交。")
    page.fill("#reply-form input[name=quote_yuan]", "2600")
    page.locator("#reply-form button[type=submit]").click()
    expect(page.locator("#thread .quote")).to_contain_text("2,600.00")
    log_out(page)

    # The enterprise orders at the quote; the agency accepts.
    log_in(page, "enterprise@demo.ip.lyg")
    page.goto(inquiry.get_absolute_url())
    page.get_by_role("link", name="按此报价下单").click()
    page.locator("#order-form button[type=submit]").click()
    expect(page.locator("#order-status")).to_have_text("待机构确认")
    order = Order.objects.get(inquiry=inquiry)
    log_out(page)

    log_in(page, "institution@demo.ip.lyg")
    page.goto(order.get_absolute_url())
    page.locator("#action-accept button").click()
    expect(page.locator("#order-status")).to_have_text("待付款")
    log_out(page)

    # The enterprise sees where to transfer, pays at its bank and records the transfer with the receipt.
    log_in(page, "enterprise@demo.ip.lyg")
    page.goto(order.get_absolute_url())
    expect(page.locator("#payee-account")).to_contain_text(agency)
    expect(page.locator("#payment-reference")).to_contain_text(order.number)
    expect(page.locator("#payee-account")).to_contain_text("¥2,600.00")
    expect(page.locator("#payment-deadline")).to_be_visible()
    expect(page.locator("#pay-form")).to_have_count(0)  # no Stripe without its keys
    page.fill("#transfer-form input[name=payer_bank]", "江苏银行连云港分行")
    page.set_input_files("#transfer-form input[name=receipt]", pdf_file("回单.pdf"))
    page.screenshot(path=str(screenshot_dir / "order-bank-transfer.png"), full_page=True)
    page.locator("#transfer-form button[type=submit]").click()
    expect(page.locator("#transfer-pending")).to_be_visible()
    expect(page.locator("#order-status")).to_have_text("待付款")
    log_out(page)

    # The agency checks its account and confirms; then delivers.
    log_in(page, "institution@demo.ip.lyg")
    page.goto(order.get_absolute_url())
    expect(page.locator("#transfer-confirmation")).to_contain_text("江苏银行连云港分行")
    page.locator("#transfer-confirm-form button").click()
    expect(page.locator("#order-status")).to_have_text("已付款")
    deliver(page)
    log_out(page)

    # The enterprise completes, reviews, and asks for a VAT special invoice.
    log_in(page, "enterprise@demo.ip.lyg")
    complete_and_review(page, order, "撰写专业，转账付款方便。")
    page.locator("#invoice-request summary").click()
    expect(page.locator("#invoice-form input[name=tax_number]")).to_have_value(order.enterprise.credit_code)
    page.locator("#invoice-form label", has_text="增值税专用发票").click()
    page.fill("#invoice-form input[name=address_phone]", "连云港市海州区科苑路8号 0518-85661234")
    page.fill("#invoice-form input[name=bank_account]", "江苏银行连云港分行 3201 0000 1234")
    page.fill("#invoice-form input[name=send_to]", "finance@hengrui.example")
    page.locator("#invoice-form button[type=submit]").click()
    expect(page.locator("#invoice-status")).to_have_text("待开票")
    log_out(page)

    # The agency replies to the review and issues the invoice.
    log_in(page, "institution@demo.ip.lyg")
    page.goto(order.get_absolute_url())
    page.fill("#reply-review-form textarea[name=reply]", "感谢信任。")
    page.locator("#reply-review-form button[type=submit]").click()
    expect(page.locator("#order-review")).to_contain_text("感谢信任。")
    page.fill("#invoice-issue-form input[name=number]", "32000000000012345678")
    page.set_input_files("#invoice-issue-form input[name=file]", pdf_file("发票.pdf"))
    page.locator("#invoice-issue-form button[type=submit]").click()
    expect(page.locator("#invoice-status")).to_have_text("已开票")
    log_out(page)

    # The enterprise sees the invoice, downloads it, and finds it in its invoice list.
    log_in(page, "enterprise@demo.ip.lyg")
    page.goto(order.get_absolute_url())
    expect(page.locator("#invoice-number")).to_have_text("32000000000012345678")
    with page.expect_download() as download:
        page.locator("#invoice-download").click()
    assert download.value.suggested_filename == "发票.pdf"
    page.goto("/institutions/invoices/")
    expect(page.locator("#invoice-list")).to_contain_text(order.number)

    payment = Payment.objects.for_object(order).get()
    assert (payment.method, payment.status) == ("transfer", "paid")
    assert [event.to_status for event in order.events.all() if event.from_status != event.to_status] == [
        "requested",
        "accepted",
        "paid",
        "delivered",
        "completed",
    ]
