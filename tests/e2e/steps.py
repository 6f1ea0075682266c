"""What many journeys do on the way: sign in as a demo person, on the site or on the Wagtail admin's own form,
and sign out."""

from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD

ADMIN_EMAIL = "admin@demo.ip.lyg"


def submit(page):
    """Send the page's form: the site's forms stand in <main>, apart from the header's search."""
    page.locator("main form button[type=submit]").first.click()


def log_in(page, email, password=DEMO_PASSWORD, lands_on="我的账户"):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    submit(page)
    expect(page.locator("h1")).to_have_text(lands_on)


def log_out(page):
    page.goto("/accounts/logout/")
    submit(page)


def log_in_afresh(page, email):
    """Sign in as `email`, signing out whoever is signed in first."""
    page.goto("/accounts/logout/")
    if page.locator("main form button[type=submit]").count():
        submit(page)
    log_in(page, email)


def log_in_to_admin(page, email=ADMIN_EMAIL, password=DEMO_PASSWORD):
    page.goto("/admin/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url("/admin/")


def deliver(page):
    """The institution, on its order's page, marks the order delivered."""
    page.locator("#action-deliver button").click()
    expect(page.locator("#order-status")).to_have_text("已交付")


def complete_and_review(page, order, review):
    """The enterprise confirms a delivered order complete and gives it five stars with `review`."""
    page.goto(order.get_absolute_url())
    page.locator("#action-complete button").click()
    expect(page.locator("#order-status")).to_have_text("已完成")
    page.locator("#review-form label", has_text="★★★★★").first.click()
    page.fill("#review-form textarea[name=body]", review)
    page.locator("#review-form button[type=submit]").click()
    expect(page.locator("#order-review")).to_contain_text(review)
