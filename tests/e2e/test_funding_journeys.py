"""Special funds in the browser: staff publish a programme, an enterprise applies with three of its patents
(one ineligible, explained), a reviewer takes it through 受理 and 初审, is told before any click that 复核 is
another reviewer's, who approves it and publicises it, a visitor objects and the objection is dismissed,
finance records the payment after the objection period, the applicant sees every step, and the targets
dashboard's funds-paid figure moves. Then a borrower applies for the interest subsidy (贴息) on the pledge
loan its bank granted and recorded on the platform, and sees the amount the platform computed."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from funding import demo
from funding.models import Application, ItemType, Programme
from register.models import Patent
from tests.e2e.steps import log_in, log_out

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def funds_paid_on_the_dashboard(page):
    page.goto("/admin/targets/")
    cell = page.locator("#indicator-special-funds-paid td").first
    expect(cell).to_have_attribute("data-value", re.compile(r"^\d"))
    return Decimal(cell.get_attribute("data-value"))


def add_patent(page, number):
    patent = Patent.objects.get(application_number=number)
    page.select_option("#id_item_type", "invention_grant")
    page.select_option("#id_record", f"patent:{patent.pk}")
    page.get_by_role("button", name="添加并核对").click()
    expect(page.locator("#items")).to_contain_text(number)


def test_a_patent_funding_application_from_programme_to_payment(page):
    numbers = demo.patent_numbers()
    programme = Programme.objects.get(title=demo.THIS_YEAR)
    log_in(page, "admin@demo.ip.lyg")
    paid_before = funds_paid_on_the_dashboard(page)
    log_out(page)

    # Staff publish this year's programme.
    log_in(page, demo.MANAGER_EMAIL)
    page.goto("/funding/review/")
    page.locator("#queue-programmes tr", has_text=demo.THIS_YEAR).get_by_role("button", name="发布项目").click()
    expect(page.locator(".alert")).to_contain_text("项目已发布")
    log_out(page)

    # The enterprise applies with three of its patents; the one granted too long ago is explained.
    log_in(page, demo.ENTERPRISE_EMAIL)
    page.goto("/funding/")
    page.get_by_role("link", name=demo.THIS_YEAR).click()
    page.get_by_role("button", name="在线申报").click()
    for serial in (9100003, 9100004, 9100005):
        add_patent(page, numbers[serial])
    ineligible = page.locator("#items tr.ineligible")
    expect(ineligible).to_have_count(1)
    expect(ineligible).to_contain_text(numbers[9100005])
    expect(ineligible).to_contain_text("不在本项目受理的")
    page.fill("#id_title", "专利授权证书")
    page.set_input_files("#id_file", {"name": "certificates.pdf", "mimeType": "application/pdf", "buffer": PDF})
    page.get_by_role("button", name="上传").click()
    expect(page.locator("#attachments")).to_contain_text("专利授权证书")
    page.fill("#id_bank_name", "中国工商银行连云港开发区支行")
    page.fill("#id_bank_account", "1107 0200 0920 0012 999")
    page.check("#id_declaration")
    page.get_by_role("button", name="保存草稿").click()
    page.get_by_role("button", name="提交申请").click()
    expect(page.locator("#application-status")).to_contain_text("已提交")
    expect(page.locator("#requested-amount")).to_have_text("10000.00")
    application = Application.objects.get(programme=programme)
    log_out(page)

    # The programme's reviewer takes it through 受理 and 初审; 复核 is not theirs, and the page says so.
    log_in(page, demo.REVIEWER_EMAIL)
    page.goto("/funding/review/")
    page.locator("#queue").get_by_role("link", name=application.organisation.name).first.click()
    for step, status in (("受理", "已受理"), ("初审通过", "初审通过")):
        page.locator("#review").get_by_role("button", name=step).click()
        expect(page.locator("#application-status")).to_contain_text(status)
    expect(page.locator("#approve-refusal")).to_contain_text("四眼原则")
    expect(page.locator("#review").get_by_role("button", name="复核通过")).to_have_count(0)
    log_out(page)

    # A second reviewer takes 复核 and publicises it.
    log_in(page, demo.CHECKER_EMAIL)
    page.goto(application.get_absolute_url())
    page.locator("#review").get_by_role("button", name="复核通过").click()
    expect(page.locator("#application-status")).to_contain_text("复核通过")
    expect(page.locator("#approved-amount")).to_have_text("10000.00")
    page.goto(f"/funding/programmes/{programme.pk}/publicise/")
    page.fill("#id_title", "本年度专利资助拟资助名单公示（第一批）")
    page.get_by_label(str(application)).check()
    page.get_by_role("button", name="发布公示").click()
    expect(page.locator("h1")).to_have_text("本年度专利资助拟资助名单公示（第一批）")
    notice_url = page.url
    log_out(page)

    # Anyone may object during the period, with a reason.
    page.goto(notice_url)
    row = page.locator("#notice tr", has_text=application.organisation.name)
    expect(row).to_contain_text(numbers[9100003])
    expect(row).not_to_contain_text(numbers[9100005])
    row.locator("summary").click()
    row.get_by_label("姓名").fill("赵先生")
    row.get_by_label("联系方式").fill("13800000000")
    row.get_by_label("异议理由").fill("其中一件专利是否仍由该公司持有存疑")
    row.get_by_role("button", name="提交异议").click()
    expect(page.locator(".alert")).to_contain_text("您的异议已登记")

    # The manager looks into it and dismisses it.
    log_in(page, demo.MANAGER_EMAIL)
    page.goto("/funding/review/")
    page.locator("#open-objections").get_by_role("link", name=application.organisation.name).click()
    page.get_by_label("处理意见").fill("经核对登记簿，两件专利均由该公司持有且有效，异议不成立。")
    page.get_by_role("button", name="异议不成立").click()
    expect(page.locator(".objection")).to_contain_text("异议不成立")
    log_out(page)

    # After the objection period, finance records the payment; the applicant sees every step.
    with time_machine.travel(timezone.now() + timedelta(days=programme.objection_days + 1), tick=True):
        log_in(page, demo.FINANCE_EMAIL)
        page.goto(application.get_absolute_url())
        page.get_by_role("button", name="登记拨付").click()
        expect(page.locator("#application-status")).to_contain_text("已拨付")
        log_out(page)

        log_in(page, demo.ENTERPRISE_EMAIL)
        page.goto("/funding/applications/")
        page.locator("#my-applications").get_by_role("link", name=demo.THIS_YEAR).click()
        events = page.locator("#events")
        for step in ("提交申请", "受理", "初审通过", "复核通过", "公示", "收到公示异议", "异议不成立", "拨付"):
            expect(events).to_contain_text(step)
        log_out(page)

        log_in(page, "admin@demo.ip.lyg")
        assert funds_paid_on_the_dashboard(page) == paid_before + Decimal("10000")


def test_a_borrower_applies_for_the_interest_subsidy_the_platform_computes_from_the_lenders_facts(page):
    case = demo.loan_case()
    programme = Programme.objects.get(title=demo.LOAN_PROGRAMME)

    # The borrower reads the facts its bank recorded on the financing case, and cannot change them.
    log_in(page, demo.BORROWER_EMAIL)
    page.goto(f"/listings/cases/{case.pk}/")
    expect(page.locator("#loan-facts")).to_contain_text("7000000.00")
    expect(page.locator("#loan-facts")).to_contain_text("利息回单")
    expect(page.locator("#loan-form")).to_have_count(0)

    # It applies with the loan: 18 paid days × 7,000,000 × 4.35% ÷ 360 = 15,225.00 of interest, half of it.
    page.goto("/funding/")
    page.get_by_role("link", name=demo.LOAN_PROGRAMME).click()
    expect(page.locator("#rules")).to_contain_text("50.00%")
    page.get_by_role("button", name="在线申报").click()
    page.select_option("#id_item_type", ItemType.LOAN_INTEREST.value)
    page.select_option("#id_record", f"loan:{case.loan.pk}")
    page.get_by_role("button", name="添加并核对").click()
    row = page.locator("#items tr.eligible")
    expect(row).to_contain_text("7612.50")
    expect(row.locator(".item-basis")).to_contain_text("共 18 天，已付利息 15225.00 元")
    page.fill("#id_bank_name", "江苏银行连云港分行")
    page.fill("#id_bank_account", "3201 0000 0000 7788")
    page.check("#id_declaration")
    page.get_by_role("button", name="保存草稿").click()
    page.get_by_role("button", name="提交申请").click()
    expect(page.locator("#application-status")).to_contain_text("已提交")
    expect(page.locator("#requested-amount")).to_have_text("7612.50")
    application = Application.objects.get(programme=programme)
    log_out(page)

    # The programme's reviewer reads the lender's facts beside the amount.
    log_in(page, demo.REVIEWER_EMAIL)
    page.goto(application.get_absolute_url())
    expect(page.locator("#loan-facts")).to_contain_text("7000000.00")
    expect(page.locator("#loan-facts")).to_contain_text("4.3500")
