"""Fixtures running the same tests against both backends.

`search_backend` is parametrised over the embedded backend (always) and Elasticsearch (skipped unless
ELASTICSEARCH_URL is set); the search service then answers from that backend. Elasticsearch indices
get a per-run prefix under settings.SEARCH_INDEX_PREFIX and are deleted at teardown.
"""

import os
import uuid

import pytest
from django.conf import settings as django_settings

from search import backends
from search.tests.corpus import corpus_docs

RUN_ID = uuid.uuid4().hex[:8]


def es_url():
    return os.environ.get("ELASTICSEARCH_URL", "")


def es_prefix(suffix):
    return f"{django_settings.SEARCH_INDEX_PREFIX}_{RUN_ID}_{suffix}"


def use_elasticsearch(settings, prefix):
    settings.ELASTICSEARCH_URL = es_url()
    settings.SEARCH_INDEX_PREFIX = prefix
    settings.SEARCH_REFRESH_ON_WRITE = True
    return backends.get_search_backend()


@pytest.fixture(scope="session")
def es_corpus_prefix():
    """An Elasticsearch index set holding the corpus, built once per run."""
    prefix = es_prefix("corpus")
    backend = backends.ElasticsearchBackend(es_url(), prefix=prefix, refresh=True)
    docs = corpus_docs()
    for doc_type in sorted({d.type for d in docs}):
        backend.rebuild(doc_type, [d for d in docs if d.type == doc_type])
    yield prefix
    backend.delete_all_indices()


@pytest.fixture
def es_backend(settings):
    """A fresh, empty Elasticsearch backend, primary for this test (for tests that write)."""
    backend = use_elasticsearch(settings, es_prefix(uuid.uuid4().hex[:6]))
    yield backend
    backend.delete_all_indices()


@pytest.fixture
def embedded(settings, db):
    settings.ELASTICSEARCH_URL = ""
    return backends.embedded_backend()


@pytest.fixture(params=["embedded", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def search_backend(request, settings, db):
    """The corpus loaded into one backend, which the search service then uses as primary."""
    if request.param == "embedded":
        settings.ELASTICSEARCH_URL = ""
        backend = backends.embedded_backend()
        backend.index(corpus_docs())
        return backend
    return use_elasticsearch(settings, request.getfixturevalue("es_corpus_prefix"))
