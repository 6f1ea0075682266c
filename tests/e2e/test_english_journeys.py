"""The site in English: no Chinese text or full-width punctuation outside what users wrote.

User-written text (titles, names, descriptions) sits in elements marked lang="zh", which is also what a
screen reader needs to read it in the right voice; everything else is the interface and must be English."""

import re

from playwright.sync_api import expect

# Han characters, CJK punctuation (、。《》「」…) and full-width forms (，：；（）…).
VISIBLE_CHINESE = r"""() => {
  const found = [];
  const chinese = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    if (!chinese.test(walker.currentNode.textContent)) continue;
    if (element.closest('[lang="zh"], script, style') || !element.checkVisibility()) continue;
    found.push(walker.currentNode.textContent.trim().slice(0, 60));
  }
  return found;
}"""

PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/listings/transactions/",
    "/listings/financing/",
    "/targets/",
]


def test_main_pages_in_english_show_no_chinese_outside_user_content(page, live_server):
    page.context.add_cookies([{"name": "ipp_language", "value": "en", "url": live_server.url}])
    chinese = {}
    for url in PAGES:
        page.goto(url)
        expect(page.locator("html")).to_have_attribute("lang", "en")
        if found := page.evaluate(VISIBLE_CHINESE):
            chinese[url] = found
    assert chinese == {}


def test_target_wording_in_english_has_units_and_plain_punctuation(page, live_server):
    page.context.add_cookies([{"name": "ipp_language", "value": "en", "url": live_server.url}])
    page.goto("/targets/")
    target = page.locator("[id^=indicator-] p", has_text="Target").first
    expect(target).to_have_text(re.compile(r"^Target: .+ \(\d{4}\)$"))
