"""Browser journeys against a served platform at SMOKE_BASE_URL (`make smoke`, and `.ci/run` step 7
against the fresh copy served by gunicorn as `make run` serves it). They read and write over HTTP only:
no test database, no Django settings; run with `--confcutdir=tests/smoke -p no:django` (the Makefile's
`smoke` target) so that the repository's own test set-up is not loaded."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def base_url():
    return os.environ["SMOKE_BASE_URL"].rstrip("/")


def pytest_collection_modifyitems(items):
    # In `make test` nothing is served: these journeys wait for `make smoke`.
    if not os.environ.get("SMOKE_BASE_URL"):
        here = Path(__file__).parent
        for item in items:
            if here in Path(item.fspath).parents:
                item.add_marker(pytest.mark.skip(reason="needs a served platform: set SMOKE_BASE_URL (make smoke)"))


def chromium_path():
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return path if Path(path).exists() else None


@pytest.fixture(scope="session")
def browser():
    if chromium_path() is None:
        pytest.skip("needs Chromium: install Debian's chromium or set CHROMIUM_PATH")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(base_url=base_url(), locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()
