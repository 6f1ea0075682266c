"""Staff follow the plan's targets on the dashboard: live institution count, approvals, manual imports."""

import json

import pytest
from playwright.sync_api import expect

from accounts.models import User
from services import institutions as institution_functions
from services.models import Institution
from services.tests.factories import InstitutionFactory

# Each journey starts from the migrated data (Wagtail's root collection, reference data, indicators) again.
pytestmark = pytest.mark.django_db(transaction=True)

STAFF_EMAIL, PASSWORD = "admin@demo.ip.lyg", "demo-ip-2014"


def log_in_to_admin(page):
    page.goto("/admin/login/")
    page.fill("input[name=username]", STAFF_EMAIL)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url("/admin/")


def institutions_cell(page):
    return page.locator("#indicator-service-institutions td").first


def chart_points(page, code):
    data = json.loads(page.locator("#targets-chart-data").text_content())
    return data[code]["points"]


def test_service_institutions_follow_approvals_live(page):
    log_in_to_admin(page)
    page.goto("/admin/targets/")
    approved = Institution.objects.public().count()
    row = page.locator("#indicator-service-institutions")
    expect(row).to_contain_text("知识产权服务机构")
    expect(institutions_cell(page)).to_have_attribute("data-value", str(approved))
    expect(row.locator("td").nth(1)).to_contain_text("12")

    pending = InstitutionFactory(
        status=Institution.Status.PENDING, approved_at=None, organisation__name="连云港新海知识产权代理有限公司"
    )
    institution_functions.approve(pending, User.objects.get(email=STAFF_EMAIL))
    page.reload()
    expect(institutions_cell(page)).to_have_attribute("data-value", str(approved + 1))

    page.locator("#indicator-service-institutions a").first.click()
    expect(page.locator("#drilldown")).to_contain_text("连云港新海知识产权代理有限公司")
    expect(page.locator("#live-rule")).to_contain_text("status = approved")


def test_importing_manual_figures_updates_the_trend_chart(page):
    log_in_to_admin(page)
    page.goto("/admin/targets/indicators/pct-applications/")
    assert ["2016-09-30", 44.0] not in chart_points(page, "pct-applications")

    page.goto("/admin/targets/import/")
    csv = "指标代码,统计日期,数值,县区,数据来源说明\r\npct-applications,2016-09-30,44,,市科技局季度统计\r\n"
    page.set_input_files(
        "input[name=file]", files=[{"name": "2016Q3.csv", "mimeType": "text/csv", "buffer": csv.encode("utf-8")}]
    )
    page.get_by_role("button", name="上传并预览").click()
    expect(page.locator("#import-rows")).to_contain_text("PCT国际专利申请量")
    page.get_by_role("button", name="确认导入").click()
    expect(page.locator(".messages")).to_contain_text("已导入 1 条数据")

    page.goto("/admin/targets/")
    assert chart_points(page, "pct-applications")[-1] == ["2016-09-30", 44.0]
    expect(page.locator("#indicator-pct-applications svg").first).to_be_visible()


def test_a_bad_import_is_refused_row_by_row(page):
    log_in_to_admin(page)
    page.goto("/admin/targets/import/")
    csv = "指标代码,统计日期,数值,县区,数据来源说明\r\npct-applications,2016-09-30,abc,,x\r\n"
    page.set_input_files(
        "input[name=file]", files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": csv.encode()}]
    )
    page.get_by_role("button", name="上传并预览").click()
    expect(page.locator("#import-errors")).to_contain_text("第 2 行")
    expect(page.get_by_role("button", name="确认导入")).to_have_count(0)
