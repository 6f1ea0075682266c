"""One conformance suite, run against the embedded backend and against a real Elasticsearch node.

Every test goes through the search service, so it checks what a user gets: the same ranking rules,
filters, facets, highlighting, completions and "did you mean" whichever backend answers.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from search import backends, service
from search.documents import SearchDoc
from search.query import SearchQuery
from search.tests.corpus import EXPIRED, ROWS


def uids(results):
    return [hit.doc.uid for hit in results.hits]


def find(text, **filters):
    return service.search(SearchQuery(text=text, per_page=filters.pop("per_page", 20), **filters))


VISIBLE = len(ROWS) - len(EXPIRED)


def test_the_configured_backend_answers(search_backend):
    results = find("专利")
    assert results.backend == search_backend.name
    assert not results.fallback


def test_pledge_financing_finds_postings_institutions_and_policies(search_backend):
    results = find("质押融资")
    found = uids(results)
    assert "financing:f1" in found
    assert "institution:i5" in found and "institution:i4" in found
    assert "policy:p1" in found
    assert {"financing", "institution", "policy", "offering", "course"} <= {hit.doc.type for hit in results.hits}


def test_patent_agency_finds_the_patent_agencies_first(search_backend):
    top = uids(find("专利代理"))[:4]
    assert "institution:i1" in top and "institution:i2" in top


def test_a_partial_word_finds_the_longer_word(search_backend):
    assert "transaction:t4" in uids(find("水晶"))
    assert "institution:i1" in uids(find("港城专利"))
    assert "institution:i3" in uids(find("正信"))


def test_traditional_characters_find_simplified_documents(search_backend):
    assert "institution:i1" in uids(find("專利代理機構"))[:4]
    assert "financing:f1" in uids(find("質押融資"))


def test_mixed_chinese_and_latin_query(search_backend):
    found = uids(find("PCT 申请"))
    assert {"offering:o2", "news:n2", "policy:p3", "institution:i1"} <= set(found)
    assert "transaction:t1" not in found


@pytest.mark.parametrize(
    "typed", ["ZL201410123456.7", "201410123456.7", "2014101234567", "ZL 2014 1 0123456.7", "zl2014101234567"]
)
def test_a_patent_number_is_found_however_it_is_typed(search_backend, typed):
    results = find(typed)
    assert uids(results)[0] == "transaction:t1"
    assert results.total == 1
    assert "<mark>" in results.hits[0].snippet_html


def test_a_patent_number_without_its_last_digits_is_found(search_backend):
    assert uids(find("20141012345"))[0] == "transaction:t1"


def test_expired_items_are_never_shown(search_backend):
    everything = find("", per_page=100)
    assert everything.total == VISIBLE
    assert not EXPIRED & set(uids(everything))
    assert not EXPIRED & set(uids(find("转让", per_page=100)))
    assert not EXPIRED & set(uids(find("质押融资", per_page=100)))


def test_facets_count_every_type_and_narrowing_keeps_the_other_counts(search_backend):
    results = find("质押融资")
    assert sum(results.facets["type"].values()) == results.total
    narrowed = find("质押融资", types=["financing"])
    assert {hit.doc.type for hit in narrowed.hits} == {"financing"}
    assert narrowed.total == results.facets["type"]["financing"]
    # The type facet still offers the other types to switch to.
    assert narrowed.facets["type"] == results.facets["type"]
    assert sum(narrowed.facets["district"].values()) == narrowed.total


def test_district_category_and_status_filters(search_backend):
    east = find("", districts=["东海县"], per_page=50)
    assert east.total > 0 and {hit.doc.district for hit in east.hits} == {"东海县"}
    new_materials = find("专利", categories=["新材料"])
    assert {hit.doc.category for hit in new_materials.hits} == {"新材料"}
    repealed = find("专利", statuses=["已废止"])
    assert uids(repealed) == ["policy:p6"]
    two_districts = find("", districts=["东海县", "灌云县"], per_page=50)
    assert {hit.doc.district for hit in two_districts.hits} == {"东海县", "灌云县"}


def test_date_range_filter_and_facet(search_backend):
    week = find("", date_range="7d", per_page=50)
    cutoff = timezone.localdate() - timedelta(days=7)
    assert week.total > 0 and all(hit.doc.date >= cutoff for hit in week.hits)
    facets = find("").facets["date"]
    assert facets["7d"] == week.total
    assert facets["7d"] <= facets["30d"] <= facets["1y"]
    older = find("", date_range="older", per_page=50)
    assert older.total == facets["older"]
    assert all(hit.doc.date < timezone.localdate() - timedelta(days=365) for hit in older.hits)


def test_price_range_filter_facet_and_price_sort(search_backend):
    results = find("", types=["transaction"], price_range="100k-1m", per_page=50)
    assert set(uids(results)) == {"transaction:t1", "transaction:t2", "transaction:t8"}
    assert find("", types=["transaction"]).facets["price"]["100k-1m"] == 3
    ascending = [hit.doc.price_min for hit in find("", types=["transaction"], sort="price_asc").hits]
    assert ascending == sorted(ascending)
    descending = [hit.doc.price_max for hit in find("", types=["transaction"], sort="price_desc").hits]
    assert descending == sorted(descending, reverse=True)


def test_newest_first_and_pagination(search_backend):
    newest = find("", sort="newest", per_page=50)
    dates = [hit.doc.date for hit in newest.hits]
    assert dates == sorted(dates, reverse=True)
    first = service.search(SearchQuery(text="专利", per_page=5, page=1))
    second = service.search(SearchQuery(text="专利", per_page=5, page=2))
    assert first.total == second.total > 10
    assert not set(uids(first)) & set(uids(second))
    assert first.pages == -(-first.total // 5)


def test_titles_and_snippets_are_highlighted_and_escaped(search_backend):
    hit = next(h for h in find("质押融资").hits if h.doc.uid == "policy:p1")
    assert "<mark>" in hit.title_html
    assert "<mark>质押</mark>" in hit.snippet_html or "<mark>质押融资</mark>" in hit.snippet_html
    quoted = next(h for h in find("港城香").hits if h.doc.uid == "transaction:t3")
    assert "<mark>港城香</mark>" in quoted.title_html or "<mark>港城</mark>" in quoted.title_html
    assert "<script" not in quoted.title_html


def test_key_facts_show_district_price_date_and_validity(search_backend):
    hit = find("ZL201410123456.7").hits[0]
    facts = dict(hit.key_facts)
    assert facts["地区"] == "东海县"
    assert facts["价格"] == "50万元"
    assert facts["专利号"] == "ZL201410123456.7"
    assert "有效期至" in facts and "日期" in facts


def test_completions_as_the_user_types(search_backend):
    assert "连云港港城专利代理事务所" in service.suggest("连云港港")
    completions = service.suggest("质押")
    assert "质押融资" in completions and "质押贷款" in completions
    assert service.suggest("") == []


def test_did_you_mean_offers_the_closest_indexed_word(search_backend):
    results = find("专历代理")
    assert results.total == 0
    assert results.did_you_mean == "专利代理"
    assert find(results.did_you_mean).total > 0
    assert find("质压融资").did_you_mean == "质押融资"
    assert find("qqqxyz").did_you_mean == ""


def test_an_item_indexed_then_deleted_disappears(search_backend, settings):
    if search_backend.name == "elasticsearch":
        pytest.skip("writes are covered on a fresh index in test_indexing.py")
    doc = SearchDoc(type="news", id="n99", url="/n99/", title="赣榆区举办海洋生物专利对接会", body="对接会现场签约")
    search_backend.index([doc])
    assert uids(find("海洋生物")) == ["news:n99"]
    search_backend.delete("news", ["n99"])
    assert find("海洋生物").total == 0


# A listing page's own scope, filters and orders (search.listing) -------------------------------------


def listing(text="", **filters):
    return find(text, per_page=filters.pop("per_page", 50), **filters)


def test_a_listing_page_searches_only_its_own_types(search_backend):
    transactions = listing(scope=["transaction"])
    assert {hit.doc.type for hit in transactions.hits} == {"transaction"}
    assert transactions.total == 7
    assert set(transactions.facets["type"]) == {"transaction"}
    both = listing("质押", scope=["financing", "institution"])
    assert {hit.doc.type for hit in both.hits} == {"financing", "institution"}


def test_tags_narrow_one_key_by_any_value_and_every_key_together(search_backend):
    patents = listing(scope=["transaction"], tags={"ip_type": ["patent"]})
    assert set(uids(patents)) == {"transaction:t1", "transaction:t2"}
    transfers = listing(scope=["transaction"], tags={"ip_type": ["patent", "copyright"], "kind": ["transfer"]})
    assert set(uids(transfers)) == {"transaction:t1", "transaction:t8"}
    # Facet counts follow the tags like any other scope.
    assert transfers.facets["type"] == {"transaction": 2}


def test_tag_values_match_exactly_even_with_wildcard_characters(search_backend):
    assert uids(listing(tags={"odd_100%_value": ["yes"]})) == ["transaction:t8"]
    assert listing(tags={"odd_100%_value": ["y_s"]}).total == 0
    assert listing(tags={"odd_1": ["%"]}).total == 0
    assert listing(tags={"ip_type": ["pat"]}).total == 0


def test_date_bounds(search_backend):
    day = timezone.localdate()
    recent = listing(scope=["transaction"], date_from=day - timedelta(days=20))
    assert set(uids(recent)) == {"transaction:t1", "transaction:t2", "transaction:t4", "transaction:t8"}
    older = listing(scope=["transaction"], date_before=day - timedelta(days=10))
    assert set(uids(older)) == {
        "transaction:t2",
        "transaction:t3",
        "transaction:t5",
        "transaction:t6",
        "transaction:t8",
    }
    between = listing(scope=["transaction"], date_from=day - timedelta(days=20), date_before=day - timedelta(days=10))
    assert set(uids(between)) == {"transaction:t2", "transaction:t8"}


def test_a_price_range_reaching_into_the_bounds(search_backend):
    middle = listing(scope=["transaction"], price_from=400_000, price_to=550_000)
    assert set(uids(middle)) == {"transaction:t1", "transaction:t2"}
    assert uids(listing(scope=["transaction"], price_from=1_000_000)) == ["transaction:t5"]
    assert set(uids(listing(scope=["transaction"], price_to=50_000))) == {"transaction:t4", "transaction:t6"}
    # Unpriced items drop out of a price filter.
    assert listing(scope=["institution"], price_from=0).total == 0


def test_rank_filter_and_order(search_backend):
    good = listing(scope=["institution"], min_rank=4)
    assert set(uids(good)) == {"institution:i1", "institution:i2"}
    ranked = uids(listing(scope=["institution"], sort="rank"))
    assert ranked[:3] == ["institution:i1", "institution:i2", "institution:i3"]
    unranked = [hit.doc.title for hit in listing(scope=["institution"], sort="rank").hits[3:]]
    assert unranked == sorted(unranked)


def test_title_date_ascending_and_expiring_orders(search_backend):
    titles = [hit.doc.title for hit in listing(scope=["institution"], sort="title").hits]
    assert titles == sorted(titles) and len(titles) == 7
    dates = [hit.doc.date for hit in listing(scope=["transaction"], sort="date_asc").hits]
    assert dates == sorted(dates)
    expiring = listing(scope=["transaction"], sort="expiring").hits
    ends = [hit.doc.expires for hit in expiring]
    assert ends == sorted(ends)
    # Equal validity: the newest posting first.
    sixty_days = [hit.doc.uid for hit in expiring if hit.doc.expires == ends[0]]
    assert sixty_days == ["transaction:t4", "transaction:t8", "transaction:t3"]


def test_tags_and_rank_come_back_with_the_document(search_backend):
    hit = listing(scope=["institution"], tags={"grade": ["A+"]}).hits[0]
    assert hit.doc.uid == "institution:i1"
    assert hit.doc.tags == ["grade:A+", "licensed:yes", "type:patent_agency"]
    assert hit.doc.rank == 4.8


def test_items_of_the_same_day_are_ordered_by_their_moment(search_backend):
    """Three postings of one day, published at different times, under a type of their own."""
    shanghai = ZoneInfo("Asia/Shanghai")
    day = timezone.localdate() - timedelta(days=3)
    times = {"m1": (9, 0), "m2": (17, 30), "m3": (12, 15)}
    docs = [
        SearchDoc(
            type="moment_test",
            id=pk,
            url=f"/test/moment/{pk}/",
            title=f"同日发布的转让信息{pk}",
            date=datetime(day.year, day.month, day.day, hour, minute, tzinfo=shanghai),
        )
        for pk, (hour, minute) in times.items()
    ]
    backend = backends.get_search_backend()
    try:
        backend.index(docs)
        backend.refresh()
        newest = listing(scope=["moment_test"], sort="newest")
        assert uids(newest) == ["moment_test:m2", "moment_test:m3", "moment_test:m1"]
        assert {hit.doc.date for hit in newest.hits} == {day}
        soonest = listing(scope=["moment_test"], sort="date_asc")
        assert uids(soonest) == ["moment_test:m1", "moment_test:m3", "moment_test:m2"]
        assert soonest.hits[0].doc.moment == docs[0].moment
    finally:
        backend.delete("moment_test", list(times))
