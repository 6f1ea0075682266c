"""Staff import a register export with a preview and rejections; anyone finds a record by its number in three
spellings and by Chinese keywords and reads its timeline; a pledge posting is flagged once its lapse is imported;
an enterprise sees its portfolio (staff confirming a name-only match), another organisation's member does not."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts.demo import ENTERPRISE_EMAIL
from accounts.models import Organisation, User
from listings.tests.factories import FinancingNeedFactory, ListingIPFactory
from register import imports
from register.numbers import patent_check_digit
from register.organisations import portfolio
from register.tests.files import BAD_CHECK_DIGIT, PHARMA, QUARTZ, csv_file
from tests.e2e.steps import ADMIN_EMAIL, log_in, log_in_to_admin
from tests.factories import DEFAULT_PASSWORD, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)

VALID_PHARMA = [*PHARMA[:13], "有效", ""]


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


def application_number(serial):
    digits = f"20251{serial:07d}"
    return f"{digits}.{patent_check_digit(digits)}"


def test_an_enterprise_sees_its_portfolio_and_another_organisations_member_only_its_public_part(
    page, audited_page, tmp_path
):
    enterprise = Organisation.objects.get(credit_code="91320700MA1MBQ5X3R")
    header = ["申请号", "申请日", "发明名称", "申请（专利权）人", "地址", "统一社会信用代码", "IPC分类号", "法律状态"]
    address = "连云港经济技术开发区黄河路38号"
    by_code = [application_number(1), "2025-03-01", "一种碳纤维预浸料的连续制备方法", enterprise.name, address]
    by_name = [application_number(2), "2025-04-01", "一种耐高温复合材料涂层", enterprise.name, address]
    batch = imports.preview_file(
        csv_file([[*by_code, enterprise.credit_code, "C08J5/24", "审中"], [*by_name, "", "C09D5/18", "审中"]], header),
        record_kind="patent",
        source_kind="cnipa",
        user=User.objects.get(email=ADMIN_EMAIL),
    )
    imports.start_import(batch)
    assert imports.run_import(batch.pk).created_count == 2
    total = portfolio(enterprise)["patent_total"]

    # The applicant matched by credit code is the enterprise's at once; the one matched by name only waits for staff.
    log_in(page, ENTERPRISE_EMAIL)
    mine = page.locator("#register-portfolio")
    expect(mine).to_contain_text(f"专利 {total} 件")
    expect(mine).to_contain_text("一种碳纤维预浸料的连续制备方法")
    expect(mine).not_to_contain_text("一种耐高温复合材料涂层")
    mine.get_by_role("link", name=application_number(1)).click()
    expect(page.locator("#patent-fields")).to_contain_text(enterprise.name)
    page.locator("#patent-fields a", has_text=enterprise.name).click()
    expect(page.locator("h1")).to_contain_text(enterprise.name)
    expect(page.locator("#register-portfolio")).to_contain_text("一种碳纤维预浸料的连续制备方法")

    staff = audited_page()
    log_in_to_admin(staff)
    staff.goto("/admin/register/matches/")
    row = staff.locator("#register-matches tr", has_text="一种耐高温复合材料涂层")
    row.get_by_role("button", name="确认").click()
    expect(staff.locator("#register-matches")).not_to_contain_text("一种耐高温复合材料涂层")
    page.goto(reverse("accounts:dashboard"))
    expect(page.locator("#register-portfolio")).to_contain_text(f"专利 {total + 1} 件")
    expect(page.locator("#register-portfolio")).to_contain_text("一种耐高温复合材料涂层")

    # A member of another enterprise: its own dashboard holds its own (empty) portfolio, none of these records;
    # the enterprise's own page (its portfolio with its members and contacts) is its members' only.
    other = MembershipFactory(organisation=OrganisationFactory(name="连云港海韵食品有限公司"))
    stranger = audited_page()
    log_in(stranger, other.user.email, DEFAULT_PASSWORD)
    theirs = stranger.locator("#register-portfolio")
    expect(theirs).to_contain_text("专利 0 件")
    expect(theirs).not_to_contain_text("一种碳纤维预浸料的连续制备方法")
    response = stranger.goto(enterprise.get_absolute_url())
    assert response.status == 404
    expect(stranger.locator("#register-portfolio")).to_have_count(0)
    expect(stranger.locator("main")).not_to_contain_text("一种碳纤维预浸料的连续制备方法")
