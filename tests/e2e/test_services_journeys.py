"""Browser journeys of the service marketplace: an institution is listed; an enterprise asks, orders, pays
through Stripe Checkout (stripe-mock), the signed webhook marks it paid, and the order ends reviewed."""

import json
import os
from pathlib import Path
from urllib.request import Request, urlopen

import pytest
from playwright.sync_api import expect

from accounts.models import Organisation
from payments.models import Payment
from search.indexing import catch_up
from services.models import Institution, Offering, Order
from tests.e2e.steps import complete_and_review, deliver, log_in, log_out
from tests.factories import MembershipFactory, OrganisationFactory, make_credit_code
from tests.stripe_events import checkout_event, sign

DEMO_PASSWORD = "demo-ip-2014"
WEBHOOK_SECRET = "whsec_e2e_services"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_institution_applies_staff_approve_and_it_appears_in_the_directory(page, tmp_path):
    organisation = OrganisationFactory(
        kind=Organisation.Kind.INSTITUTION, name="连云港赣榆知识产权代理有限公司", credit_code=make_credit_code(7301)
    )
    owner = MembershipFactory(organisation=organisation).user
    licence = Path(tmp_path) / "执业许可证.pdf"
    licence.write_bytes(PDF)

    log_in(page, owner.email, "correct-horse-battery")
    page.goto("/institutions/apply/")
    page.select_option("select[name=institution_type]", "patent_agency")
    page.get_by_label("专利申请代理").check()
    page.fill("input[name=licence_number]", "32268")
    page.select_option("select[name=credit_grade]", "A")
    page.fill("input[name=credit_grade_year]", "2024")
    page.select_option("select[name=district]", label="赣榆区")
    page.fill("input[name=address]", "连云港市赣榆区黄海路18号")
    page.fill("input[name=contact_email]", "apply@ganyu-ip.example")
    page.fill("textarea[name=description]", "服务赣榆区企业的专利申请代理机构。")
    page.set_input_files("input[name=qualification]", str(licence))
    page.locator("#application-form button[type=submit]").click()
    expect(page.locator("#application-status")).to_contain_text("待审核")
    log_out(page)

    log_in(page, "admin@demo.ip.lyg")
    page.goto("/admin/services/applications/")
    page.get_by_role("link", name="连云港赣榆知识产权代理有限公司").click()
    expect(page.locator("#documents")).to_contain_text("资质证明文件")
    page.get_by_role("button", name="通过").click()
    expect(page.locator("#application-status")).to_contain_text("已通过")
    log_out(page)

    # The directory reads the index, which shows the approval a moment after it is committed.
    assert catch_up() == 0
    page.goto("/institutions/?type=patent_agency&district=ganyu")
    expect(page.locator("#institution-list")).to_contain_text("连云港赣榆知识产权代理有限公司")
    assert Institution.objects.public().filter(organisation=organisation).exists()


def deliver_webhook(live_server_url, event):
    """POST the event to our webhook signed exactly as Stripe signs it."""
    payload = json.dumps(event)
    request = Request(
        f"{live_server_url}/payments/stripe/webhook/",
        data=payload.encode(),
        headers={"Content-Type": "application/json", "Stripe-Signature": sign(payload, WEBHOOK_SECRET)},
        method="POST",
    )
    with urlopen(request, timeout=10) as response:
        assert response.status == 200


@pytest.mark.stripe
def test_enterprise_finds_asks_orders_pays_and_reviews(page, live_server, settings, screenshot_dir):
    settings.STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")
    settings.STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "sk_test_123")
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    page.route(
        "https://checkout.stripe.com/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<html><body><h1>Stripe Checkout</h1></body></html>"
        ),
    )
    agency = "连云港港城专利代理事务所（普通合伙）"

    # The enterprise finds the agency in the directory and asks.
    log_in(page, "enterprise@demo.ip.lyg")
    page.goto("/institutions/")
    page.select_option("select[name=type]", "patent_agency")
    page.select_option("select[name=grade]", "A+")
    page.locator("#directory-filters button[type=submit]").click()
    page.get_by_role("link", name=agency).click()
    expect(page.locator("#scorecard")).to_contain_text("A+（2024）")
    page.screenshot(path=str(screenshot_dir / "institution.png"), full_page=True)
    page.locator("#ask-button").click()
    page.fill("input[name=subject]", "碳纤维复合材料专利检索")
    page.fill("textarea[name=body]", "我们计划就新型碳纤维预浸料申请发明专利，想先做一次查新检索。")
    page.locator("#inquiry-form button[type=submit]").click()
    expect(page.locator("#thread")).to_contain_text("新型碳纤维预浸料")
    log_out(page)

    # The institution sees the unread inquiry and answers.
    log_in(page, "institution@demo.ip.lyg")
    expect(page.locator("#inbox-badge .badge")).to_have_text("1")
    page.goto("/institutions/inquiries/")
    page.get_by_role("link", name="碳纤维复合材料专利检索").click()
    page.fill("textarea[name=body]", "可以，建议先做专利查新检索，约7个工作日出报告。")
    page.locator("#reply-form button[type=submit]").click()
    expect(page.locator("#thread")).to_contain_text("约7个工作日")
    log_out(page)

    # The enterprise orders the search offering.
    offering = Offering.objects.get(title="专利查新检索报告", institution__organisation__name=agency)
    log_in(page, "enterprise@demo.ip.lyg")
    page.goto(f"/institutions/offerings/{offering.pk}/")
    page.get_by_role("link", name="立即下单").click()
    page.fill("textarea[name=requirements]", "检索范围：中国及美国专利，近十年。")
    page.locator("#order-form button[type=submit]").click()
    expect(page.locator("#order-status")).to_have_text("待机构确认")
    order = Order.objects.get(offering=offering, status="requested")
    log_out(page)

    log_in(page, "institution@demo.ip.lyg")
    page.goto(order.get_absolute_url())
    page.locator("#action-accept button").click()
    expect(page.locator("#order-status")).to_have_text("待付款")
    log_out(page)

    # The enterprise pays through Stripe Checkout; Stripe then calls the webhook.
    log_in(page, "enterprise@demo.ip.lyg")
    page.goto(order.get_absolute_url())
    expect(page.locator("#pay-form")).to_contain_text("¥800.00")
    page.locator("#pay-form button").click()
    expect(page.locator("h1")).to_have_text("Stripe Checkout")
    assert page.url.startswith("https://checkout.stripe.com/")
    payment = Payment.objects.for_object(order).get()
    assert payment.amount == 80000
    deliver_webhook(live_server.url, checkout_event("checkout.session.completed", payment))
    page.goto(order.get_absolute_url())
    expect(page.locator("#order-status")).to_have_text("已付款")
    log_out(page)

    log_in(page, "institution@demo.ip.lyg")
    page.goto(order.get_absolute_url())
    deliver(page)
    log_out(page)

    # The enterprise confirms completion and reviews.
    log_in(page, "enterprise@demo.ip.lyg")
    complete_and_review(page, order, "检索报告全面，沟通及时。")
    page.goto(order.institution.get_absolute_url())
    expect(page.locator("#reviews")).to_contain_text("检索报告全面，沟通及时。")
    assert [event.to_status for event in order.events.all()] == [
        "requested",
        "accepted",
        "paid",
        "delivered",
        "completed",
    ]


def test_compare_institutions_chosen_across_directory_pages_and_share_the_comparison(
    page, browser, live_server, screenshot_dir
):
    page.goto("/institutions/")
    cards = page.locator("#institution-list .institution-card")
    chosen = [cards.nth(0).locator("h2").inner_text(), cards.nth(1).locator("h2").inner_text()]
    cards.nth(0).get_by_label("加入比较").check()
    cards.nth(1).get_by_label("加入比较").check()
    expect(page.locator("#compare-count")).to_have_text("2")

    page.get_by_role("link", name="下一页").click()
    expect(page.locator("#compare-count")).to_have_text("2")
    page.screenshot(path=str(screenshot_dir / "institutions-compare-bar.png"))
    cards.nth(0).get_by_label("加入比较").check()
    chosen.append(cards.nth(0).locator("h2").inner_text())
    expect(page.locator("#compare-count")).to_have_text("3")

    page.get_by_role("link", name="开始比较").click()
    expect(page.locator("h1")).to_have_text("服务机构比较")
    headers = page.locator("#comparison thead th[data-institution] > a")
    expect(headers).to_have_text(chosen)
    institutions = [Institution.objects.get(organisation__name=name) for name in chosen]
    for column, institution in enumerate(institutions, start=2):
        row = page.locator("#comparison tbody tr[data-row=orders] td")
        expect(row.nth(column - 2)).to_have_text(f"{institution.completed_orders} 单")
        reply = page.locator("#comparison tbody tr[data-row=reply] td").nth(column - 2)
        if institution.median_reply_hours is not None:
            expect(reply).to_have_text(f"{institution.median_reply_hours} 小时")
        expect(page.locator("#comparison tbody tr[data-row=type] td").nth(column - 2)).to_have_text(
            institution.get_institution_type_display()
        )
    assert f"ids={','.join(str(institution.pk) for institution in institutions)}" in page.url
    page.screenshot(path=str(screenshot_dir / "institutions-compare.png"), full_page=True)

    # Someone else opens the shared link: no stored selection, the same comparison.
    other = browser.new_context(base_url=live_server.url, locale="zh-CN")
    try:
        shared = other.new_page()
        shared.goto(page.url)
        expect(shared.locator("#comparison thead th[data-institution] > a")).to_have_text(chosen)
    finally:
        other.close()


def test_a_fifth_institution_cannot_be_added_to_the_comparison(page):
    page.goto("/institutions/")
    cards = page.locator("#institution-list .institution-card")
    for index in range(4):
        cards.nth(index).get_by_label("加入比较").check()
    cards.nth(4).get_by_label("加入比较").click()
    expect(page.locator("#compare-message")).to_contain_text("最多可同时比较 4 家机构")
    expect(cards.nth(4).get_by_label("加入比较")).not_to_be_checked()
    expect(page.locator("#compare-count")).to_have_text("4")
