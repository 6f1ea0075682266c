"""The Content-Security-Policy holds: public pages and the Wagtail admin run without a single violation."""

from django.urls import reverse
from playwright.sync_api import expect

from cms.models import PolicyPage
from listings.models import Listing
from services.models import Institution
from training.models import CoursePage

DEMO_PASSWORD = "demo-ip-2014"

# Every violation is recorded in the page itself; the console also reports each one, as an error.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def watch(page):
    console_errors = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            console_errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    return console_errors


def visit(page, console_errors, path):
    response = page.goto(path)
    assert response.status < 400, (path, response.status)
    assert "script-src 'self'" in response.headers["content-security-policy"], path
    page.wait_for_load_state("networkidle")
    violations = page.evaluate("window.__cspViolations")
    assert violations == [], (path, violations)
    assert console_errors == [], (path, console_errors)


def test_public_pages_run_under_the_policy_without_violations(page):
    console_errors = watch(page)
    institution = Institution.objects.filter(status=Institution.Status.APPROVED).first() or Institution.objects.first()
    listing = Listing.objects.filter(status=Listing.Status.PUBLISHED).first()
    paths = [
        "/",
        reverse("services:directory"),
        reverse("services:institution_detail", args=[institution.pk]),
        PolicyPage.objects.live().first().url,
        "/search/?q=%E4%B8%93%E5%88%A9",
        CoursePage.objects.live().first().get_parent().url,
        CoursePage.objects.live().first().url,
        reverse("listings:transactions"),
        reverse("listings:financing"),
        listing.get_absolute_url() if listing else reverse("listings:index"),
        reverse("rights:index"),
        reverse("rights:report"),
        reverse("targets:summary"),
    ]
    for path in paths:
        visit(page, console_errors, path)
    # The charts drew: ECharts runs from our static files under the policy.
    expect(page.locator("[data-chart] svg").first).to_be_visible()


def test_the_wagtail_admin_works_under_its_own_policy(page):
    # The page editor is the heaviest page of the site; on a busy machine it takes longer than the default.
    page.set_default_timeout(60_000)
    console_errors = watch(page)
    page.goto("/accounts/login/")
    page.fill("input[name=login]", "admin@demo.ip.lyg")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator("h1")).to_have_text("我的账户")

    policy = PolicyPage.objects.live().first()
    paths = [
        "/admin/",
        reverse("wagtailadmin_pages:edit", args=[policy.pk]),
        reverse("wagtailadmin_explore", args=[policy.get_parent().pk]),
        reverse("wagtailsnippets_cms_issuingagency:list"),
        reverse("targets_admin:dashboard"),
        reverse("listings_admin:review_queue"),
        reverse("services_admin:applications"),
        reverse("training_admin:courses"),
        reverse("training_admin:roster", args=[CoursePage.objects.live().first().pk]),
    ]
    for path in paths:
        visit(page, console_errors, path)
    # The page editor's scripts ran: its fields are interactive.
    page.goto(reverse("wagtailadmin_pages:edit", args=[policy.pk]))
    expect(page.locator("#id_title")).to_be_editable()
    assert page.evaluate("window.__cspViolations") == []
