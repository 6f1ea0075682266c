"""How many queries each public page costs when it is not served from the page cache (a signed-in
visitor, or the first visitor after a change), on the demo data (loaded once for the module).

The navigation, footer, view restrictions and home figures come from the cache (core.pagecache), so a
page pays only for what it lists. A page that starts asking more fails here, naming itself.
"""

from django.core.signals import request_started
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Site

from cms.models import EarlyWarningReportPage, NewsPage, PatentInfoPage, PolicyPage, SiteFooterSettings
from listings.models import Listing
from search.outbox import process_pending
from services.models import Institution, Offering
from training.models import CoursePage

BUDGETS = {
    "home": 8,
    "policy library": 15,
    "policy": 19,
    "news": 13,
    "news article": 11,
    "patent information": 13,
    "patent information page": 10,
    "early-warning report": 11,
    "training": 10,
    "course": 12,
    "institution directory": 8,
    "institution": 7,
    "offerings": 6,
    "offering": 3,
    "comparison": 4,
    "listings": 15,
    "transactions": 8,
    "financing": 10,
    "posting": 7,
    "rights protection": 9,
    "infringement report form": 3,
    # Each published indicator counted from records costs a fixed number of queries (its figure on the report
    # day and at the end of the plan's years, for its trend), whatever the number of records: the budget grows
    # with the indicators (the copyright and evaluation counts of session 7 added three), never with the data.
    "targets": 2,
    "search": 4,
}


def public_pages():
    institutions = Institution.objects.public().order_by("pk")
    return {
        "home": "/",
        "policy library": "/policies/",
        "policy": PolicyPage.objects.live().order_by("path").first().url,
        "news": "/news/",
        "news article": NewsPage.objects.live().order_by("path").first().url,
        "patent information": "/patent-info/",
        "patent information page": PatentInfoPage.objects.live().not_type(EarlyWarningReportPage).first().url,
        "early-warning report": EarlyWarningReportPage.objects.live().first().url,
        "training": "/training/",
        "course": CoursePage.objects.live().order_by("path").first().url,
        "institution directory": reverse("services:directory"),
        "institution": reverse("services:institution_detail", args=[institutions.first().pk]),
        "offerings": reverse("services:offering_list"),
        "offering": reverse("services:offering_detail", args=[Offering.objects.public().order_by("pk").first().pk]),
        "comparison": reverse("services:compare") + "?ids=" + ",".join(str(i.pk) for i in institutions[:3]),
        "listings": reverse("listings:index"),
        "transactions": reverse("listings:transactions"),
        "financing": reverse("listings:financing"),
        "posting": Listing.objects.public().order_by("pk").first().get_absolute_url(),
        "rights protection": reverse("rights:index"),
        "infringement report form": reverse("rights:report"),
        "targets": reverse("targets:summary"),
        "search": reverse("search:results") + "?q=专利代理",
    }


def without_outbox_lookups():
    """Index what is pending now, and count no outbox look-up (the fixture's stand-in for a commit) in any budget."""
    while process_pending()[0]:
        pass
    request_started.disconnect(dispatch_uid="tests_indexed_demo")


def test_every_public_page_stays_within_its_query_budget(client, indexed_demo, settings):
    without_outbox_lookups()
    # Wagtail creates the footer settings on their first read, which counts as a change of what pages show.
    SiteFooterSettings.for_site(Site.objects.get(is_default_site=True))
    settings.PAGE_CACHE_ENABLED = False
    pages = public_pages()
    # A first pass fills the navigation, footer and figures; the second is what every later render costs.
    for url in pages.values():
        assert client.get(url).status_code == 200, url
    spent = {}
    for name, url in pages.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        spent[name] = len(queries.captured_queries)
    over = {name: f"{spent[name]} > {BUDGETS[name]}" for name in BUDGETS if spent[name] > BUDGETS[name]}
    assert not over, f"over budget: {over}; all: {spent}"
    assert spent["home"] <= 10


# The pages `bench/pages.py` measures signed in, as the demo enterprise owner: what the public page costs plus
# the person (read with their organisation); their session, permissions and inbox count come from the cache
# (cached_db sessions, accounts.backends, services.inbox) once read.
# Before session 9 they cost 13, 13, 24, 9, 13 and 7.
SIGNED_IN_BUDGETS = {
    "home": 3,
    "institution directory": 7,
    "policy": 14,
    "search": 3,
    "transactions": 7,
    "targets": 1,
}


def test_signed_in_pages_stay_within_their_query_budget(client, indexed_demo, settings):
    from accounts.models import User

    without_outbox_lookups()
    SiteFooterSettings.for_site(Site.objects.get(is_default_site=True))
    client.force_login(User.objects.get(email="enterprise@demo.ip.lyg"))
    pages = {name: url for name, url in public_pages().items() if name in SIGNED_IN_BUDGETS}
    for url in pages.values():
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'id="inbox-badge"' in response.content.decode(), url
    spent = {}
    for name, url in pages.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        spent[name] = len(queries.captured_queries)
    over = {name: f"{spent[name]} > {budget}" for name, budget in SIGNED_IN_BUDGETS.items() if spent[name] > budget}
    assert not over, f"over budget: {over}; all: {spent}"
