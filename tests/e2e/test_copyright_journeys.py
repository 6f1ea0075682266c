"""Copyright filing in the browser: a Donghai crystal company files a work with a photograph of it; the
examiner of 市文广新局 takes it into examination and asks for a correction; the company corrects it (what
it wrote is still there) and sends it again; the examiner approves it; the company downloads the
certificate; an anonymous visitor verifies the number on the public page and finds the work in the
public register of works and in the site's search."""

import re
from io import BytesIO

import pytest
from PIL import Image
from playwright.sync_api import expect

from copyrights import demo
from copyrights.models import Filing, Status
from tests.e2e.steps import log_in, log_out

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "水晶微雕《孔望山摩崖造像》"


def photograph():
    buffer = BytesIO()
    Image.new("RGB", (800, 600), (170, 200, 235)).save(buffer, format="PNG")
    return {"name": "作品照片.png", "mimeType": "image/png", "buffer": buffer.getvalue()}


def examine(page, filing, action, note=""):
    page.goto(f"/copyright/filings/{filing.pk}/")
    if note:
        page.fill("#id_note", note)
    page.locator("#examine").get_by_role("button", name=action).click()
    expect(page.locator(".alert-success")).to_contain_text(action)


def test_a_work_is_filed_corrected_registered_and_its_certificate_verified_by_number(page, audited_page):
    # The company files its work.
    log_in(page, demo.CRYSTAL_EMAIL)
    page.goto("/copyright/mine/")
    page.get_by_role("link", name="申请作品登记").first.click()
    page.fill("#id_title", TITLE)
    page.select_option("#id_work_type", "fine_art")
    page.fill("#id_authors", "王立新")
    page.fill("#id_owners", "江苏东海晶华水晶制品有限公司")
    page.fill("#id_completed_on", "2025-09-01")
    page.fill("#id_description", "以东海水晶微雕孔望山摩崖造像。")
    page.set_input_files("#id_file", photograph())
    page.check("#id_declaration")
    page.get_by_role("button", name="提交申请").click()
    expect(page.locator("#filing-status")).to_contain_text("已提交")
    filing = Filing.objects.get(title=TITLE)
    assert filing.organisation.name == "江苏东海晶华水晶制品有限公司"
    log_out(page)

    # The examiner takes it into examination and asks for a correction.
    log_in(page, demo.EXAMINER_EMAIL)
    page.goto("/copyright/examination/")
    page.locator("#queue-open").get_by_role("link", name=TITLE).click()
    examine(page, filing, "受理审查")
    examine(page, filing, "要求补正", "请在作品说明中写明创作完成的地点。")
    log_out(page)

    # The company corrects what was asked; what it wrote is still in the form.
    log_in(page, demo.CRYSTAL_EMAIL)
    page.goto(f"/copyright/filings/{filing.pk}/")
    expect(page.locator("#correction-reason")).to_contain_text("创作完成的地点")
    page.get_by_role("link", name="补正并重新提交").click()
    expect(page.locator("#id_title")).to_have_value(TITLE)
    expect(page.locator("#id_authors")).to_have_value("王立新")
    page.fill("#id_description", "以东海水晶微雕孔望山摩崖造像，于东海县牛山街道工作室完成。")
    page.get_by_role("button", name="重新提交").click()
    expect(page.locator("#filing-status")).to_contain_text("已提交")
    log_out(page)

    # The examiner approves it: the number is issued.
    log_in(page, demo.EXAMINER_EMAIL)
    examine(page, filing, "受理审查")
    examine(page, filing, "准予登记")
    filing.refresh_from_db()
    assert filing.status == Status.APPROVED
    assert filing.description.endswith("工作室完成。")
    expect(page.locator("#filing-number")).to_have_text(filing.number)
    assert re.match(r"^苏作登字-\d{4}-F-\d{8}$", filing.number)
    log_out(page)

    # The company downloads the certificate.
    log_in(page, demo.CRYSTAL_EMAIL)
    page.goto(f"/copyright/filings/{filing.pk}/")
    with page.expect_download() as download:
        page.locator("#certificate-link").click()
    with open(download.value.path(), "rb") as certificate:
        assert certificate.read(5) == b"%PDF-"

    # Anyone verifies the number and finds the work.
    visitor = audited_page()
    visitor.goto("/copyright/verify/")
    visitor.fill("#id_number", filing.number)
    visitor.get_by_role("button", name="核验").click()
    result = visitor.locator("#verify-result")
    expect(result).to_contain_text("该登记号真实有效")
    expect(result).to_contain_text(TITLE)
    expect(result).to_contain_text("江苏东海晶华水晶制品有限公司")
    expect(result).not_to_contain_text("作品照片.png")

    visitor.goto("/copyright/")
    visitor.fill("#id_q", "孔望山")
    visitor.get_by_role("button", name="检索").click()
    visitor.locator("#work-results").get_by_role("link", name=re.compile("孔望山")).click()
    expect(visitor.locator("#registration-number")).to_have_text(filing.number)
    preview = visitor.get_by_role("img", name=re.compile("作品样本预览"))
    expect(preview).to_be_visible()
    # The preview is lazily loaded: wait until the browser is done with it, then read what it decoded.
    preview.scroll_into_view_if_needed()
    visitor.wait_for_function("image => image.complete", arg=preview.element_handle())
    assert preview.evaluate("image => image.naturalWidth") == 640

    visitor.goto("/search/?q=孔望山摩崖造像")
    expect(visitor.locator("main")).to_contain_text(TITLE)
