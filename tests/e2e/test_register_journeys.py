"""Staff import a register export with a preview and rejections; anyone finds a record by its number in three
spellings and by Chinese keywords and reads its timeline; a pledge posting is flagged once its lapse is imported."""

import pytest
from playwright.sync_api import expect

from accounts.models import Organisation
from listings.tests.factories import FinancingNeedFactory, ListingIPFactory
from register.tests.files import BAD_CHECK_DIGIT, PHARMA, QUARTZ, csv_file

pytestmark = pytest.mark.django_db(transaction=True)

STAFF_EMAIL, PASSWORD = "admin@demo.ip.lyg", "demo-ip-2014"
VALID_PHARMA = [*PHARMA[:13], "有效", ""]


def log_in_to_admin(page):
    page.goto("/admin/login/")
    page.fill("input[name=username]", STAFF_EMAIL)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url("/admin/")


def upload(page, tmp_path, name, rows):
    path = tmp_path / name
    path.write_bytes(csv_file(rows).read())
    page.goto("/admin/register/import/")
    page.select_option("select[name=record_kind]", "patent")
    page.select_option("select[name=source_kind]", "cnipa")
    page.set_input_files("input[name=file]", str(path))
    page.get_by_role("button", name="上传并预览").click()


def import_previewed(page):
    page.locator("form[action$='/start/'] button").click()
    expect(page.locator("#import-report")).to_be_visible(timeout=30_000)


def test_an_imported_record_is_found_opened_and_keeps_a_pledge_posting_true(page, tmp_path):
    enterprise = Organisation.objects.get(credit_code="91320700MA1MBQ5X3R")
    pledge = ListingIPFactory(
        listing=FinancingNeedFactory(organisation=enterprise, title="以抗肿瘤药物专利质押融资"),
        number="201410123456.7",
    )
    log_in_to_admin(page)

    upload(page, tmp_path, "export.csv", [QUARTZ, BAD_CHECK_DIGIT, VALID_PHARMA])
    expect(page.locator("#import-mapping")).to_contain_text("申请（专利权）人")
    expect(page.locator("#batch-counts")).to_contain_text("2 行可导入，1 行将被拒绝")
    expect(page.locator("#import-rejections")).to_contain_text("校验位应为")
    import_previewed(page)
    expect(page.locator("#import-report")).to_contain_text("新增 2 件")

    for written in ("CN201310123456.2", "ZL 2013 1 0123456.2", "2013101234562"):
        page.goto("/register/")
        page.fill("#register-search-form input[name=q]", written)
        page.get_by_role("button", name="检索", exact=True).click()
        results = page.locator("#register-results")
        expect(results).to_contain_text("一种高纯石英砂的提纯方法")
        assert results.locator("li").count() == 1, results.inner_text()
    page.goto("/register/")
    page.fill("#register-search-form input[name=q]", "抗肿瘤 药物")
    page.get_by_role("button", name="检索", exact=True).click()
    page.locator("#register-results a", has_text="一种抗肿瘤药物组合物及其制备方法").click()
    expect(page.locator("#patent-timeline")).to_contain_text("2014-05-20")
    expect(page.locator("#patent-status")).to_have_text("有效")

    page.goto(pledge.listing.get_absolute_url())
    expect(page.locator("#ip-records")).to_contain_text("登记簿：有效")
    expect(page.locator(".register-flag")).to_have_count(0)

    upload(page, tmp_path, "lapse.csv", [PHARMA])
    import_previewed(page)
    page.goto(pledge.listing.get_absolute_url())
    expect(page.locator(".register-flag")).to_contain_text("已不再有效")
    page.locator("#ip-records a", has_text="201410123456.7").click()
    expect(page.locator("#patent-timeline")).to_contain_text("未缴年费终止")
