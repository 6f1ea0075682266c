"""Browser journey of a saved search: saved on the transaction list, told of a matching posting once it is
approved, unsubscribed without logging in, and read in the personal feed."""

import re

from django.core import mail
from playwright.sync_api import expect

from accounts.models import Organisation
from listings.models import Listing
from listings.tests.factories import ListingFactory
from search.indexing import catch_up
from subscriptions import tasks
from subscriptions.models import SavedSearch, Subscriber
from tests.e2e.steps import log_in_afresh

SUBSCRIBER = "institution@demo.ip.lyg"


def test_a_saved_transaction_search_hears_of_an_approved_posting_by_mail_and_feed(page, screenshot_dir):
    # A person saves the search they made on the transaction list, as a daily digest.
    log_in_afresh(page, SUBSCRIBER)
    page.goto("/listings/transactions/?q=石墨烯")
    page.get_by_text("保存此检索并订阅").click()
    page.fill("#id_save_search_name", "石墨烯专利交易")
    page.select_option("#id_save_search_frequency", label="每日摘要")
    page.get_by_role("button", name="保存", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("已保存检索“石墨烯专利交易”")
    saved = SavedSearch.objects.get(name="石墨烯专利交易")
    assert saved.querystring == "q=%E7%9F%B3%E5%A2%A8%E7%83%AF"

    # An enterprise's matching posting waits for review; an administrator approves it in the admin.
    enterprise = Organisation.objects.get(name__contains="恒瑞")
    posting = ListingFactory(
        organisation=enterprise,
        title="石墨烯导热膜制备方法专利转让",
        status=Listing.Status.SUBMITTED,
        published_at=None,
    )
    log_in_afresh(page, "admin@demo.ip.lyg")
    page.goto("/admin/listings/review/")
    page.get_by_role("link", name="石墨烯导热膜制备方法专利转让").click()
    page.locator("#approve").click()
    expect(page.locator("#review-queue")).not_to_contain_text("石墨烯导热膜")

    # The daily digest task sends one e-mail, which links to the posting.
    assert catch_up() == 0
    mail.outbox.clear()
    tasks.send_digests("daily")
    sent = [message for message in mail.outbox if message.to == [SUBSCRIBER]]
    assert len(sent) == 1
    assert f"/listings/{posting.pk}/" in sent[0].body and "石墨烯导热膜制备方法专利转让" in sent[0].body
    tasks.send_digests("daily")
    assert len([message for message in mail.outbox if message.to == [SUBSCRIBER]]) == 1

    # The personal feed lists the posting, read without logging in.
    feed = page.request.get(f"/subscriptions/feed/{Subscriber.objects.get(user=saved.owner).feed_token}/")
    assert feed.ok and "石墨烯导热膜制备方法专利转让" in feed.text()

    # The unsubscribe link in the e-mail works without logging in.
    page.goto("/accounts/logout/")
    if page.locator("main form button[type=submit]").count():
        page.locator("main form button[type=submit]").first.click()
    unsubscribe = re.search(r"https?://\S+/subscriptions/unsubscribe/\S+/", sent[0].body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", unsubscribe))
    page.get_by_role("button", name="确认退订").click()
    expect(page.locator("#unsubscribed")).to_contain_text("每日摘要")
    saved.refresh_from_db()
    assert saved.paused

    # The account page shows the search, paused, with its last match.
    log_in_afresh(page, SUBSCRIBER)
    page.goto("/subscriptions/")
    expect(page.locator("#saved-searches")).to_contain_text("石墨烯专利交易")
    expect(page.locator("#saved-searches")).to_contain_text("已暂停")
    page.screenshot(path=str(screenshot_dir / "subscriptions-account.png"), full_page=True)
