"""Saved searches: saving from a list, matching what becomes public, digests sent once, unsubscribing,
the personal feed and the account page. On the embedded backend (and Elasticsearch when configured)."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.roles import PLATFORM_OPERATORS, REGISTER_MANAGERS
from listings import postings
from listings.models import Listing
from listings.tests.factories import ListingFactory
from register import imports
from register.tests.files import PHARMA, QUARTZ, csv_file
from search.outbox import process_pending
from subscriptions import delivery, matching, tasks
from subscriptions.models import Digest, DigestItem, Match, SavedSearch, Subscriber
from subscriptions.searches import save_search
from tests.factories import DEFAULT_PASSWORD, staff_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]
TRANSACTIONS = reverse("listings:transactions")


class FailingOnceBackend:
    """A mail server that refuses the first message it is given and takes the rest."""

    failures = 0

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        if FailingOnceBackend.failures == 0:
            FailingOnceBackend.failures += 1
            raise ConnectionError("mail server down")
        mail.outbox.extend(messages)
        return len(messages)


def watch(user, querystring, name="碳纤维", source="transactions", frequency=SavedSearch.Frequency.DAILY):
    return save_search(user, name=name, source=source, querystring=querystring, frequency=frequency)


def submitted(poster, **fields):
    return ListingFactory(
        organisation=poster.organisation, status=Listing.Status.SUBMITTED, published_at=None, **fields
    )


def approve(listing):
    postings.approve_listing(listing, staff_in(PLATFORM_OPERATORS))
    process_pending()


def run_daily():
    mail.outbox.clear()
    tasks.send_digests(SavedSearch.Frequency.DAILY)
    return [message for message in mail.outbox if message.to == ["reader@example.com"]]


def test_the_transaction_list_offers_to_save_its_search_and_saves_it_with_its_filters(client, client_for, reader):
    assert "登录后保存此检索" in client.get(TRANSACTIONS, {"q": "碳纤维"}).content.decode()
    browser = client_for(reader)
    page = browser.get(TRANSACTIONS, {"q": "碳纤维", "page": "2"}).content.decode()
    assert 'name="querystring" value="q=%E7%A2%B3%E7%BA%A4%E7%BB%B4"' in page
    response = browser.post(
        reverse("subscriptions:save"),
        {"name": "碳纤维专利", "frequency": "weekly", "source": "transactions", "querystring": "q=碳纤维&page=2"},
    )
    assert response.status_code == 302
    saved = SavedSearch.objects.get(owner=reader)
    assert (saved.name, saved.frequency, saved.querystring) == ("碳纤维专利", "weekly", "q=%E7%A2%B3%E7%BA%A4%E7%BB%B4")
    assert saved.list_url() == f"{TRANSACTIONS}?q=%E7%A2%B3%E7%BA%A4%E7%BB%B4"


def test_an_approved_matching_posting_reaches_the_daily_digest_once_and_a_non_matching_one_does_not(reader, poster):
    watch(reader, "q=碳纤维")
    wanted = submitted(poster, title="碳纤维预浸料专利许可")
    other = submitted(poster, title="中药配方颗粒专利转让", description="儿童感冒颗粒。")
    approve(wanted)
    approve(other)
    sent = run_daily()
    assert len(sent) == 1
    body = sent[0].body
    assert "碳纤维预浸料专利许可" in body and f"/listings/{wanted.pk}/" in body
    assert "中药配方颗粒" not in body
    assert "交易信息" in body  # grouped under the item's type
    assert sent[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/subscriptions/unsubscribe/" in sent[0].extra_headers["List-Unsubscribe"]
    assert run_daily() == []


def test_an_item_two_searches_find_is_sent_once(reader, poster):
    watch(reader, "q=碳纤维", name="碳纤维")
    watch(reader, "q=预浸料", name="预浸料")
    approve(submitted(poster, title="碳纤维预浸料专利许可"))
    tasks.match_saved_searches()
    assert Match.objects.count() == 2
    sent = run_daily()
    assert len(sent) == 1
    assert sent[0].body.count("碳纤维预浸料专利许可") == 1


def test_a_posting_withdrawn_before_the_digest_goes_out_is_not_sent(reader, poster):
    watch(reader, "q=碳纤维")
    withdrawn = submitted(poster, title="碳纤维预浸料专利许可")
    kept = submitted(poster, title="碳纤维主梁专利转让")
    approve(withdrawn)
    approve(kept)
    tasks.match_saved_searches()
    postings.withdraw_listing(Listing.objects.get(pk=withdrawn.pk), poster)
    sent = run_daily()
    assert len(sent) == 1
    assert "碳纤维主梁专利转让" in sent[0].body
    assert "碳纤维预浸料专利许可" not in sent[0].body
    assert DigestItem.objects.get(object_id=str(withdrawn.pk)).withheld


def test_a_digest_whose_every_item_was_withdrawn_sends_nothing(reader, poster):
    watch(reader, "q=碳纤维")
    listing = submitted(poster, title="碳纤维预浸料专利许可")
    approve(listing)
    tasks.match_saved_searches()
    postings.withdraw_listing(Listing.objects.get(pk=listing.pk), poster)
    assert run_daily() == []
    assert Digest.objects.get().status == Digest.Status.EMPTY


def test_a_failed_send_is_retried_without_sending_twice(reader, poster, settings):
    settings.EMAIL_BACKEND = f"{__name__}.FailingOnceBackend"
    FailingOnceBackend.failures = 0
    watch(reader, "q=碳纤维")
    approve(submitted(poster, title="碳纤维预浸料专利许可"))
    mail.outbox.clear()
    tasks.send_digests(SavedSearch.Frequency.DAILY)  # the mail server refuses: the digest waits
    assert mail.outbox == []
    digest = Digest.objects.get()
    assert digest.status == Digest.Status.PENDING and "mail server down" in digest.last_error
    tasks.send_digests(SavedSearch.Frequency.DAILY)
    tasks.send_digests(SavedSearch.Frequency.DAILY)
    assert delivery.send_digest(digest.pk) is False
    assert len(mail.outbox) == 1
    assert Digest.objects.get().status == Digest.Status.SENT


def test_a_search_hears_only_of_what_becomes_public_after_it_was_saved(reader, poster):
    approve(submitted(poster, title="碳纤维预浸料专利许可"))
    watch(reader, "q=碳纤维")
    tasks.match_saved_searches()
    assert run_daily() == []
    approve(submitted(poster, title="碳纤维主梁专利转让"))
    sent = run_daily()
    assert len(sent) == 1 and "碳纤维主梁专利转让" in sent[0].body and "预浸料" not in sent[0].body


def test_a_paused_search_and_a_feed_only_search_send_no_mail(reader, poster):
    paused = watch(reader, "q=碳纤维", name="暂停")
    paused.paused = True
    paused.save()
    watch(reader, "q=预浸料", name="订阅源", frequency=SavedSearch.Frequency.FEED)
    approve(submitted(poster, title="碳纤维预浸料专利许可"))
    assert run_daily() == []
    assert list(Match.objects.values_list("saved_search__name", flat=True)) == ["订阅源"]


def test_an_immediate_search_is_told_as_soon_as_matching_runs(reader, poster):
    watch(reader, "q=碳纤维", frequency=SavedSearch.Frequency.IMMEDIATE)
    approve(submitted(poster, title="碳纤维预浸料专利许可"))
    mail.outbox.clear()
    tasks.match_saved_searches()
    assert [message.to for message in mail.outbox] == [["reader@example.com"]]


def test_a_new_register_patent_of_a_watched_competitor_reaches_the_watch(reader):
    watch(reader, "kind=patent&applicant=中国药科大学", name="竞争对手", source="register")
    manager = staff_in(REGISTER_MANAGERS)
    batch = imports.preview_file(csv_file([QUARTZ, PHARMA]), record_kind="patent", source_kind="cnipa", user=manager)
    imports.start_import(batch)
    imports.run_import(batch.pk)
    process_pending()
    sent = run_daily()
    assert len(sent) == 1
    assert "/register/patents/201410123456.7/" in sent[0].body or "201410123456.7" in sent[0].body
    assert "201310123456.2" not in sent[0].body


def test_the_digest_is_written_in_the_persons_language(reader, poster):
    save_search(reader, name="cf", source="transactions", querystring="q=碳纤维", frequency="daily", language="en")
    approve(submitted(poster, title="碳纤维预浸料专利许可"))
    sent = run_daily()
    assert "new" in sent[0].subject.lower()
    assert Subscriber.objects.get(user=reader).language == "en"


def test_the_unsubscribe_link_works_without_logging_in(client, reader):
    daily = watch(reader, "q=碳纤维")
    weekly = watch(reader, "q=光伏", name="光伏", frequency=SavedSearch.Frequency.WEEKLY)
    url = reverse("subscriptions:unsubscribe", args=[delivery.unsubscribe_token(reader.pk, "daily")])
    assert client.get(url).status_code == 200
    daily.refresh_from_db()
    assert not daily.paused  # a link scanner's GET unsubscribes nobody
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    daily.refresh_from_db()
    weekly.refresh_from_db()
    assert daily.paused and not weekly.paused
    assert client.post(url[:-3] + "xx/").status_code == 400


def test_the_personal_feed_lists_what_was_found_and_a_revoked_token_stops_working(client, client_for, reader, poster):
    watch(reader, "q=碳纤维", frequency=SavedSearch.Frequency.FEED)
    listing = submitted(poster, title="碳纤维预浸料专利许可")
    approve(listing)
    tasks.match_saved_searches()
    token = Subscriber.objects.get(user=reader).feed_token
    feed = client.get(reverse("subscriptions:feed", args=[token]))
    assert feed.status_code == 200 and "碳纤维预浸料专利许可" in feed.content.decode()
    assert "王建华" not in feed.content.decode()  # the posting's contact stays private
    client_for(reader).post(reverse("subscriptions:feed_reset"))
    assert client.get(reverse("subscriptions:feed", args=[token])).status_code == 404


def test_the_account_page_counts_what_is_new_since_the_last_visit(client_for, reader, poster):
    watch(reader, "q=碳纤维", frequency=SavedSearch.Frequency.FEED)
    browser = client_for(reader)
    assert browser.get(reverse("subscriptions:index")).context["new_count"] == 0
    approve(submitted(poster, title="碳纤维预浸料专利许可"))
    tasks.match_saved_searches()
    page = browser.get(reverse("subscriptions:index"))
    assert page.context["new_count"] == 1
    assert "碳纤维" in page.content.decode()
    assert browser.get(reverse("subscriptions:index")).context["new_count"] == 0


def test_another_person_cannot_pause_rename_or_delete_a_saved_search(client_for, reader, poster):
    saved = watch(reader, "q=碳纤维")
    intruder = client_for(poster)
    assert intruder.post(reverse("subscriptions:pause", args=[saved.pk])).status_code == 404
    assert intruder.post(reverse("subscriptions:edit", args=[saved.pk]), {"name": "x"}).status_code == 404
    assert intruder.post(reverse("subscriptions:delete", args=[saved.pk])).status_code == 404
    saved.refresh_from_db()
    assert (saved.name, saved.paused) == ("碳纤维", False)


def test_the_owner_pauses_renames_and_deletes(client_for, reader):
    saved = watch(reader, "q=碳纤维")
    browser = client_for(reader)
    browser.post(reverse("subscriptions:pause", args=[saved.pk]), {"paused": "1"})
    browser.post(
        reverse("subscriptions:edit", args=[saved.pk]),
        {"name": "碳纤维新专利", "frequency": "weekly", "querystring": "q=碳纤维&industry=999999"},
    )
    saved.refresh_from_db()
    assert (saved.name, saved.paused, saved.frequency) == ("碳纤维新专利", True, "weekly")
    browser.post(reverse("subscriptions:delete", args=[saved.pk]))
    assert not SavedSearch.objects.exists()


def test_the_enterprise_profile_proposes_searches_and_one_click_accepts_one(client_for, reader):
    browser = client_for(reader)
    browser.post(
        reverse("subscriptions:profile"),
        {
            "kinds": ["transactions", "competitors"],
            "ipc_classes": "C03B",
            "competitors": "中国药科大学",
            "language": "zh-hans",
        },
    )
    proposed = browser.get(reverse("subscriptions:index")).context["suggestions"]
    assert [s.name for s in proposed] == ["交易信息：C03B", "竞争对手新专利：中国药科大学"]
    browser.post(reverse("subscriptions:accept"), {"key": proposed[1].key})
    saved = SavedSearch.objects.get(owner=reader)
    assert (saved.source, saved.querystring) == (
        "register",
        "kind=patent&applicant=%E4%B8%AD%E5%9B%BD%E8%8D%AF%E7%A7%91%E5%A4%A7%E5%AD%A6",
    )
    assert [s.name for s in browser.get(reverse("subscriptions:index")).context["suggestions"]] == ["交易信息：C03B"]


def test_an_enterprise_member_is_offered_subscriptions_on_the_first_log_in_only(client, poster):
    client.post(reverse("account_login"), {"login": poster.email, "password": DEFAULT_PASSWORD})
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert "平台根据贵企业的信息推荐了" in page
    assert client.get(reverse("subscriptions:index")).context["suggestions"]
    client.post(reverse("account_logout"))
    client.post(reverse("account_login"), {"login": poster.email, "password": DEFAULT_PASSWORD})
    assert "平台根据贵企业的信息推荐了" not in client.get(reverse("accounts:dashboard")).content.decode()


def test_an_item_matched_as_soon_as_it_is_indexed_is_found_on_elasticsearch_without_refresh_on_write(
    search_index, settings, reader, poster
):
    """In production Elasticsearch shows a write only after its refresh interval; matching right after the
    outbox wrote the document must still find it (it used to miss it for good)."""
    if search_index.name != "elasticsearch":
        pytest.skip("the embedded backend shows every write at once")
    settings.SEARCH_REFRESH_ON_WRITE = False
    watch(reader, "q=碳纤维")
    approve(submitted(poster, title="碳纤维预浸料专利许可"))
    assert matching.match_new_items() == 1


def test_saved_searches_matched_in_several_batches_each_find_their_items(reader, poster, monkeypatch):
    """More distinct searches than one batch (of the service, and of Elasticsearch's multi-search) holds:
    each still hears of exactly the items it finds, none of another's."""
    from search.backends import elastic

    monkeypatch.setattr(matching, "MATCH_CHUNK", 2)
    monkeypatch.setattr(elastic, "MSEARCH_BATCH", 2)
    words = ["碳纤维", "预浸料", "石英砂", "抗肿瘤", "集装箱"]
    searches = {word: watch(reader, f"q={word}", name=word) for word in words}
    approve(submitted(poster, title="碳纤维预浸料专利许可", description="连续化制备方法。"))
    approve(submitted(poster, title="高纯石英砂提纯专利转让", description="酸浸提纯工艺。"))
    approve(submitted(poster, title="中药配方颗粒专利转让", description="儿童感冒颗粒。"))
    tasks.match_saved_searches()
    found = {
        word: set(Match.objects.filter(saved_search=saved).values_list("object_id", flat=True))
        for word, saved in searches.items()
    }
    titles = dict(Listing.objects.values_list("pk", "title"))
    assert {word: {titles[int(pk)] for pk in pks} for word, pks in found.items()} == {
        "碳纤维": {"碳纤维预浸料专利许可"},
        "预浸料": {"碳纤维预浸料专利许可"},
        "石英砂": {"高纯石英砂提纯专利转让"},
        "抗肿瘤": set(),
        "集装箱": set(),
    }
