"""Staff follow the plan's targets on the dashboard: figures counted from records with their formula, a
past "as of" day that keeps its figures, approvals, and imported figures overriding a count."""

import json
import re
from datetime import date

import pytest
from playwright.sync_api import expect

from accounts.models import User
from register.models import Trademark
from register.tests.factories import make_trademark
from services import institutions as institution_functions
from services.models import Institution
from services.statistics import institutions_in_service
from services.tests.factories import InstitutionFactory
from targets.live import RULES
from tests.e2e.steps import ADMIN_EMAIL, log_in_to_admin

# Each journey starts from the migrated data (Wagtail's root collection, reference data, indicators) again.
pytestmark = pytest.mark.django_db(transaction=True)


def institutions_cell(page):
    return page.locator("#indicator-service-institutions td").first


def chart_points(page, code):
    data = json.loads(page.locator("#targets-chart-data").text_content())
    return data[code]["points"]


def test_service_institutions_follow_approvals_live(page):
    log_in_to_admin(page)
    page.goto("/admin/targets/")
    approved = institutions_in_service().count()
    row = page.locator("#indicator-service-institutions")
    expect(row).to_contain_text("知识产权服务机构")
    expect(institutions_cell(page)).to_have_attribute("data-value", str(approved))
    expect(row.locator("td").nth(1)).to_contain_text("12")

    pending = InstitutionFactory(
        status=Institution.Status.PENDING, approved_at=None, organisation__name="连云港新海知识产权代理有限公司"
    )
    institution_functions.approve(pending, User.objects.get(email=ADMIN_EMAIL))
    page.reload()
    expect(institutions_cell(page)).to_have_attribute("data-value", str(approved + 1))

    page.locator("#indicator-service-institutions a").first.click()
    expect(page.locator("#drilldown")).to_contain_text("连云港新海知识产权代理有限公司")
    expect(page.locator("#live-rule")).to_contain_text("status = approved")


def test_an_imported_figure_overrides_the_count_in_its_year_and_shows_on_the_trend_chart(page):
    log_in_to_admin(page)
    page.goto("/admin/targets/indicators/pct-applications/?on=2016-09-30")
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

    page.goto("/admin/targets/?on=2016-09-30")
    assert chart_points(page, "pct-applications")[-1] == ["2016-09-30", 44.0]
    row = page.locator("#indicator-pct-applications")
    expect(row.locator(".target-override")).to_contain_text("人工填报（覆盖平台统计）")
    expect(row.locator(".target-override")).to_contain_text(str(User.objects.get(email=ADMIN_EMAIL)))
    expect(page.locator("#indicator-pct-applications svg").first).to_be_visible()


def figure_cell(page, code):
    return page.locator(f"#indicator-{code} td").first


def test_the_dashboard_counts_from_records_and_a_past_day_keeps_its_figures(page):
    rule = RULES["agricultural-trademarks"]
    make_trademark(date(2012, 1, 1), is_agricultural=True)
    cancelled_later = make_trademark(date(2013, 1, 1), is_agricultural=True)
    end_2015, end_2020 = rule.value(on=date(2015, 12, 31)), rule.value(on=date(2020, 12, 31))
    log_in_to_admin(page)
    page.goto("/admin/targets/")
    expect(page.locator("#counted-from-records")).to_contain_text("18 项由平台记录统计")
    row = page.locator("#indicator-agricultural-trademarks")
    expect(row.locator(".target-formula")).to_contain_text("统计日有效的农产品商标件数")
    expect(row.locator(".target-source")).to_contain_text("知识产权登记簿（商标）")

    page.fill("input[name=on]", "2015-12-31")
    page.get_by_role("button", name="筛选").click()
    expect(page).to_have_url(re.compile(r"on=2015-12-31"))
    expect(page.locator("#status-counts")).to_contain_text("2015-12-31")
    expect(figure_cell(page, "agricultural-trademarks")).to_have_attribute("data-value", str(end_2015))

    # Cancelled in 2020: the figure of 2015 stays, the end of 2020 has one fewer.
    cancelled_later.status, cancelled_later.status_since = Trademark.Status.CANCELLED, date(2020, 5, 1)
    cancelled_later.save()
    page.reload()
    expect(figure_cell(page, "agricultural-trademarks")).to_have_attribute("data-value", str(end_2015))
    page.goto("/admin/targets/?on=2020-12-31")
    expect(figure_cell(page, "agricultural-trademarks")).to_have_attribute("data-value", str(end_2020 - 1))


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
