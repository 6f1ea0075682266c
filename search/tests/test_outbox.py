"""Indexing never loses an update: outbox rows written with the change, applied after commit, kept while
Elasticsearch is down and applied when it returns; searching meanwhile falls back to the embedded backend."""

import os
import shlex
import subprocess

import pytest
from django.db import transaction
from wagtail.models import Page

from search import service
from search.backends import embedded_backend
from search.models import OutboxEntry
from search.outbox import drain, pending, reconcile
from search.query import SearchQuery
from tests.factories import UserFactory


def add_page(title, description="", live=True):
    root = Page.get_first_root_node()
    page = Page(title=title, slug=f"p{Page.objects.count()}", search_description=description, live=live)
    root.add_child(instance=page)
    return page


def found(text):
    return [hit.doc.title for hit in service.search(SearchQuery(text=text)).hits]


def test_a_change_rolled_back_leaves_no_outbox_row(embedded):
    with pytest.raises(RuntimeError), transaction.atomic():
        add_page("海州区知识产权服务站")
        assert pending().filter(doc_type="page").exists()
        raise RuntimeError("the editor's save failed")
    assert not pending().exists()


def test_a_saved_page_is_searchable_once_the_transaction_commits(embedded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page = add_page("灌南县食用菌商标品牌培育", "地理标志商标申请")
        assert found("食用菌") == []  # nothing reaches the index before the commit
    for callback in callbacks:
        callback()
    assert found("食用菌") == [page.title]
    assert not pending().exists()
    assert OutboxEntry.objects.filter(processed_at__isnull=False).exists()


def test_unpublishing_and_deleting_remove_the_page(embedded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page("徐圩新区石化专利导航", "石化产业专利导航报告")
    assert found("专利导航") == [page.title]
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert found("专利导航") == []
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert found("专利导航") == [page.title]
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=page.pk).delete()
    assert found("专利导航") == []


def test_unpublished_pages_never_reach_the_index(embedded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        add_page("草稿：赣榆区海洋生物专利", live=False)
    assert found("海洋生物") == []
    assert not pending().exists()


def test_models_without_a_search_document_are_not_queued(embedded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        UserFactory()
    assert not OutboxEntry.objects.exists()


def test_while_elasticsearch_is_unreachable_updates_wait_and_search_falls_back(
    settings, db, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page("东海县水晶产业知识产权联盟", "水晶企业专利联盟")  # the save itself succeeds
    row = pending().get(doc_type="page", object_id=str(page.pk))
    assert row.attempts == 1 and "Connection" in row.last_error
    # The embedded copy is up to date, so the fallback finds the page, and says it is a fallback.
    results = service.search(SearchQuery(text="水晶产业"))
    assert results.fallback and results.backend == "embedded"
    assert [hit.doc.title for hit in results.hits] == [page.title]
    assert service.suggest("东海县水晶") == ["东海县水晶产业知识产权联盟"]


@pytest.mark.elasticsearch
def test_updates_written_while_elasticsearch_is_unreachable_arrive_when_it_returns(
    settings, db, es_backend, django_capture_on_commit_callbacks
):
    real_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page("连云区港口物流专利池", "港口物流专利许可")
    assert pending().filter(object_id=str(page.pk)).exists()
    settings.ELASTICSEARCH_URL = real_url
    OutboxEntry.objects.update(available_at=OutboxEntry.objects.first().created_at)
    assert drain() == (1, 0)
    results = service.search(SearchQuery(text="港口物流"))
    assert results.backend == "elasticsearch" and not results.fallback
    assert [hit.doc.title for hit in results.hits] == [page.title]


def control(action):
    subprocess.run([*shlex.split(os.environ["ELASTICSEARCH_CONTROL"]), action], check=True, timeout=240)


@pytest.mark.elasticsearch
@pytest.mark.alone
@pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_CONTROL"),
    reason="needs ELASTICSEARCH_CONTROL (a command taking stop/start) to stop and restart the node",
)
def test_stopping_elasticsearch_loses_no_update(db, es_backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        kept = add_page("灌云县盐碱地水稻专利许可", "盐碱地水稻")
        gone = add_page("海州区旧版专利资助指南", "专利资助指南")
    assert {hit.doc.title for hit in service.search(SearchQuery(text="专利")).hits} == {kept.title, gone.title}
    control("stop")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            changed = add_page("开发区新医药专利导航报告", "新医药专利导航")
            kept.title = "灌云县盐碱地水稻专利许可（已更新）"
            kept.save()
            gone.unpublish()
        assert pending().count() >= 3
        results = service.search(SearchQuery(text="专利"))
        assert results.fallback
    finally:
        control("start")
    OutboxEntry.objects.update(available_at=OutboxEntry.objects.order_by("id").first().created_at)
    applied, failed = drain()
    assert applied >= 3 and failed == 0 and not pending().exists()
    results = service.search(SearchQuery(text="专利"))
    assert not results.fallback and results.backend == "elasticsearch"
    assert {hit.doc.title for hit in results.hits} == {kept.title, changed.title}


def test_reconcile_removes_what_stopped_being_public_without_a_save(embedded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page("灌南县专利托管服务", "知识产权托管")
    # Made private behind the outbox's back (as an expiry date passing would).
    Page.objects.filter(pk=page.pk).update(live=False)
    assert found("托管") == [page.title]
    with django_capture_on_commit_callbacks(execute=True):
        assert reconcile("page")["stale"] == 1
    assert found("托管") == []
    assert str(page.pk) not in embedded_backend().object_ids("page")
