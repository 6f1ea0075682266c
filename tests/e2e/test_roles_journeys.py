"""Roles in the browser: a rights-protection handler's Wagtail admin holds the rights cases and nothing else,
and an order of an enterprise the handler has nothing to do with is refused with the 403 page."""

from playwright.sync_api import expect

from services.models import Order
from tests.e2e.steps import log_in

HANDLER = "trademark@demo.ip.lyg"


def sidebar_labels(page):
    page.goto("/admin/")
    menu = page.locator("[data-wagtail-sidebar] .sidebar-main-menu > ul > li")
    expect(menu.first).to_be_visible()
    # The label only: Wagtail adds a badge counting what is new in its help menu.
    items = menu.locator(":scope > a .menuitem-label, :scope > button .menuitem-label")
    return [label.strip() for label in items.all_inner_texts()]


def test_a_rights_handler_sees_only_the_rights_cases_and_is_refused_an_order(page, screenshot_dir):
    order = Order.objects.order_by("pk").first()
    log_in(page, HANDLER)
    page.locator("#user-menu").click()
    expect(page.get_by_role("link", name="管理后台")).to_be_visible()

    labels = sidebar_labels(page)
    # Wagtail's own help menu is there for everyone; every entry of the platform's is the handler's work.
    assert [label for label in labels if label != "帮助"] == ["维权案件", "侵权信息库"]
    page.screenshot(path=screenshot_dir / "roles-handler-admin.png")
    page.locator("[data-wagtail-sidebar] a", has_text="维权案件").click()
    expect(page.locator("h1")).to_contain_text("维权案件")

    response = page.goto(order.get_absolute_url())
    assert response.status == 403
    expect(page.locator("h1")).to_have_text("403")
    assert order.title not in page.content()
    assert order.enterprise.name not in page.content()


def test_the_operator_sees_the_marketplace_and_moderation_but_not_the_rights_cases(page):
    log_in(page, "operator@demo.ip.lyg")
    labels = sidebar_labels(page)
    # The marketplace first, the evaluation requests institutions of the marketplace take, then moderation
    # (with the number of postings waiting), the snippets of the people who file for departments, help.
    assert [label.split(" (")[0] for label in labels] == ["服务市场", "知识产权评议", "信息审核", "片段", "帮助"]
    assert labels[2].startswith("信息审核 (")
    assert not {"维权案件", "付款记录", "培训", "试点城市目标"} & set(labels)
