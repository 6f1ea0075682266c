"""Matching many restricted queries at once (saved searches) finds what each search would find."""

from dataclasses import replace

import pytest

from search import service
from search.query import SearchQuery
from search.tests.corpus import corpus_docs

pytestmark = pytest.mark.django_db


def test_queries_matched_together_find_what_each_search_finds_among_the_same_documents(search_backend):
    docs = corpus_docs()
    within = [doc.uid for doc in docs][::2]
    queries = [
        SearchQuery(text="质押融资"),
        SearchQuery(text="专利", districts=[docs[0].district]),
        SearchQuery(types=["policy"]),
        SearchQuery(text="专利代理", scope=["institution", "offering"], sort="newest"),
        SearchQuery(text="石英 OR 光伏"),
    ]
    queries = [replace(query, within=within) for query in queries]
    expected = []
    for query in queries:
        results = service.search(replace(query, per_page=100))
        assert results.total == len(results.hits)
        expected.append({hit.doc.uid for hit in results.hits})
    assert service.match_each(queries) == expected
    assert all(expected[:4]) and all(len(found) < len(within) for found in expected)
