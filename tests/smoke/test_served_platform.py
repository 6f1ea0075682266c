"""A served platform (gunicorn, DEBUG off, the demo data) answers its public pages with their static files,
shows its own error page, and lets a demo enterprise log in and send an inquiry."""

import time

from playwright.sync_api import expect

DEMO_PASSWORD = "demo-ip-2014"
PUBLIC_PAGES = ["/", "/institutions/", "/search/?q=专利代理", "/listings/transactions/", "/targets/"]


def test_public_pages_answer_with_their_styles_and_scripts(page):
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    for path in PUBLIC_PAGES:
        response = page.goto(path)
        assert response.status == 200, path
        expect(page.locator("h1").first).to_be_visible()
        # Bootstrap's styles came through WhiteNoise: the navigation bar is laid out, not a bare list.
        assert page.evaluate("getComputedStyle(document.querySelector('nav')).display") != "inline"
    assert failed == []


def test_an_unknown_address_shows_the_platforms_page_not_a_debug_page(page):
    response = page.goto("/no-such-page-anywhere/")
    assert response.status == 404
    text = page.locator("body").inner_text()
    assert "DEBUG = True" not in text and "Traceback" not in text
    expect(page.locator("a[href='/']").first).to_be_attached()


def test_an_enterprise_logs_in_and_sends_an_inquiry(page):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", "enterprise@demo.ip.lyg")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator("h1")).to_have_text("我的账户")
    page.goto("/institutions/")
    page.locator("main a[href^='/institutions/']").filter(has_text="连云港港城专利代理事务所").first.click()
    page.locator("#ask-button").click()
    marker = f"冒烟测试 {time.time_ns()}"
    page.fill("input[name=subject]", "专利查新检索")
    page.fill("textarea[name=body]", marker)
    page.locator("#inquiry-form button[type=submit]").click()
    expect(page.locator("#thread")).to_contain_text(marker)
