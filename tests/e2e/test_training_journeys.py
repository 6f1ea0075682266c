"""Training journeys in the browser: enrol, wait and be promoted, complete and download, pay."""

import json
import os

import pytest
from playwright.sync_api import expect

from accounts.models import User
from payments.models import Payment
from tests.e2e.steps import log_in, log_out
from tests.stripe_events import checkout_event, sign
from training import enrolments
from training.models import CoursePage, Enrolment
from training.tests.factories import move_to_past

DEMO_PASSWORD = "demo-ip-2014"


pytestmark = pytest.mark.django_db(transaction=True)


def enrolment_card(page):
    return page.locator("#enrolment-card")


def test_enrol_in_a_free_course_and_see_it_in_my_training(page):
    log_in(page, "enterprise@demo.ip.lyg")
    page.goto("/training/")
    page.get_by_role("link", name="知识产权工程师培训班（第三期）").click()
    expect(page.locator("h1")).to_have_text("知识产权工程师培训班（第三期）")
    enrolment_card(page).get_by_role("button", name="立即报名").click()
    expect(page.locator(".alert")).to_contain_text("报名成功")
    expect(page.locator("#enrolment-status")).to_contain_text("已报名")

    page.goto("/training/mine/")
    expect(page.locator("#my-enrolments")).to_contain_text("知识产权工程师培训班（第三期）")
    expect(page.locator("#my-enrolments")).to_contain_text("已报名")


def test_full_course_waiting_list_and_promotion_when_someone_cancels(page):
    course = CoursePage.objects.get(slug="patent-search-workshop")
    log_in(page, "enterprise@demo.ip.lyg")
    page.goto(course.url)
    expect(page.locator("#places")).to_contain_text("剩余 0 个名额")
    enrolment_card(page).get_by_role("button", name="名额已满，加入候补").click()
    expect(page.locator(".alert")).to_contain_text("候补名单（第 3 位）")
    expect(page.locator("#enrolment-status")).to_contain_text("候补中")
    log_out(page)

    # A confirmed participant gives up the place: the first person waiting (trainee4) moves up.
    log_in(page, "trainee1@demo.ip.lyg")
    page.goto(course.url)
    enrolment_card(page).get_by_role("button", name="取消报名").click()
    expect(page.locator(".alert")).to_contain_text("已取消报名")
    log_out(page)

    log_in(page, "trainee4@demo.ip.lyg")
    page.goto(course.url)
    expect(page.locator("#enrolment-status")).to_contain_text("已报名")
    log_out(page)

    log_in(page, "enterprise@demo.ip.lyg")
    page.goto("/training/mine/")
    expect(page.locator("#my-enrolments")).to_contain_text("候补中（第 2 位）")


def test_staff_mark_completion_and_the_participant_downloads_the_certificate(page):
    course = CoursePage.objects.get(slug="gbt29490-implementation")
    participant = User.objects.get(email="trainee5@demo.ip.lyg")
    enrolment = enrolments.enrol(course, participant)
    move_to_past(course)  # the course has been held

    log_in(page, "admin@demo.ip.lyg")
    page.goto(f"/admin/training/courses/{course.pk}/roster/")
    expect(page.locator("#roster")).to_contain_text("trainee5@demo.ip.lyg")
    page.check(f"#roster input[name=complete][value='{enrolment.pk}']")
    page.get_by_role("button", name="标记所选学员结业并签发证书").click()
    expect(page.locator("#roster")).to_contain_text("LYG-IPM-")
    page.goto("/accounts/logout/")
    page.locator("form button[type=submit]").first.click()

    log_in(page, "trainee5@demo.ip.lyg")
    page.goto("/training/mine/")
    certificates = page.locator("#my-certificates")
    expect(certificates).to_contain_text("企业知识产权管理规范（GB/T 29490）贯标培训")
    with page.expect_download() as download:
        certificates.get_by_role("link", name="下载 PDF").click()
    assert download.value.suggested_filename.startswith("LYG-IPM-")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"


@pytest.mark.stripe
def test_paid_course_checkout_and_webhook_confirm_the_place(page, settings, live_server):
    settings.STRIPE_API_BASE = os.environ["STRIPE_API_BASE"]
    settings.STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "sk_test_123")
    settings.STRIPE_WEBHOOK_SECRET = secret = "whsec_test_training_journey"
    course = CoursePage.objects.get(slug="ip-engineer-advanced-mining")

    # Stripe's hosted Checkout page cannot be reached here: answer the navigation to it ourselves.
    visited = []

    def hosted_checkout(route):
        visited.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<html><body><h1>Stripe Checkout</h1></body></html>")

    log_in(page, "enterprise@demo.ip.lyg")
    page.route("https://checkout.stripe.com/**", hosted_checkout)
    page.goto(course.url)
    enrolment_card(page).get_by_role("button", name="报名并付款（¥800.00）").click()
    expect(page.locator("h1")).to_have_text("Stripe Checkout")

    enrolment = Enrolment.objects.get(course=course, user__email="enterprise@demo.ip.lyg")
    payment = Payment.objects.for_object(enrolment).get()
    assert visited == [payment.checkout_url]
    assert enrolment.status == Enrolment.Status.AWAITING_PAYMENT

    # Stripe delivers the signed event to the webhook, then sends the payer back to the success URL.
    payload = json.dumps(checkout_event("checkout.session.completed", payment))
    response = page.request.post(
        f"{live_server.url}/payments/stripe/webhook/",
        data=payload,
        headers={"Content-Type": "application/json", "Stripe-Signature": sign(payload, secret)},
    )
    assert response.ok
    page.goto(f"/training/enrolments/{enrolment.pk}/paid/")
    expect(page.locator(".alert")).to_contain_text("付款成功，报名已确认")
    expect(page.locator("#enrolment-status")).to_contain_text("已报名")


def test_demo_course_sessions_show_morning_and_afternoon_hours_in_the_site_time_zone(page):
    page.goto("/training/")
    page.get_by_role("link", name="企业知识产权管理规范（GB/T 29490）贯标培训").click()
    rows = page.locator("#course-sessions tbody tr")
    expect(rows.nth(0)).to_contain_text("09:00 – 12:00")
    expect(rows.nth(1)).to_contain_text("14:00 – 17:00")
    expect(enrolment_card(page)).to_contain_text("09:00 –")

    course_card = page.locator(".course-card").filter(has_text="贯标培训")
    page.goto("/training/")
    expect(course_card).to_contain_text("09:00 –")
    expect(course_card).to_contain_text("17:00")

    page.goto("/")
    expect(page.locator("#upcoming-courses li").filter(has_text="贯标培训")).to_contain_text("09:00")
