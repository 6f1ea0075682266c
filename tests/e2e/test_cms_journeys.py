"""The knowledge platform in a browser: the policy library, the seed policy page, news and the home page."""

import re

from playwright.sync_api import expect


def test_policy_library_filtered_by_validity_and_agency_and_paged(page):
    page.goto("/")
    page.locator("nav").get_by_role("link", name="政策法规").click()
    expect(page.locator("h1")).to_have_text("政策法规")
    items = page.locator(".policy-item")
    expect(items).to_have_count(10)
    expect(page.locator(".pagination")).to_contain_text("2")

    first_page_titles = items.locator("h2 a").all_inner_texts()
    page.locator(".pagination").get_by_role("link", name="2", exact=True).click()
    expect(page.locator(".pagination .active")).to_have_text("2")
    expect(items).not_to_have_count(0)
    assert not set(items.locator("h2 a").all_inner_texts()) & set(first_page_titles)

    page.select_option("select[name=validity]", label="失效")
    page.get_by_role("button", name="筛选").click()
    expect(page).to_have_url(re.compile(r"validity=invalid"))
    for badge in page.locator(".policy-item .validity-badge").all():
        expect(badge).to_have_text("失效")
    expect(page.locator(".policy-list")).to_contain_text("市政府关于印发连云港市国家知识产权试点城市建设实施方案")

    page.select_option("select[name=validity]", label="全部")
    page.select_option("select[name=agency]", label="连云港市科学技术局")
    page.get_by_role("button", name="筛选").click()
    expect(items).to_have_count(2)
    for item in items.all():
        expect(item).to_contain_text("连云港市科学技术局")


def test_invalid_filter_shows_a_message_not_an_error(page):
    page.goto("/policies/?year=abc")
    expect(page.locator("main")).to_contain_text("部分筛选条件无效，已忽略")
    expect(page.locator(".policy-item")).to_have_count(10)


def test_seed_policy_page_metadata_banner_and_attachment(page):
    page.goto("/policies/?q=连政发〔2014〕114号")
    page.get_by_role("link", name="市政府关于印发连云港市国家知识产权试点城市建设实施方案(2014-2016年)的通知").click()

    metadata = page.locator(".policy-metadata")
    expect(metadata.locator("[data-field=index_number]")).to_have_text("k12498411/2014-00143")
    expect(metadata.locator("[data-field=issuing_agency]")).to_have_text("连云港市人民政府")
    expect(metadata.locator("[data-field=issue_date]")).to_have_text("2014-11-11")
    expect(metadata.locator("[data-field=document_number]")).to_have_text("连政发〔2014〕114号")
    expect(metadata.locator("[data-field=validity]")).to_have_text("失效")
    banner = page.locator(".validity-banner")
    expect(banner).to_contain_text("此文件已宣布失效")
    expect(banner).to_contain_text("《连云港市人民政府关于宣布废止失效一批市政府文件的决定》(连政发〔2018〕11号)")
    expect(page.get_by_role("heading", name="一、总体要求")).to_be_visible()
    expect(page.get_by_role("heading", name="(五)促进知识产权服务业发展")).to_be_visible()
    expect(page.locator(".breadcrumb")).to_contain_text("政策法规")

    with page.expect_download() as download_info:
        page.locator("#downloads-heading + ul a").first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as downloaded:
        assert downloaded.read(4) == b"%PDF"


def test_seed_policy_page_has_no_portal_leftovers_and_says_each_thing_once(page):
    page.goto("/policies/?q=连政发〔2014〕114号")
    page.get_by_role("link", name="市政府关于印发连云港市国家知识产权试点城市建设实施方案(2014-2016年)的通知").click()

    expect(page.locator("main")).not_to_contain_text("扫一扫打开当前页")
    banner = page.locator(".validity-banner")
    expect(banner).to_contain_text("连政发〔2018〕11号")
    assert banner.inner_text().count("连政发〔2018〕11号") == 1
    attachment = page.locator(".policy-body .attachment a")
    expect(attachment).to_have_text("下载附件：连云港市国家知识产权试点城市建设实施方案(2014-2016年)")
    crumbs = page.locator(".breadcrumb")
    crumbs.get_by_role("link", name="失效文件").click()
    expect(page).to_have_url(re.compile(r"/policies/\?validity=invalid$"))
    expect(page.locator("main")).to_contain_text("市政府关于印发连云港市国家知识产权试点城市建设实施方案")


def test_news_list_category_and_feed(page):
    page.goto("/news/")
    expect(page.locator("h1")).to_have_text("新闻动态")
    expect(page.locator(".news-item")).to_have_count(8)
    page.locator(".nav-pills").get_by_role("link", name="通知公告").click()
    expect(page.locator(".news-item")).to_have_count(3)
    for item in page.locator(".news-item").all():
        expect(item).to_contain_text("通知公告")

    page.locator(".news-item a").first.click()
    expect(page.locator(".breadcrumb")).to_contain_text("新闻动态")

    feed = page.request.get("/news/rss/")
    assert feed.ok
    assert "我市首笔专利权质押贷款成功发放" in feed.text()


def test_home_page_shows_latest_policies_and_news(page):
    page.goto("/")
    expect(page.locator("#latest-policies li")).to_have_count(5)
    expect(page.locator("#latest-policies")).to_contain_text("连云港市专利资助与奖励办法")
    expect(page.locator("#latest-news")).to_contain_text("东海水晶地理标志商标助力产业发展")
    expect(page.locator("#latest-notices")).to_contain_text("关于公布2016年知识产权管理标准化示范企业名单的通知")
    expect(page.locator(".figure-policies")).to_contain_text("现行有效政策")
    page.locator("#latest-policies").get_by_role("link", name="更多").click()
    expect(page.locator("h1")).to_have_text("政策法规")


def test_early_warning_report_from_the_patent_information_section(page):
    page.goto("/")
    page.locator("nav").get_by_role("link", name="专利信息").click()
    page.select_option("select[name=kind]", label="预警分析报告")
    page.get_by_role("button", name="筛选").click()
    expect(page.locator(".patent-info-item")).to_have_count(2)
    page.get_by_role("link", name="连云港市新材料产业专利预警分析报告(2016)").click()
    expect(page.locator(".report-metadata")).to_contain_text("新材料")
    expect(page.locator(".findings")).to_contain_text("碳纤维")
    expect(page.get_by_role("link", name="下载报告全文")).to_be_visible()
