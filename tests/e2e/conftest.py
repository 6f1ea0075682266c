"""Playwright in Debian's headless Chromium against pytest-django's live server."""

import os
import re
from pathlib import Path

import pytest

from conftest import chromium_path

from .accessibility import AccessibilityAudit

# Playwright's sync API runs an event loop in this thread; the ORM calls our tests make between browser
# steps are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
# A journey's axe report is also kept here: in a long run's output a teardown failure is easily cut off.
AXE_REPORTS = Path(__file__).resolve().parents[2] / "var" / "axe-reports"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo_data(transactional_db, demo_snapshot):
    """The whole demo, as `load_demo` makes it, fresh for each journey (loaded once, then copied back)."""
    demo_snapshot.load_or_restore()


@pytest.fixture
def audited_page(browser, live_server, request):
    """Opens pages in new browser contexts whose every page is checked by axe-core; the test fails at
    the end with a report of every WCAG 2.1 A/AA violation met on the way, also written to
    var/axe-reports/<test>.txt."""
    audit = AccessibilityAudit(live_server.url)
    report_file = AXE_REPORTS / (re.sub(r"[^\w.-]+", "_", request.node.name) + ".txt")
    report_file.unlink(missing_ok=True)
    contexts = []

    def open_page(width=1280, height=900):
        context = browser.new_context(
            base_url=live_server.url, locale="zh-CN", viewport={"width": width, "height": height}
        )
        context.set_default_timeout(15_000)
        audit.watch(context)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        for page in context.pages:
            audit.finish(page)
        audit.release(context)
        context.close()
    if audit.violations or audit.errors:
        report = audit.report()
        AXE_REPORTS.mkdir(parents=True, exist_ok=True)
        report_file.write_text(report + "\n", encoding="utf-8")
        pytest.fail(f"axe report written to {report_file}\n{report}", pytrace=False)


@pytest.fixture
def page(audited_page, demo_data):
    return audited_page()


@pytest.fixture
def screenshot_dir():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
