"""What a page looks like at the widths people use: a desktop, a small laptop, a tablet and a phone."""

from playwright.sync_api import expect

from cms.models import PolicyPage
from tests.e2e.steps import log_in

WIDTHS = [1280, 1024, 768, 390]
PHONE = {"width": 390, "height": 844}


def document_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def open_navigation_if_folded(page):
    toggler = page.locator(".site-header .navbar-toggler")
    if toggler.is_visible():
        toggler.click()
        expect(page.locator("#main-nav")).to_have_class("navbar-collapse collapse show")


def assert_header_fits(page, width, reachable):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/")
    assert document_width(page) <= width, f"the page is {document_width(page)} px wide in a {width} px window"
    open_navigation_if_folded(page)
    item = page.locator(reachable)
    expect(item).to_be_visible()
    box = item.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{reachable} is cut off at {width} px"
    return item


def test_header_fits_every_width_logged_out_and_in(page):
    for width in WIDTHS:
        assert_header_fits(page, width, "a[href='/accounts/login/']")

    # The administrator has the longest menu (messages, desk, admin) and the demo's longest name.
    log_in(page, "admin@demo.ip.lyg")
    for width in WIDTHS:
        user_menu = assert_header_fits(page, width, "#user-menu")
        user_menu.click()
        logout = page.locator(".dropdown-menu a[href='/accounts/logout/']")
        expect(logout).to_be_visible()
        box = logout.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width


def test_header_fits_in_english_too(page, live_server):
    # English labels are longer than the Chinese ones.
    page.context.add_cookies([{"name": "ipp_language", "value": "en", "url": live_server.url}])
    log_in(page, "admin@demo.ip.lyg", lands_on="My account")
    for width in WIDTHS:
        assert_header_fits(page, width, "#user-menu")


def test_policy_metadata_reads_as_a_list_on_a_phone(page):
    page.set_viewport_size(PHONE)
    page.goto(PolicyPage.objects.live().get(slug="lianyungang-ip-pilot-city-plan-2014").url)
    labels = page.locator(".policy-metadata dt")
    expect(labels.first).to_have_text("索引号")
    for label in labels.all():
        line_height = float(label.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
        assert label.bounding_box()["height"] < 1.5 * line_height, f"“{label.inner_text()}” wraps"
    value = page.locator(".policy-metadata [data-field=index_number]")
    # One under another: the value starts below its label, not beside it.
    assert value.bounding_box()["y"] >= labels.first.bounding_box()["y"] + labels.first.bounding_box()["height"]
    assert document_width(page) <= PHONE["width"]


LISTINGS_WITH_FILTERS = [
    ("/institutions/", "#directory-filters-panel", "#institution-list"),
    ("/policies/", "#listing-filter", ".policy-item"),
    ("/patent-info/", "#listing-filter", ".patent-info-item"),
    ("/institutions/offerings/", "#categories", "#offering-list"),
    ("/listings/transactions/", "#listing-filters", "#listing-results"),
    ("/listings/financing/", "#listing-filters", "#listing-results"),
    ("/training/", "#course-filters", "#course-list"),
    ("/search/?q=专利", "#search-facet-panels", ".search-hit"),
]


def test_filters_fold_away_on_a_phone_and_results_come_first(page):
    page.set_viewport_size(PHONE)
    for url, filters, results in LISTINGS_WITH_FILTERS:
        page.goto(url)
        expect(page.locator(filters)).to_be_hidden()
        top = page.locator(results).first.bounding_box()["y"]
        assert top < PHONE["height"], f"{url}: results start {top} px down"
        assert document_width(page) <= PHONE["width"], url

        page.locator(f".filter-toggle[aria-controls='{filters.removeprefix('#')}']").click()
        expect(page.locator(filters)).to_be_visible()

    page.goto("/institutions/")
    page.locator(".filter-toggle").click()
    page.select_option("select[name=district]", label="东海县")
    page.locator("#directory-filters button[type=submit]").click()
    expect(page.locator("#institution-list")).to_contain_text("东海县")


def test_filters_are_open_on_a_desktop(page):
    for url, filters, _results in LISTINGS_WITH_FILTERS:
        page.goto(url)
        expect(page.locator(filters)).to_be_visible()
        expect(page.locator(".filter-toggle")).to_be_hidden()
