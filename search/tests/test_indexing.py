"""manage.py search_reindex and search_status, the alias swap, and /healthz's search report."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

from search import service, text
from search.analysis import analysed
from search.backends import embedded_backend
from search.documents import SearchDoc
from search.models import SearchEntry
from search.query import SearchQuery
from search.tests.corpus import corpus_docs


def add_page(title, description=""):
    page = Page(title=title, slug=f"r{Page.objects.count()}", search_description=description)
    Page.get_first_root_node().add_child(instance=page)
    return page


def run(command, *args):
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def titles(text):
    return [hit.doc.title for hit in service.search(SearchQuery(text=text)).hits]


def test_reindex_rebuilds_the_embedded_index_from_the_database(embedded):
    page = add_page("连云港市知识产权维权援助中心", "维权援助 侵权纠纷")
    SearchEntry.objects.all().delete()
    embedded.index([SearchDoc(type="page", id="999999", url="/gone/", title="已删除的维权页面")])
    output = run("search_reindex", "page")
    assert "page:" in output and "documents" in output
    assert titles("维权援助") == [page.title]
    assert titles("已删除") == []


def test_status_reports_counts_and_lists_drift(embedded):
    page = add_page("赣榆区海产品地理标志", "地理标志")
    run("search_reindex", "page")
    assert "in step" in run("search_status", "page")
    embedded.delete("page", [page.pk])
    embedded.index([SearchDoc(type="page", id="424242", url="/x/", title="过期页面")])
    output = run("search_status", "page")
    assert "DRIFT" in output
    assert f"missing from embedded (1): {page.pk}" in output
    assert "not public but in embedded (1): 424242" in output
    assert "outbox: 1 pending" in output  # the page saved above, never committed in this test


def test_unknown_type_is_refused(embedded):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="nosuchtype"):
        run("search_reindex", "nosuchtype")


@pytest.mark.elasticsearch
def test_reindex_swaps_the_alias_to_a_new_index_and_drops_the_old(es_backend, db):
    page = add_page("连云港市专利导航服务基地", "专利导航")
    run("search_reindex", "page")
    first = es_backend.indices_of("page")
    assert titles("专利导航") == [page.title]
    run("search_reindex", "page")
    second = es_backend.indices_of("page")
    assert len(first) == len(second) == 1 and first != second
    assert not es_backend.client.indices.exists(index=first[0])
    assert titles("专利导航") == [page.title]
    assert embedded_backend().object_ids("page") == es_backend.object_ids("page")


@pytest.mark.elasticsearch
def test_an_index_being_built_is_not_searched_until_swapped(es_backend, db):
    docs = [d for d in corpus_docs() if d.type == "policy"]
    es_backend.rebuild("policy", docs[:2])
    building = es_backend.new_index_name("policy")
    es_backend._create_index(building)
    es_backend.client.index(
        index=building,
        id="policy:x",
        document={"doc_type": "policy", "object_id": "x", "title_tokens": "质押", "title": "半成品"},
        refresh=True,
    )
    results = service.search(SearchQuery(text="质押"))
    assert "半成品" not in [hit.doc.title for hit in results.hits]
    es_backend.client.indices.delete(index=building)


@pytest.mark.elasticsearch
def test_health_reports_the_elasticsearch_node(es_backend):
    report = es_backend.health()
    assert report["ok"] and report["backend"] == "elasticsearch" and report["version"].startswith("8.")


def test_health_reports_the_embedded_backend(embedded):
    assert embedded.health() == {"ok": True, "backend": "embedded", "documents": 0}


def test_analysis_in_worker_processes_gives_the_same_tokens_in_the_same_order(db, settings, monkeypatch):
    monkeypatch.setattr("search.analysis.PARALLEL_MINIMUM", 1)
    docs = corpus_docs()
    settings.SEARCH_ANALYSIS_WORKERS = 1
    serial = list(analysed(docs, batch_size=7))
    settings.SEARCH_ANALYSIS_WORKERS = 2
    parallel = list(analysed(docs, batch_size=7))
    assert parallel == serial
    assert [doc.uid for doc, _tokens in parallel] == [doc.uid for doc in docs]
    assert serial[0][1] == docs[0].tokens()
    # One batch or less: no worker processes at all, the same answer.
    assert list(analysed(docs[:5], batch_size=7)) == serial[:5]


def _mark_kept_title(doc, word):
    """Replaces the analysed title an entry keeps (its fingerprint unchanged), so a search for `word`
    finds the document only if a rebuild reused the kept text instead of segmenting again."""
    SearchEntry.objects.filter(doc_type=doc.type, object_id=doc.id).update(title_tokens=word)


def test_a_rebuild_reuses_the_kept_analysis_of_unchanged_documents(embedded):
    docs = [d for d in corpus_docs() if d.type == "transaction"]
    embedded.index(docs)
    _mark_kept_title(docs[0], "zzkeptword")
    assert embedded.rebuild("transaction", docs, chunk_size=3) == len(docs)
    assert [h.doc.uid for h in service.search(SearchQuery(text="zzkeptword")).hits] == [docs[0].uid]


def test_a_rebuild_analyses_again_a_document_whose_text_changed(embedded):
    docs = [d for d in corpus_docs() if d.type == "transaction"]
    embedded.index(docs)
    _mark_kept_title(docs[0], "zzkeptword")
    docs[0].title = "赣榆区紫菜加工专利转让"
    embedded.rebuild("transaction", docs, chunk_size=3)
    assert titles("zzkeptword") == []
    assert docs[0].title in titles("紫菜加工")


def test_a_changed_analyser_makes_kept_analysis_stale(embedded, monkeypatch):
    docs = [d for d in corpus_docs() if d.type == "transaction"]
    embedded.index(docs)
    assert set(embedded.kept_tokens(docs)) == {doc.uid for doc in docs}
    monkeypatch.setattr(text, "ANALYSER_VERSION", text.ANALYSER_VERSION + 1)
    text.analyser_signature.cache_clear()
    try:
        assert embedded.kept_tokens(docs) == {}
    finally:
        monkeypatch.undo()
        text.analyser_signature.cache_clear()


def test_a_rebuild_drops_documents_no_longer_given(embedded):
    docs = [d for d in corpus_docs() if d.type == "transaction"]
    embedded.index(docs)
    embedded.rebuild("transaction", docs[1:], chunk_size=3)
    assert embedded.object_ids("transaction") == {doc.id for doc in docs[1:]}


@pytest.mark.elasticsearch
def test_an_elasticsearch_rebuild_reuses_the_analysis_the_embedded_backend_keeps(es_backend, db):
    docs = [d for d in corpus_docs() if d.type == "transaction"]
    embedded = embedded_backend()
    embedded.index(docs)
    _mark_kept_title(docs[0], "zzkeptword")
    es_backend.rebuild("transaction", docs, chunk_size=3, kept=embedded.kept_tokens)
    found = service.search(SearchQuery(text="zzkeptword"))
    assert not found.fallback
    assert [h.doc.uid for h in found.hits] == [docs[0].uid]


@pytest.mark.elasticsearch
def test_a_rebuild_larger_than_a_batch_is_searchable_whole(es_backend, db, settings):
    settings.SEARCH_ANALYSIS_WORKERS = 2
    docs = [doc for doc in corpus_docs() if doc.type == "transaction"]
    assert es_backend.rebuild("transaction", docs, chunk_size=3) == len(docs)
    found = service.search(SearchQuery(text="转让", scope=["transaction"], per_page=50))
    assert not found.fallback
    assert {hit.doc.uid for hit in found.hits} >= {"transaction:t1", "transaction:t3", "transaction:t8"}
