"""Runs the saved searches against what has become public since the last run.

Each distinct saved query (source, section page, query string) is built once through its list's own
filter form (`sources`) and sent to the search service restricted to the new documents
(`SearchQuery.within`), so the index does the matching and the work grows with the number of distinct
searches and new items, not with every item times every person.
"""

from collections import defaultdict
from dataclasses import replace
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from search import service

from .models import Arrival, Match, SavedSearch
from .sources import search_query

BATCH = 5000
KEEP_MATCHED_ARRIVALS = timedelta(days=7)


def match_new_items(limit=BATCH):
    """Matches the arrivals not matched yet (up to `limit`); returns the number of Match rows written.
    Running it twice writes nothing twice (a Match is unique per search and item)."""
    with transaction.atomic():
        arrivals = list(Arrival.objects.select_for_update().filter(matched_at__isnull=True).order_by("id")[:limit])
        if not arrivals:
            return 0
        # An arrival is recorded once its document is written; it must also be searchable when matched,
        # or a search run within the index's refresh interval would miss it for good.
        service.refresh()
        arrived = {}
        for arrival in arrivals:
            arrived.setdefault(arrival.uid, arrival.arrived_at)
        latest = max(arrived.values())
        searches = SavedSearch.objects.active().filter(created_at__lte=latest).select_related("page")
        groups = defaultdict(list)
        for saved in searches.iterator(chunk_size=2000):
            groups[(saved.source, saved.page_id, saved.querystring)].append(saved)
        now = timezone.now()
        matches = []
        matched_searches = set()
        for (source, _page_id, querystring), members in groups.items():
            page = members[0].page.specific if members[0].page_id else None
            for doc in run(source, querystring, page, arrived):
                for saved in members:
                    # A search hears only of what became public after it was saved.
                    if arrived[doc.uid] >= saved.created_at:
                        matches.append(_match(saved, doc, now))
                        matched_searches.add(saved.pk)
        Match.objects.bulk_create(matches, ignore_conflicts=True, batch_size=1000)
        searches.update(last_run_at=now)
        if matched_searches:
            SavedSearch.objects.filter(pk__in=matched_searches).update(last_match_at=now)
        Arrival.objects.filter(pk__in=[arrival.pk for arrival in arrivals]).update(matched_at=now)
        Arrival.objects.filter(matched_at__lt=now - KEEP_MATCHED_ARRIVALS).delete()
    return len(matches)


def run(source, querystring, page, arrived):
    """The documents among `arrived` ({uid: time}) one saved query finds."""
    query = search_query(source, querystring, page)
    if query is None:
        return []
    within = [uid for uid in arrived if not query.scope or uid.partition(":")[0] in query.scope]
    if query.types:
        within = [uid for uid in within if uid.partition(":")[0] in query.types]
    if not within:
        return []
    return service.matching_documents(replace(query, within=within, sort="newest"))


def _match(saved, doc, now):
    return Match(saved_search=saved, doc_type=doc.type, object_id=doc.id, matched_at=now)
