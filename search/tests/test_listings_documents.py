"""Listings reach cross-search through listings/documents.py and the outbox: only public postings,
only public fields."""

from datetime import timedelta

from django.utils import timezone

from listings.tests.factories import FinancingNeedFactory, ListingFactory, ListingIPFactory
from search import service
from search.models import SearchEntry
from search.query import SearchQuery


def hits(text):
    return service.search(SearchQuery(text=text)).hits


def test_a_published_posting_is_found_by_patent_number_without_its_contacts(
    embedded, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        record = ListingIPFactory(number="201410123456.7")
    found = hits("ZL201410123456.7")
    assert [hit.doc.uid for hit in found] == [f"transaction:{record.listing_id}"]
    assert dict(found[0].key_facts)["价格"] == "80万元"
    entry = SearchEntry.objects.get(doc_type="transaction")
    stored = f"{entry.title} {entry.body} {entry.facts} {entry.terms}"
    assert "0518-85661234" not in stored and "ip@example.com" not in stored and "王建华" not in stored


def test_drafts_and_expired_postings_stay_out_and_closing_removes(embedded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ListingFactory(title="草稿碳纤维许可", status="draft", published_at=None)
        ListingFactory(
            title="过期碳纤维许可",
            valid_from=timezone.localdate() - timedelta(days=30),
            valid_until=timezone.localdate() - timedelta(days=1),
        )
        live = ListingFactory(title="碳纤维缠绕专利转让")
    assert [hit.doc.title for hit in hits("碳纤维")] == [live.title]
    with django_capture_on_commit_callbacks(execute=True):
        live.status = "closed"
        live.save()
    assert hits("碳纤维") == []


def test_financing_needs_are_financing_postings(embedded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        need = FinancingNeedFactory()
    found = hits("质押融资")
    assert [hit.doc.uid for hit in found] == [f"financing:{need.pk}"]
    assert found[0].type_label == "融资信息"
    assert dict(found[0].key_facts)["价格"] == "500万元"
