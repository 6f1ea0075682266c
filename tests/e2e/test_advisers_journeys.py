"""Advisers and customs recordal in the browser: an enterprise finds an adviser in the pool by field and
language and sends a request, the adviser accepts it, and only then does each see the other's contact
details; an enterprise reads which of its rights are recorded with customs and the checklist for the rest."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accounts.demo import ENTERPRISE_EMAIL
from advisers.demo import ADVISERS
from register.models import CustomsRecordal
from tests.e2e.steps import log_in

pytestmark = pytest.mark.django_db(transaction=True)

ADVISER_EMAIL = ADVISERS[0][0]
ADVISER_NAME = ADVISERS[0][1]["display_name"]


def test_an_enterprise_finds_an_adviser_who_accepts_and_then_they_see_each_others_contact(page, audited_page):
    log_in(page, ENTERPRISE_EMAIL)
    page.get_by_role("link", name="知识产权顾问库").click()
    page.fill("#id_field", "C03")
    page.select_option("#id_language", "en")
    page.get_by_role("button", name="筛选").click()
    expect(page.locator("#advisers a")).to_have_count(1)
    page.locator("#advisers a", has_text=ADVISER_NAME).click()
    expect(page.locator(".verified-facts")).to_contain_text("平台证书")
    expect(page.locator("main")).not_to_contain_text(ADVISER_EMAIL)

    start = timezone.localdate() + timedelta(days=3)
    page.fill("#id_topic", "石英坩埚出口前的专利布局")
    page.fill("#id_message", "我司计划向东南亚出口石英坩埚，希望了解当地专利布局和海关备案。")
    page.fill("#id_preferred_from", start.isoformat())
    page.fill("#id_preferred_to", (start + timedelta(days=7)).isoformat())
    page.get_by_role("button", name="发送咨询请求").click()
    expect(page.locator("#request-status")).to_contain_text("待顾问答复")
    expect(page.locator("#contact-hidden")).to_be_visible()

    adviser = audited_page()
    log_in(adviser, ADVISER_EMAIL)
    adviser.get_by_role("link", name="顾问咨询请求").click()
    adviser.locator("#received-requests").get_by_role("link", name="石英坩埚出口前的专利布局").click()
    expect(adviser.locator("#contact")).to_have_count(0)
    adviser.fill("#id_answer", "可以，下周三上午到贵司面谈。")
    adviser.get_by_role("button", name="接受").click()
    expect(adviser.locator("#request-status")).to_contain_text("顾问已接受")
    expect(adviser.locator("#contact")).to_contain_text(ENTERPRISE_EMAIL)

    page.reload()
    expect(page.locator("#request-status")).to_contain_text("顾问已接受")
    expect(page.locator("#contact")).to_contain_text(ADVISER_EMAIL)
    page.goto(reverse("services:inbox"))
    expect(page.locator("main")).to_contain_text(f"顾问 {ADVISER_NAME} 接受了您的咨询")


def test_an_exporter_sees_which_rights_are_recorded_and_the_checklist_for_the_rest(page):
    recordal = CustomsRecordal.objects.get()
    log_in(page, ENTERPRISE_EMAIL)
    page.get_by_role("link", name="知识产权海关备案").click()
    expect(page.locator("#recorded-rights")).to_contain_text(recordal.number)
    expect(page.locator("#recorded-rights")).to_contain_text(recordal.patent.application_number)
    expect(page.locator("#unrecorded-rights")).not_to_contain_text(recordal.patent.application_number)
    assert page.locator("#unrecorded-rights tr.unrecorded-right").count() > 0
    checklist = page.locator("#recordal-checklist")
    for step in ("权利证书", "权利人身份证明", "被许可人（合法使用人）", "网上提交申请"):
        expect(checklist).to_contain_text(step)
