"""Listing pages (the institution directory, offerings, postings, courses, policies, news...) filter and
order their items through the same search as the cross-search page, then show their own cards.

A listing page builds a `SearchQuery` from its filter form (its own types as `scope`, its own filters as
`tags`, dates, prices, rank) and calls `listing_page`; the index decides what matches, in which order and
how many there are, and the page's own public querysets supply the objects shown. An object the index
still holds but the queryset no longer returns (the index lags a change by a moment) is left out, so
nothing that stopped being public is ever shown.
"""

from dataclasses import replace
from functools import cached_property

from django.core.paginator import Paginator

from . import service

# Elasticsearch answers at most 10,000 results deep (index.max_result_window).
MAX_RESULT_WINDOW = 10_000


def page_number(value):
    """The page a request asks for: a positive whole number, else the first."""
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def listing_page(query, querysets):
    """One page of the search as a Django `Page` of the listing's own objects, in result order.

    `querysets` maps each type in `query.scope` to the queryset its objects are read from (the public
    one, with what the cards need). A page past the last shows the last. Each object carries its hit as
    `search_hit` (highlighted title and snippet); the page carries the whole answer as `search_results`
    (total, facets, whether the embedded backend answered in place of Elasticsearch).
    """
    query = replace(query, page=min(query.page, MAX_RESULT_WINDOW // query.per_page))
    results = service.search(query)
    if results.total and query.page > results.pages:
        query = replace(query, page=results.pages)
        results = service.search(query)
    objects = _objects_in_order(results.hits, querysets)
    paginator = Paginator(range(min(results.total, MAX_RESULT_WINDOW)), query.per_page)
    page = paginator.page(min(query.page, paginator.num_pages))
    page.object_list = objects
    page.search_results = results
    return page


class DeferredListing:
    """A list page's filter form and page of results, searched only when a template first reads them: a
    signed-in visitor's page keeps its public part (`{% public_fragment %}`), and then nothing is searched.
    `make` returns (form, page)."""

    def __init__(self, make):
        self._make = make

    @cached_property
    def _made(self):
        return self._make()

    @property
    def form(self):
        return self._made[0]

    @property
    def page(self):
        return self._made[1]

    @property
    def keyword(self):
        return self.page.search_results.query.text


def _objects_in_order(hits, querysets):
    wanted = {}
    for hit in hits:
        wanted.setdefault(hit.doc.type, []).append(hit.doc.id)
    loaded = {}
    for doc_type, ids in wanted.items():
        for item in querysets[doc_type].filter(pk__in=ids):
            loaded[(doc_type, str(item.pk))] = item
    objects = []
    for hit in hits:
        item = loaded.get((hit.doc.type, hit.doc.id))
        if item is not None:
            item.search_hit = hit
            objects.append(item)
    return objects
