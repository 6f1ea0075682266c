"""The main public pages, and the main pages of a signed-in enterprise, in Chinese and English on a desktop
and on a 390 px phone. Every page is checked by axe-core (the audited `page` fixture); this journey also
walks the keyboard: the first tab stop is the skip link, and it lands on the main content."""

import re
import uuid

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.accessibility import AccessibilityAudit
from tests.pages import main_pages

WIDTHS = [1280, 390]
LANGUAGES = ["zh-hans", "en"]


SIGNED_IN_PAGES = [
    "accounts:dashboard",
    "services:order_list",
    "services:inquiry_list",
    "services:inbox",
    "training:mine",
    "listings:dashboard",
    "rights:my_cases",
    "rights:assistance",
]


def open_in(audited_page, live_server, language, width):
    page = audited_page(width=width, height=844 if width < 768 else 900)
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    return page


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_public_pages_pass_axe_in_both_languages_and_widths(audited_page, live_server, demo_data, language, width):
    page = open_in(audited_page, live_server, language, width)
    for path in main_pages():
        response = page.goto(path)
        assert response.status == 200, path
        expect(page.locator("html")).to_have_attribute("lang", language)


@pytest.mark.parametrize(("language", "width"), [("zh-hans", 1280), ("en", 390)])
def test_signed_in_enterprise_pages_pass_axe(audited_page, live_server, demo_data, language, width):
    page = open_in(audited_page, live_server, language, width)
    page.goto(reverse("account_login"))
    page.fill("input[name=login]", "enterprise@demo.ip.lyg")
    page.fill("input[name=password]", "demo-ip-2014")
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator("h1")).to_be_visible()
    for name in SIGNED_IN_PAGES:
        response = page.goto(reverse(name))
        assert response.status == 200, name


def test_the_first_tab_stop_skips_to_the_main_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("main")).to_be_focused()


AUDIT_SAMPLES = {
    "/audit-sample/clean/": "<main><h1>Clean</h1><p>Nothing to report.</p></main>",
    # An image with no text alternative (axe's image-alt).
    "/audit-sample/faulty/": '<main><h1>Faulty</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main>',
}


def audit_one_sample(browser, live_server, path, head, body, *, script_twice=False, other_run=False):
    """The audit of one page served at `path`, in a browser context of its own; with `script_twice`, the
    audit's on-load script is added a second time, as Playwright sometimes evaluates it; with `other_run`, the
    page starts an axe run of its own as soon as its document exists."""
    audit = AccessibilityAudit(live_server.url)
    html = f'<!doctype html><html lang="en"><head><title>Sample</title>{head}</head><body>{body}</body></html>'
    context = browser.new_context(base_url=live_server.url)
    audit.watch(context)
    if script_twice:
        context.add_init_script(audit.on_load_script())
    if other_run:
        context.add_init_script(OTHER_AXE_RUN)
    page = context.new_page()
    page.route(
        re.compile(r"/audit-sample/"), lambda route: route.fulfill(status=200, content_type="text/html", body=html)
    )
    page.goto(path)
    audit.finish(page)
    audit.release(context)
    context.close()
    return audit


def test_the_audit_checks_colours_once_a_transition_has_ended(browser, live_server):
    """A heading fading in from a colour too pale to read: axe reads it when the animation has ended (it
    reported the colours half-way through a button's hover transition once). A paused animation, which would
    never end, is not waited for."""
    style = (
        "@keyframes fade-in { from { color: #eee; } to { color: #222; } }"
        "@keyframes turn { to { transform: rotate(1turn); } }"
        "h1 { color: #222; animation: fade-in 1.5s linear; }"
        "p { animation: turn 1s linear paused; }"
    )
    body = "<main><h1>Settled</h1><p>Still</p></main>"
    audit = audit_one_sample(browser, live_server, "/audit-sample/fading/", f"<style>{style}</style>", body)
    assert audit.checked == [live_server.url + "/audit-sample/fading/"]
    assert (audit.violations, audit.errors) == ([], [])


def test_the_audit_runs_axe_once_in_a_document_its_script_reaches_twice(browser, live_server):
    """Playwright can evaluate an init script twice in one document; two axe runs at once made the second
    fail the journey ("Axe is already running")."""
    body = f"<main><h1>Checked once</h1><p>{uuid.uuid4()}</p></main>"
    audit = audit_one_sample(browser, live_server, "/audit-sample/twice/", "", body, script_twice=True)
    assert audit.checked == [live_server.url + "/audit-sample/twice/"]
    assert (audit.violations, audit.errors) == ([], [])


# An axe run that is not the audit's, started at the first moment and kept going for a while (axe-core's own
# "already running" guard then refuses the audit's run until it ends).
OTHER_AXE_RUN = """
if (window.top === window) {
  document.addEventListener("DOMContentLoaded", () => {
    axe._running = true;
    setTimeout(() => { axe._running = false; }, 1500);
  });
}
"""


def test_the_audit_waits_for_an_axe_run_already_in_progress(browser, live_server):
    """CI met "Axe is already running" on a page only the audit runs axe on; the audit waits for that run
    to end and then checks the page."""
    body = f"<main><h1>Checked after the other run</h1><p>{uuid.uuid4()}</p></main>"
    audit = audit_one_sample(browser, live_server, "/audit-sample/busy/", "", body, other_run=True)
    assert audit.checked == [live_server.url + "/audit-sample/busy/"]
    assert (audit.violations, audit.errors) == ([], [])


def test_the_audit_reports_a_fault_on_every_visit_and_checks_a_clean_rendering_once(browser, live_server):
    audit = AccessibilityAudit(live_server.url)

    def sample(route):
        body = AUDIT_SAMPLES[route.request.url.removeprefix(live_server.url)]
        html = f'<!doctype html><html lang="en"><head><title>Sample</title></head><body>{body}</body></html>'
        route.fulfill(status=200, content_type="text/html", body=html)

    # Two visitors, each in a browser of their own, see the same two pages.
    for _visitor in range(2):
        context = browser.new_context(base_url=live_server.url)
        audit.watch(context)
        page = context.new_page()
        page.route(re.compile(r"/audit-sample/"), sample)
        for path in AUDIT_SAMPLES:
            page.goto(path)
            audit.finish(page)
        audit.release(context)
        context.close()

    clean, faulty = (live_server.url + path for path in AUDIT_SAMPLES)
    assert [(violation["url"], violation["id"]) for violation in audit.violations] == [
        (faulty, "image-alt"),
        (faulty, "image-alt"),
    ]
    assert audit.checked == [clean, faulty, faulty]
    assert audit.errors == []
