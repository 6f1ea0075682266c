"""The search backends: Elasticsearch when ELASTICSEARCH_URL is set, else embedded in the database.

Both take SearchDocs to index and a SearchQuery plus the parsed token groups (search.text) to search,
and answer a BackendResult: ranked documents, a total and facet counts. Highlighting, snippets,
completions ranking and "did you mean" are done above them (search.service), the same for both.

One module per backend (`embedded`, with the full-text SQL of each database in `sqlite` and
`postgresql`; `elastic`), what they share in `base` and `facets`. The embedded backend is always kept
up to date, also when Elasticsearch is the primary one: searching falls back to it while Elasticsearch
is down.
"""

from functools import cache

from django.conf import settings

from .base import SearchUnavailable
from .elastic import ElasticsearchBackend
from .embedded import EmbeddedBackend

__all__ = [
    "ElasticsearchBackend",
    "EmbeddedBackend",
    "SearchUnavailable",
    "embedded_backend",
    "get_search_backend",
    "write_backends",
]


@cache
def embedded_backend():
    return EmbeddedBackend()


@cache
def _elasticsearch_backend(url, prefix, refresh):
    return ElasticsearchBackend(url, prefix=prefix, refresh=refresh)


def get_search_backend():
    """The primary backend, as the settings say (read on every call, so tests can switch it)."""
    if settings.ELASTICSEARCH_URL:
        return _elasticsearch_backend(
            settings.ELASTICSEARCH_URL,
            settings.SEARCH_INDEX_PREFIX,
            getattr(settings, "SEARCH_REFRESH_ON_WRITE", False),
        )
    return embedded_backend()


def write_backends():
    """Where index updates go: the embedded backend always, Elasticsearch too when configured."""
    primary = get_search_backend()
    return [embedded_backend()] if primary.name == "embedded" else [embedded_backend(), primary]
