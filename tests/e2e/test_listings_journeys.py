"""Browser journeys through transaction and pledge-financing postings, on the demo data."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from listings.models import Listing
from listings.postings import approve_listing
from listings.statistics import transaction_deals
from search.indexing import catch_up
from tests.e2e.steps import log_in_afresh

ENTERPRISE = "enterprise@demo.ip.lyg"


def test_patent_licence_offer_from_posting_to_a_counted_deal(page, screenshot_dir):
    deals_before = transaction_deals().count()

    # An enterprise posts a patent licence offer; a wrong patent number is refused and nothing typed is lost.
    log_in_afresh(page, ENTERPRISE)
    page.goto("/listings/")
    page.get_by_role("link", name="发布交易信息").click()
    page.check("input[name=direction][value=offer]")
    page.select_option("select[name=kind]", label="专利独占许可")
    page.fill("input[name=title]", "碳纤维拉挤板材成型工艺专利独占许可")
    page.fill("textarea[name=description]", "用于风电叶片主梁的碳纤维拉挤板材连续成型工艺，良品率98%。")
    page.select_option("select[name=industry]", label="新材料")
    page.fill("input[name=ipc_class]", "B29C 70/52")
    page.select_option("select[name=price_kind]", label="定价")
    page.fill("input[name=price_min]", "95")
    page.check("input[name=show_phone]")
    page.fill("input[name=ip-0-number]", "ZL201810987654.5")
    page.fill("input[name=ip-0-title]", "一种碳纤维拉挤板材的成型方法")
    page.fill("input[name=ip-0-owner_name]", "连云港恒瑞新材料科技有限公司")
    page.get_by_role("button", name="保存并提交审核").click()
    expect(page.locator("#ip-formset")).to_contain_text("校验位应为 6")
    expect(page.locator("input[name=title]")).to_have_value("碳纤维拉挤板材成型工艺专利独占许可")
    page.fill("input[name=ip-0-number]", "ZL201810987654.6")
    page.get_by_role("button", name="保存并提交审核").click()
    expect(page.locator("#listing-status")).to_have_text("待审核")
    listing = Listing.objects.get(title="碳纤维拉挤板材成型工艺专利独占许可")
    assert listing.ip_records.get().number == "201810987654.6"

    # Not public before review.
    page.goto("/listings/transactions/?q=拉挤板材")
    expect(page.locator("#listing-results")).not_to_contain_text("拉挤板材")

    # Staff publish it from the review queue in the admin.
    log_in_afresh(page, "admin@demo.ip.lyg")
    page.goto("/admin/listings/review/")
    page.get_by_role("link", name="碳纤维拉挤板材成型工艺专利独占许可").click()
    page.locator("#approve").click()
    expect(page.locator("#review-queue")).not_to_contain_text("拉挤板材")

    # A visitor finds it through the filters (which read the index) and expresses interest.
    assert catch_up() == 0
    log_in_afresh(page, "institution@demo.ip.lyg")
    page.goto("/listings/transactions/")
    page.select_option("select[name=kind]", label="专利独占许可")
    page.select_option("select[name=industry]", label="新材料")
    page.fill("input[name=q]", "拉挤")
    page.get_by_role("button", name="筛选").click()
    page.get_by_role("link", name="碳纤维拉挤板材成型工艺专利独占许可").click()
    expect(page.locator("#contact")).to_contain_text("0518-85661234")
    expect(page.locator("#ip-records")).to_contain_text("ZL201810987654.6")
    page.fill("textarea[name=message]", "我所客户连云港某风电叶片企业对拉挤板材工艺有意独占许可，请联系洽谈许可费。")
    page.get_by_role("button", name="发送意向").click()
    expect(page.locator("#interest")).to_contain_text("等待对方回复")

    # The owner answers from the dashboard and closes the posting as a deal.
    log_in_afresh(page, ENTERPRISE)
    page.goto("/listings/mine/")
    received = page.locator("#received-interests")
    expect(received).to_contain_text("对拉挤板材工艺有意独占许可")
    deal_count_before = int(page.locator("#owner-deal-count").inner_text())
    interest = received.locator(".interest", has_text="对拉挤板材工艺有意独占许可")
    interest.locator("textarea[name=reply]").fill("欢迎洽谈，请于工作日来电。")
    interest.get_by_role("button", name="回复").click()
    expect(page.locator("#received-interests")).to_contain_text("已回复：欢迎洽谈")
    page.locator("#my-listings").get_by_role("link", name="碳纤维拉挤板材成型工艺专利独占许可").click()
    page.get_by_role("link", name="登记成交").click()
    page.fill("input[name=counterparty_name]", "连云港中复连众复合材料集团有限公司")
    page.fill("input[name=amount]", "95")
    page.fill("input[name=deal_date]", timezone.localdate().isoformat())
    page.get_by_role("button", name="确认成交").click()
    expect(page.locator("#listing-status")).to_have_text("已成交")
    expect(page.locator("#deal-record")).to_contain_text("连云港中复连众复合材料集团有限公司")

    # The deal counts on the owner's dashboard and in the public figures.
    page.goto("/listings/mine/")
    expect(page.locator("#owner-deal-count")).to_have_text(str(deal_count_before + 1))
    page.goto("/listings/")
    expect(page.locator("#figure-transaction-count")).to_have_text(str(deals_before + 1))
    page.screenshot(path=str(screenshot_dir / "listings.png"), full_page=True)


def test_financing_need_is_matched_to_a_fitting_product_and_followed_by_the_lender(page):
    log_in_afresh(page, ENTERPRISE)
    page.goto("/listings/new/financing_need/")
    page.fill("input[name=title]", "以拉挤工艺专利质押融资400万元")
    page.fill("textarea[name=description]", "公司为高新技术企业，拟以发明专利质押申请贷款。")
    page.select_option("select[name=industry]", label="新材料")
    page.fill("input[name=amount]", "400")
    page.fill("input[name=term_months]", "12")
    page.fill("textarea[name=purpose]", "采购拉挤生产线。")
    page.fill("input[name=valid_until]", (timezone.localdate() + timedelta(days=90)).isoformat())
    page.fill("input[name=ip-0-number]", "201810987654.6")
    page.fill("input[name=ip-0-title]", "一种碳纤维拉挤板材的成型方法")
    page.fill("input[name=ip-0-owner_name]", "连云港恒瑞新材料科技有限公司")
    page.get_by_role("button", name="保存并提交审核").click()
    expect(page.locator("#listing-status")).to_have_text("待审核")

    # Publication by staff is the journey above; here it is done directly.
    need = Listing.objects.get(title="以拉挤工艺专利质押融资400万元")
    approve_listing(need, User.objects.get(email="admin@demo.ip.lyg"))

    page.reload()
    matches = page.locator("#matches")
    expect(matches).to_contain_text("苏科贷·知识产权质押贷款")
    # The trademark-only product does not fit a patent pledge.
    expect(matches).not_to_contain_text("商标专用权质押快贷")

    # The lender sees the need fits its product, takes it up and records the valuation.
    log_in_afresh(page, "bank@demo.ip.lyg")
    page.goto("/listings/financing/?section=financing_product")
    page.get_by_role("link", name="苏科贷·知识产权质押贷款").click()
    expect(page.locator("#matches")).to_contain_text("以拉挤工艺专利质押融资400万元")
    page.get_by_role("link", name="以拉挤工艺专利质押融资400万元").click()
    page.select_option("select[name=product]", label="苏科贷·知识产权质押贷款")
    page.get_by_role("button", name="受理该融资需求").click()
    expect(page.locator("#case-stages")).to_contain_text("贷款申请")
    page.fill("textarea[name=note]", "已委托评估机构出具评估报告。")
    page.get_by_role("button", name="登记", exact=True).click()

    # The enterprise sees where its loan stands.
    log_in_afresh(page, ENTERPRISE)
    page.goto(need.get_absolute_url())
    expect(page.locator("#listing-status")).to_have_text("洽谈中")
    page.locator("#financing-cases").get_by_role("link", name="江苏银行股份有限公司连云港分行").click()
    stages = page.locator("#case-stages")
    expect(stages.locator("li.list-group-item-success")).to_have_count(2)
    expect(stages).to_contain_text("已委托评估机构出具评估报告")
    expect(stages).to_contain_text(timezone.localdate().strftime("%Y-%m-%d"))
