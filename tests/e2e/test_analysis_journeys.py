"""Patent analysis and early warning in the browser: an analyst defines a watch on a field with a competitor,
an import of the competitor's new filing trips a warning, the drafted report is opened in the admin and
published, and the analyst is told both times; anyone reads the analysis page's tables and downloads them."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from analysis.models import Watch, WatchNotice
from register.numbers import patent_check_digit
from register.tests.files import PATENT_HEADER, csv_file
from tests.e2e.steps import log_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True)

RIVAL = "江苏预警测试竞争者有限公司"


def rival_filing():
    filed = timezone.localdate() - timedelta(days=20)
    digits = f"{filed.year}1{9_100_001:07d}"
    return [f"CN{digits}.{patent_check_digit(digits)}", filed.isoformat(), "", "", "", "一种石英坩埚涂层", "", RIVAL]


def test_an_import_trips_a_watch_whose_report_is_drafted_published_and_told(page, tmp_path, mailoutbox):
    log_in_to_admin(page)
    page.goto(reverse("analysis:watch_new"))
    page.fill("input[name=name]", "石英坩埚预警")
    page.fill("input[name=ipc_classes]", "C03B")
    page.fill("textarea[name=competitors]", RIVAL)
    page.fill("input[name=filings_threshold]", "1")
    page.get_by_role("button", name="创建").click()
    expect(page.locator(".alert")).to_contain_text("已创建预警监测")
    watch = Watch.objects.get(name="石英坩埚预警")

    path = tmp_path / "new.csv"
    row = [*rival_filing(), "江苏省南京市玄武区1号", "张三", "C03B20/00", "", "", "", ""]
    path.write_bytes(csv_file([row], PATENT_HEADER).read())
    page.goto("/admin/register/import/")
    page.select_option("select[name=record_kind]", "patent")
    page.select_option("select[name=source_kind]", "cnipa")
    page.set_input_files("input[name=file]", str(path))
    page.get_by_role("button", name="上传并预览").click()
    page.locator("form[action$='/start/'] button").click()
    expect(page.locator("#import-report")).to_contain_text("新增 1 件", timeout=30_000)

    page.goto(reverse("analysis:watches"))
    expect(page.locator("#watch-notices")).to_contain_text("预警报告已起草")
    page.goto(watch.get_absolute_url())
    reports = page.locator("#watch-reports")
    expect(reports).to_contain_text(RIVAL)
    expect(reports).to_contain_text("草稿，待编辑发布")
    reports.get_by_role("link", name="在后台编辑").click()
    month = timezone.localdate().strftime("%Y-%m")
    expect(page.locator("#id_title")).to_have_value(f"石英坩埚预警专利预警（{month}）")
    # Wagtail's publish action sits in the footer's dropdown menu.
    page.locator("button[name=action-publish]").evaluate("button => button.click()")
    expect(page.locator(".messages")).to_contain_text("已经发布", timeout=30_000)

    page.goto(reverse("analysis:watches"))
    expect(page.locator("#watch-notices")).to_contain_text("预警报告已发布")
    report = watch.reports.get()
    assert report.page.live
    assert set(WatchNotice.objects.filter(report=report).values_list("kind", flat=True)) == {"drafted", "published"}
    assert any("预警报告已发布" in message.subject for message in mailoutbox)
    page.goto(report.page.url)
    expect(page.locator(".report-body")).to_contain_text("触发的预警指标")
    expect(page.locator(".report-body")).to_contain_text(RIVAL)


def test_the_analysis_page_shows_its_tables_and_downloads_them(page):
    page.goto(reverse("analysis:analysis"))
    expect(page.locator("#analysis-total")).to_contain_text("件专利")
    expect(page.locator("#table-filings tbody tr").first).to_be_visible()
    expect(page.locator("#figure-filings [data-chart] svg")).to_be_attached()
    expect(page.locator("#table-applicants tbody tr").first).to_be_visible()
    with page.expect_download() as download_info:
        page.locator("#analysis-export").click()
    workbook = load_workbook(io.BytesIO(download_info.value.path().read_bytes()))
    assert "申请量（按申请年份、类型）" in workbook.sheetnames
