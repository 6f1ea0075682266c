"""IP evaluation (知识产权评议) and the service centre in the browser: an enterprise files an evaluation
request, staff assign an institution offering evaluation, the institution accepts and delivers its report,
and the enterprise reads it; the service centre's page lists the institutions housed there and leads to
their directory pages."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from evaluations import demo
from evaluations.models import EvaluationRequest
from tests.e2e.steps import log_in, log_out

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PROJECT = "海洋生物医药产业园技术引进项目"


def open_request(page):
    page.goto("/evaluations/")
    page.get_by_role("link", name=PROJECT).click()
    expect(page.locator("h1")).to_have_text(PROJECT)


def test_an_evaluation_request_is_filed_assigned_accepted_delivered_and_read(page):
    # The enterprise files the request from its account page; a bad IPC symbol is explained first.
    log_in(page, "enterprise@demo.ip.lyg")
    page.get_by_role("link", name="知识产权评议").click()
    page.get_by_role("link", name="提交评议申请").click()
    page.fill("#id_project_name", PROJECT)
    page.fill("#id_description", "拟引进海洋生物提取工艺，申请市级重大项目立项前评议专利风险。")
    page.select_option("#id_decision", "technology_import")
    page.fill("#id_ipc_fields", "A61K; Z99Q")
    page.fill("#id_deadline", (timezone.localdate() + timedelta(days=20)).isoformat())
    page.get_by_role("button", name="提交申请").click()
    expect(page.locator("#evaluation-form")).to_contain_text("Z99Q")
    page.fill("#id_ipc_fields", "A61K; C12N 1/20")
    page.get_by_role("button", name="提交申请").click()
    expect(page.locator("#request-status")).to_contain_text("已提交，待指派")
    expect(page.locator("#field-analysis")).to_contain_text("C12N 1/20")
    assert EvaluationRequest.objects.filter(project_name=PROJECT).count() == 1
    log_out(page)

    # Staff assign the institution that offers evaluation.
    log_in(page, "operator@demo.ip.lyg")
    open_request(page)
    page.select_option("#id_institution", label=demo.INSTITUTION_NAME)
    page.get_by_role("button", name="指派", exact=True).click()
    expect(page.locator("#request-status")).to_contain_text("已指派，待机构接受")
    log_out(page)

    # The institution accepts, then delivers its report with a summary.
    log_in(page, demo.INSTITUTION_OWNER)
    open_request(page)
    page.get_by_role("button", name="接受评议").click()
    expect(page.locator("#request-status")).to_contain_text("评议中")
    page.set_input_files("#id_report", {"name": "评议报告.pdf", "mimeType": "application/pdf", "buffer": PDF})
    page.fill("#id_summary", "引进工艺的核心专利权属清晰，未发现实施障碍。")
    page.get_by_role("button", name="交付报告").click()
    expect(page.locator("#request-status")).to_contain_text("报告已交付")
    log_out(page)

    # The owner reads the summary and downloads the report, then confirms it.
    log_in(page, "enterprise@demo.ip.lyg")
    open_request(page)
    expect(page.locator("#report")).to_contain_text("未发现实施障碍")
    with page.expect_download() as download:
        page.get_by_role("link", name="下载评议报告").click()
    assert open(download.value.path(), "rb").read().startswith(b"%PDF")
    page.get_by_role("button", name="确认办结").click()
    expect(page.locator("#request-status")).to_contain_text("已办结")
    expect(page.locator("#history")).to_contain_text("交付评议报告")

    # Another enterprise cannot open it.
    record = EvaluationRequest.objects.get(project_name=PROJECT)
    log_out(page)
    log_in(page, "quartz@demo.ip.lyg")
    response = page.goto(f"/evaluations/{record.pk}/report/")
    assert response.status == 404


def test_the_service_centre_page_lists_its_institutions_and_leads_to_the_directory(page):
    page.goto("/service-centre/")
    expect(page.locator("h1")).to_have_text("连云港市知识产权服务中心")
    expect(page.locator("#centre-desk")).to_contain_text("0518-85821234")
    expect(page.locator("#centre-count")).to_contain_text("2")
    listed = page.locator("#centre-institutions li")
    expect(listed).to_have_count(2)
    page.get_by_role("link", name=demo.INSTITUTION_NAME).click()
    expect(page.locator("h1")).to_have_text(demo.INSTITUTION_NAME)
    expect(page.locator("#in-service-centre")).to_be_visible()
    page.goto("/service-centre/")
    page.get_by_role("link", name="在服务机构名录中查看全部入驻机构").click()
    expect(page).to_have_url(re.compile(r"/institutions/\?centre=on"))
    expect(page.locator("#institution-list .institution-card")).to_have_count(2)
