"""Buttons for people who may press them: each kind of user sees the actions open to them, and is told why
not before the click where an action is closed to them (never a 403 after it)."""

from playwright.sync_api import expect

from services.models import Offering
from tests.e2e.steps import log_in


def test_an_institution_is_told_why_it_cannot_order_or_request_assistance_and_an_enterprise_can(page):
    offering = Offering.objects.get(
        title="专利查新检索报告", institution__organisation__name="连云港港城专利代理事务所（普通合伙）"
    )
    other = Offering.objects.public().exclude(institution=offering.institution).first()

    page.goto("/listings/")
    expect(page.locator("#login-to-post")).to_be_visible()
    page.goto("/rights/")
    expect(page.get_by_role("link", name="登录后申请援助")).to_be_visible()

    log_in(page, "institution@demo.ip.lyg")
    page.goto(f"/institutions/offerings/{other.pk}/")
    expect(page.locator("#engage-refusal")).to_have_text("只有企业用户可以咨询和下单。")
    expect(page.get_by_role("link", name="立即下单")).to_have_count(0)
    page.goto("/rights/")
    expect(page.locator("#assistance-refusal")).to_contain_text("维权援助申请须以企业身份提交")
    expect(page.get_by_role("link", name="申请援助", exact=True)).to_have_count(0)
    page.goto("/accounts/logout/")
    page.locator("main form button[type=submit]").first.click()

    log_in(page, "enterprise@demo.ip.lyg")
    page.goto(f"/institutions/offerings/{offering.pk}/")
    expect(page.get_by_role("link", name="立即下单")).to_be_visible()
    expect(page.locator("#engage-refusal")).to_have_count(0)
    page.goto("/rights/")
    expect(page.get_by_role("link", name="申请援助", exact=True)).to_be_visible()
