"""Anonymous pages come from the cache, per language, and a change to what they show is seen at once."""

import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from cms import demo
from cms.models import NewsIndexPage, PolicyIndexPage, PolicyPage
from listings import postings
from listings.models import Listing
from listings.tests.factories import ListingFactory, owner_of
from services import institutions
from services.models import Institution
from services.tests.factories import InstitutionFactory
from tests.factories import UserFactory, staff_in
from training import enrolments
from training.tests.factories import make_course

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def library(home):
    index = PolicyIndexPage(title="政策法规", slug="policies", intro="知识产权政策文件")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def add_policy(parent, title, slug):
    agency = demo.issuing_agencies()["连云港市科学技术局"]
    page = PolicyPage(
        title=title,
        slug=slug,
        issuing_agency=agency,
        issue_date=timezone.localdate() - timedelta(days=30),
        document_number=f"连科发〔2015〕{slug}号",
        index_number=f"k12498411/2015-{slug}",
        summary="测试用的政策文件。",
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return PolicyPage.objects.get(pk=page.pk)


def stored(response):
    return response.get("X-Page-Cache") == "hit"


def test_anonymous_page_sets_no_cookie_and_may_be_kept_by_anyone(client, home):
    first = client.get("/")
    second = client.get("/")

    assert first.status_code == second.status_code == 200
    assert not first.cookies and not second.cookies
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert first["Cache-Control"] == f"public, max-age={settings.PAGE_CACHE_MAX_AGE}"
    assert not stored(first) and stored(second)
    assert second.content == first.content
    assert second["Cache-Control"] == first["Cache-Control"]
    assert second["Content-Language"] == "zh-hans"
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options", "Referrer-Policy"):
        assert second[header] == first[header]
    assert "script-src 'self'" in second["Content-Security-Policy"]


def test_language_switch_is_a_link_back_to_the_same_page(client, library):
    page = client.get(library.url, {"topic": "专利"}).content.decode()
    link = re.search(r'href="(/language/en/[^"]*)"', page).group(1)

    switched = client.get(link.replace("&amp;", "&"))

    assert switched.status_code == 302
    assert unquote(switched["Location"]) == "/policies/?topic=专利"
    assert switched.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "private" in switched["Cache-Control"]
    assert client.get("/")["Content-Language"] == "en"


def test_language_switch_never_sends_the_visitor_to_another_site(client, home):
    switched = client.get(reverse("switch_language", args=["en"]), {"next": "https://evil.example/"})
    assert switched["Location"] == "/"
    assert client.get(reverse("switch_language", args=["fr"]), {"next": "/"}).status_code == 404


def test_each_language_is_kept_apart(client, home):
    chinese = client.get("/")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/")
    english_again = client.get("/")

    assert "登录" in chinese.content.decode()
    assert not stored(english) and stored(english_again)
    assert "Log in" in english_again.content.decode() and english_again["Content-Language"] == "en"


def test_signed_in_pages_are_private_and_never_stored(client, home):
    person = UserFactory()
    client.get("/")
    client.force_login(person)

    mine = client.get("/")
    mine_again = client.get("/")

    assert "private" in mine["Cache-Control"] and "public" not in mine["Cache-Control"]
    assert not stored(mine) and not stored(mine_again)
    assert "退出登录" in mine.content.decode()
    client.logout()
    assert "退出登录" not in client.get("/").content.decode()


def test_a_page_holding_a_form_token_is_not_stored(client, home):
    first = client.get(reverse("rights:report"))
    second = client.get(reverse("rights:report"))

    assert "csrfmiddlewaretoken" in first.content.decode()
    assert "private" in first["Cache-Control"]
    assert not stored(first) and not stored(second)


def test_a_request_carrying_credentials_is_never_answered_or_kept(client, home):
    client.get("/")
    with_token = client.get("/", HTTP_AUTHORIZATION="Token abc")
    assert not stored(with_token) and "private" in with_token["Cache-Control"]


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client, home):
    client.get("/")
    client.cookies["messages"] = "anything"
    assert not stored(client.get("/"))


def test_published_and_unpublished_policy_shows_on_the_next_request(client, library):
    add_policy(library, "连云港市专利资助办法", "funding")
    assert "连云港市专利资助办法" in client.get("/").content.decode()
    assert stored(client.get("/"))

    newer = add_policy(library, "知识产权质押融资实施细则", "pledge")
    assert "知识产权质押融资实施细则" in client.get("/").content.decode()

    newer.unpublish()
    assert "知识产权质押融资实施细则" not in client.get("/").content.decode()
    assert client.get("/policies/pledge/").status_code == 404


def test_moved_and_deleted_pages_are_gone_on_the_next_request(client, home, library):
    policy = add_policy(library, "连云港市专利资助办法", "funding")
    assert client.get("/policies/funding/").status_code == 200
    assert stored(client.get("/policies/funding/"))
    archive = PolicyIndexPage(title="政策归档", slug="archive")
    home.add_child(instance=archive)
    archive.save_revision().publish()

    policy.move(archive, pos="last-child")

    moved = client.get("/policies/funding/")
    assert moved.status_code == 301 and moved["Location"] == "/archive/funding/"
    assert client.get("/archive/funding/").status_code == 200
    assert stored(client.get("/archive/funding/"))
    PolicyPage.objects.get(pk=policy.pk).delete()
    assert client.get("/archive/funding/").status_code == 404


def test_navigation_follows_a_section_published_later(client, home):
    assert 'href="/news/"' not in client.get("/").content.decode()
    news = NewsIndexPage(title="新闻动态", slug="news", intro="新闻")
    home.add_child(instance=news)
    news.save_revision().publish()
    assert 'href="/news/"' in client.get("/").content.decode()


def test_approved_and_suspended_institution_shows_on_the_next_request(client, home, search_index):
    operator = staff_in("平台运营")
    institution = InstitutionFactory(
        status=Institution.Status.PENDING, approved_at=None, organisation__name="连云港港城专利代理事务所"
    )
    detail = reverse("services:institution_detail", args=[institution.pk])
    directory = reverse("services:directory")
    assert "连云港港城专利代理事务所" not in client.get(directory).content.decode()
    assert stored(client.get(directory))

    institutions.approve(institution, operator)
    assert "连云港港城专利代理事务所" in client.get(directory).content.decode()
    assert client.get(detail).status_code == 200
    assert stored(client.get(detail))

    institutions.suspend(institution, operator, "资质过期")
    assert "连云港港城专利代理事务所" not in client.get(directory).content.decode()
    assert client.get(detail).status_code == 404


def test_approved_withdrawn_and_expired_postings_show_on_the_next_request(client, home, search_index):
    operator = staff_in("平台运营")
    listing = ListingFactory(title="碳纤维专利许可", status=Listing.Status.SUBMITTED, published_at=None)
    other = ListingFactory(title="石英材料专利转让", valid_until=timezone.localdate() + timedelta(days=1))
    transactions = reverse("listings:transactions")
    page = client.get(transactions).content.decode()
    assert "碳纤维专利许可" not in page and "石英材料专利转让" in page
    assert stored(client.get(transactions))

    postings.approve_listing(listing, operator)
    assert "碳纤维专利许可" in client.get(transactions).content.decode()

    postings.withdraw_listing(Listing.objects.get(pk=listing.pk), owner_of(listing.organisation))
    assert "碳纤维专利许可" not in client.get(transactions).content.decode()

    postings.expire_overdue(today=timezone.localdate() + timedelta(days=2))
    assert "石英材料专利转让" not in client.get(transactions).content.decode()
    assert Listing.objects.get(pk=other.pk).status == Listing.Status.EXPIRED


def test_places_left_on_a_course_change_on_the_next_request(client, home):
    course = make_course(capacity=2)
    assert "剩余 2 个名额" in client.get(course.url).content.decode()
    assert stored(client.get(course.url))

    enrolments.enrol(course, UserFactory())

    assert "剩余 1 个名额" in client.get(course.url).content.decode()


def test_a_change_nobody_sees_keeps_the_stored_pages(client, home):
    person = UserFactory()
    client.get("/")
    client.force_login(person)
    client.logout()
    assert stored(client.get("/"))


@pytest.mark.redis
def test_pages_are_stored_in_redis_and_a_change_shows_on_the_next_request(client, library):
    assert "RedisCache" in settings.CACHES["default"]["BACKEND"]
    add_policy(library, "连云港市专利资助办法", "funding")
    assert "连云港市专利资助办法" in client.get("/").content.decode()
    assert stored(client.get("/"))
    assert any(key for key in cache._cache.get_client().scan_iter("*pagecache:page:*"))

    newer = add_policy(library, "知识产权质押融资实施细则", "pledge")
    assert "知识产权质押融资实施细则" in client.get("/").content.decode()
    newer.unpublish()
    assert "知识产权质押融资实施细则" not in client.get("/").content.decode()
