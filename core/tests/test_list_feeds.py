"""Each filtered public list links the feed of its current filter, and the feed, read as a feed reader
reads it, holds only what matches, dated by publication or issue date, on the site's address."""

import datetime
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit
from zoneinfo import ZoneInfo

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from cms.models import NewsIndexPage, NewsPage, PatentInfoIndexPage, PatentInfoPage, PolicyIndexPage, PolicyPage
from core.site import site_url
from listings.models import Listing
from services.models import Institution
from training.models import CourseIndexPage, CoursePage


@pytest.fixture
def demo_site(indexed_demo):
    """The demo, restored once for this module, on each search backend."""


def morning(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))


@dataclass
class FilteredList:
    """A list page, its feed, a filter it offers and what that filter must select: each object's URL with
    the date and the author its feed item must carry."""

    list_url: Callable[[], str]
    feed_url: Callable[[], str]
    filters: dict
    expected: Callable[[], dict]


def _pages(queryset, date, author=lambda page: ""):
    return {page.full_url: (date(page), author(page)) for page in queryset}


def _records(queryset, date, author):
    return {site_url() + item.get_absolute_url(): (date(item), author(item)) for item in queryset}


def _section(model):
    return lambda: model.objects.live().first().url


LISTS = {
    "policies": FilteredList(
        _section(PolicyIndexPage),
        lambda: _section(PolicyIndexPage)() + "rss/",
        {"validity": "invalid"},
        lambda: _pages(
            PolicyPage.objects.live().filter(validity="invalid"),
            lambda page: morning(page.issue_date),
            lambda page: page.issuing_agency.name,
        ),
    ),
    "news": FilteredList(
        _section(NewsIndexPage),
        lambda: _section(NewsIndexPage)() + "rss/",
        {"category": "notice"},
        lambda: _pages(
            NewsPage.objects.live().filter(category="notice"), lambda page: morning(page.date), lambda page: page.source
        ),
    ),
    "news (Atom)": FilteredList(
        _section(NewsIndexPage),
        lambda: _section(NewsIndexPage)() + "atom/",
        {"category": "notice"},
        lambda: _pages(
            NewsPage.objects.live().filter(category="notice"), lambda page: morning(page.date), lambda page: page.source
        ),
    ),
    "patent information": FilteredList(
        _section(PatentInfoIndexPage),
        lambda: _section(PatentInfoIndexPage)() + "rss/",
        {"kind": "report"},
        lambda: _pages(
            PatentInfoPage.objects.live().filter(kind="report"),
            lambda page: morning(page.date),
            lambda page: page.author,
        ),
    ),
    "courses": FilteredList(
        _section(CourseIndexPage),
        lambda: _section(CourseIndexPage)() + "rss/",
        {"when": "all", "type": "patent_agent"},
        lambda: _pages(
            CoursePage.objects.live().filter(course_type="patent_agent"),
            lambda page: page.first_published_at,
            lambda page: page.organiser,
        ),
    ),
    "transactions": FilteredList(
        lambda: reverse("listings:transactions"),
        lambda: reverse("listings:transactions_feed"),
        {"direction": "demand"},
        lambda: _records(
            Listing.objects.public().transactions().filter(direction="demand"),
            lambda item: item.published_at,
            lambda item: item.organisation.name,
        ),
    ),
    "financing": FilteredList(
        lambda: reverse("listings:financing"),
        lambda: reverse("listings:financing_feed"),
        {"section": Listing.Section.FINANCING_PRODUCT},
        lambda: _records(
            Listing.objects.public().financing_products(),
            lambda item: item.published_at,
            lambda item: item.organisation.name,
        ),
    ),
    "institutions": FilteredList(
        lambda: reverse("services:directory"),
        lambda: reverse("services:directory_feed"),
        {"type": "law_firm"},
        lambda: _records(
            Institution.objects.public().filter(institution_type="law_firm"),
            lambda item: item.approved_at,
            lambda item: item.name,
        ),
    ),
}


def local_path(url):
    assert url.startswith(site_url() + "/"), f"{url} is not on {site_url()}"
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_each_filtered_list_links_the_feed_of_its_filter_which_holds_only_dated_matches(client, demo_site):
    # One test over every list: the demo data takes most of a minute to load.
    for name, case in LISTS.items():
        check_filtered_feed(client, name, case)


def check_filtered_feed(client, name, case):
    query = urlencode(case.filters)
    page = client.get(case.list_url(), case.filters).content.decode()
    feed_url = f"{case.feed_url()}?{query}"
    alternates = [
        html.unescape(href)
        for href in re.findall(r'<link rel="alternate" type="application/(?:rss|atom)\+xml"[^>]*href="([^"]+)"', page)
    ]
    assert feed_url in alternates, (name, alternates)

    response = client.get(feed_url)
    assert response.status_code == 200, name
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (name, feed.bozo_exception)
    expected = case.expected()
    assert expected, f"the demo data has something for the {name} filter"
    # Each demo list is shorter than a feed, so the feed holds every match and nothing else.
    assert {entry.link for entry in feed.entries} == set(expected), name
    local_path(feed.feed.link)
    for entry in feed.entries:
        date, author = expected[entry.link]
        published = datetime.datetime(*entry.published_parsed[:6], tzinfo=ZoneInfo("UTC"))
        assert published == date.replace(microsecond=0), (name, entry.link)
        if author:
            assert entry.author == author, (name, entry.link)
        local_path(entry.id)
        assert client.get(local_path(entry.link)).status_code == 200, entry.link
