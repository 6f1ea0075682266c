import re

from django.core import mail
from playwright.sync_api import expect

from accounts.models import Organisation
from tests.factories import make_credit_code

PASSWORD = "Lianyungang-2014-ip"


def submit(page):
    page.locator("main form button[type=submit]").first.click()


def test_sign_up_verify_log_in_and_register_an_enterprise(page):
    page.goto("/accounts/signup/")
    page.fill("input[name=email]", "zhou@example.com")
    page.fill("input[name=name]", "周文")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    submit(page)
    expect(page.locator("main")).to_contain_text("zhou@example.com")

    confirm_path = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1)
    page.goto(confirm_path)
    submit(page)

    page.goto("/accounts/logout/")
    submit(page)
    page.goto("/accounts/login/")
    page.fill("input[name=login]", "zhou@example.com")
    page.fill("input[name=password]", PASSWORD)
    submit(page)
    expect(page.locator("h1")).to_have_text("我的账户")

    page.get_by_role("link", name="登记企业").click()
    page.fill("input[name=name]", "连云港云台数码科技有限公司")
    page.fill("input[name=credit_code]", make_credit_code(4242).lower())
    page.select_option("select[name=district]", label="连云区")
    page.fill("input[name=contact_name]", "周文")
    page.fill("input[name=contact_phone]", "0518-82345678")
    submit(page)

    organisation_card = page.locator("#my-organisation")
    expect(organisation_card).to_contain_text("连云港云台数码科技有限公司")
    expect(organisation_card).to_contain_text("企业")
    expect(organisation_card).to_contain_text(make_credit_code(4242))
    assert Organisation.objects.get(name="连云港云台数码科技有限公司").district.name == "连云区"


def test_wrong_credit_code_keeps_what_was_typed(page):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", "enterprise@demo.ip.lyg")
    page.fill("input[name=password]", "demo-ip-2014")
    submit(page)
    page.goto("/accounts/logout/")
    submit(page)
    page.goto("/accounts/login/")
    page.fill("input[name=login]", "institution@demo.ip.lyg")
    page.fill("input[name=password]", "demo-ip-2014")
    submit(page)
    expect(page.locator("#my-organisation")).to_contain_text("连云港港城专利代理事务所")


def test_home_page_screenshot_for_the_readme(page, screenshot_dir):
    page.goto("/")
    expect(page.locator("h1")).to_contain_text("连云港市知识产权公共服务平台")
    expect(page.get_by_role("navigation", name="主导航")).to_contain_text("政策法规")
    page.screenshot(path=str(screenshot_dir / "home.png"), full_page=True)
