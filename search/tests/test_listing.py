"""search.listing: a listing page's search answered as a page of the listing's own objects.

Runs on the embedded backend and, when ELASTICSEARCH_URL is set, on a fresh Elasticsearch index (the
`search_index` fixture applies the outbox the way a commit would).
"""

import pytest

from search.listing import listing_page, page_number
from search.outbox import process_pending
from search.query import SearchQuery
from services.models import Institution
from services.tests.factories import InstitutionFactory


def institutions(**query):
    return listing_page(
        SearchQuery(scope=["institution"], sort="title", **query),
        {"institution": Institution.objects.public().select_related("organisation")},
    )


@pytest.fixture
def five(search_index):
    made = [InstitutionFactory(organisation__name=f"连云港第{n}知识产权服务所") for n in "一二三四五"]
    process_pending()
    return sorted(made, key=lambda institution: institution.organisation.name)


def test_objects_come_in_result_order_with_their_hits(five):
    page = institutions(per_page=10)
    assert list(page) == five
    assert page.paginator.count == 5
    assert all(item.search_hit.doc.id == str(item.pk) for item in page)


def test_a_keyword_highlights_the_title_of_each_object(five):
    third = next(institution for institution in five if "第三" in institution.organisation.name)
    page = institutions(text="第三")
    assert list(page) == [third]
    assert "<mark>第三</mark>" in page[0].search_hit.title_html


def test_pages_and_a_page_past_the_last(five):
    first = institutions(per_page=2, page=1)
    assert (len(first), first.number, first.paginator.num_pages, first.has_next()) == (2, 1, 3, True)
    last = institutions(per_page=2, page=3)
    assert list(last) == five[4:]
    beyond = institutions(per_page=2, page=99)
    assert beyond.number == 3 and list(beyond) == five[4:]


def test_an_object_the_index_still_holds_but_is_no_longer_public_is_left_out(five):
    # Suspended with update(): no signal, so the index still has it until the next reconcile.
    Institution.objects.filter(pk=five[0].pk).update(status=Institution.Status.SUSPENDED)
    page = institutions(per_page=10)
    assert five[0] not in list(page)
    assert list(page) == five[1:]


def test_no_result_is_an_empty_first_page(search_index):
    # Nothing indexed yet (no Elasticsearch index exists at all) and a keyword that finds nothing.
    page = institutions(text="不存在的机构名称")
    assert (list(page), page.number, page.paginator.count) == ([], 1, 0)


@pytest.mark.parametrize("value, number", [("3", 3), ("0", 1), ("-2", 1), ("abc", 1), (None, 1)])
def test_page_number_from_the_request(value, number):
    assert page_number(value) == number
