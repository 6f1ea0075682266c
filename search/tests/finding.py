"""Asking the search service as the cross-search page asks it, for the tests of what it finds."""

from search import service
from search.query import SearchQuery


def results(query):
    found = service.search(query)
    assert not found.fallback, "the primary backend did not answer"
    return found


def hits(text, *types):
    return results(SearchQuery(text=text, types=list(types), per_page=100)).hits


def uids(text, *types):
    return {hit.doc.uid for hit in hits(text, *types)}


def titles(text, *types):
    return {hit.doc.title for hit in hits(text, *types)}


def uid(kind, instance):
    return f"{kind}:{instance.pk}"
