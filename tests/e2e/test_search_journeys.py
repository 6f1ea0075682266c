"""Browser journey: search in Chinese, narrow by a facet, open a result."""

import re

import pytest
from playwright.sync_api import expect

from search.backends import embedded_backend
from search.tests.corpus import corpus_docs


@pytest.fixture
def searchable(settings, page):
    # The corpus goes straight into the embedded backend the live server searches; the demo pages are
    # indexed by the outbox when load_demo publishes them.
    settings.ELASTICSEARCH_URL = ""
    embedded_backend().index(corpus_docs())
    return page


def test_search_in_chinese_narrow_by_a_facet_and_open_a_result(searchable):
    page = searchable
    page.goto("/")
    box = page.get_by_role("search").get_by_placeholder("站内搜索")
    box.fill("质押")
    expect(page.locator(".site-search .search-suggestions li").first).to_be_visible()
    box.fill("质押融资")
    box.press("Enter")

    expect(page).to_have_url(re.compile(r"/search/\?q="))
    expect(page.locator(".search-total")).to_contain_text("质押融资")
    expect(page.locator(".search-hit mark").first).to_be_visible()
    expect(page.locator(".search-type", has_text="融资信息").first).to_be_visible()

    page.locator("[data-facet=type] a", has_text="融资信息").click()
    expect(page).to_have_url(re.compile(r"type="))
    types = page.locator(".search-hit .search-type").all_inner_texts()
    assert types and set(types) == {"融资信息"}
    expect(page.locator(".search-hit").first).to_contain_text("地区")

    page.locator("[data-facet=type] a", has_text="融资信息").click()  # remove the filter again
    page.locator("[data-facet=type] a", has_text="其他页面").click()
    result = page.locator(".search-hit h2 a").first
    expect(result).to_be_visible()
    result.click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("h1").first).to_be_visible()


def test_a_misspelt_query_offers_did_you_mean(searchable):
    page = searchable
    page.goto("/search/?q=专历代理")
    suggestion = page.locator(".did-you-mean a")
    expect(suggestion).to_have_text("专利代理")
    suggestion.click()
    expect(page.locator(".search-hit").first).to_contain_text("专利代理")


def test_the_directory_searches_in_chinese_narrows_by_district_and_opens_an_institution(page):
    """A listing page uses the same search: a word only in an offering's title finds its institution."""
    page.goto("/institutions/")
    filters = page.locator("#directory-filters")
    filters.get_by_label("关键词").fill("无效宣告")
    filters.get_by_role("button", name="筛选").click()

    expect(page).to_have_url(re.compile(r"q=%E6%97%A0%E6%95%88"))
    cards = page.locator(".institution-card")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("连云港港城专利代理事务所")

    filters.get_by_label("关键词").fill("知识产权")
    filters.get_by_label("所在县区").select_option(label="海州区")
    filters.get_by_role("button", name="筛选").click()
    expect(page).to_have_url(re.compile(r"district=haizhou"))
    expect(cards.first).to_be_visible()
    assert all("海州区" in text for text in page.locator(".institution-card h2 + .small").all_inner_texts())
    expect(page.locator(".institution-card h2 mark").first).to_have_text("知识产权")

    name = cards.first.locator("h2").inner_text()
    cards.first.locator("h2 a").click()
    expect(page).to_have_url(re.compile(r"/institutions/\d+/$"))
    expect(page.locator("h1")).to_have_text(name)
