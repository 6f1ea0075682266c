"""Runs the saved searches against what has become public since the last run.

Each distinct saved query (source, section page, query string) is built once through its list's own
filter form (`sources`) and restricted to the new documents of its types (`SearchQuery.within`); the
search service matches them together (`search.service.match_each`: Elasticsearch's multi-search in
batches, nothing ranked or counted), so the index does the matching and the work grows with the number
of distinct searches and new items, not with every item times every person.
"""

import itertools
from collections import defaultdict
from dataclasses import replace
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from search import service

from .models import Arrival, Match, SavedSearch
from .sources import search_query

BATCH = 5000
# Saved queries handed to the search service at once (it batches them further for the backend).
MATCH_CHUNK = 1000
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
        for members, uids in found(groups, arrived):
            for uid in uids:
                for saved in members:
                    # A search hears only of what became public after it was saved.
                    if arrived[uid] >= saved.created_at:
                        matches.append(_match(saved, uid, now))
                        matched_searches.add(saved.pk)
        Match.objects.bulk_create(matches, ignore_conflicts=True, batch_size=1000)
        searches.update(last_run_at=now)
        if matched_searches:
            SavedSearch.objects.filter(pk__in=matched_searches).update(last_match_at=now)
        Arrival.objects.filter(pk__in=[arrival.pk for arrival in arrivals]).update(matched_at=now)
        Arrival.objects.filter(matched_at__lt=now - KEEP_MATCHED_ARRIVALS).delete()
    return len(matches)


def found(groups, arrived):
    """(saved searches sharing one query, uids it finds among `arrived` ({uid: time})), for each group of
    `groups` ({(source, page id, query string): [saved searches]}) whose query can find any of them; the
    searches go to the search service MATCH_CHUNK at a time."""
    restrictions = {}
    pending = (
        (members, restricted_query(source, querystring, members[0], arrived, restrictions))
        for (source, _page_id, querystring), members in groups.items()
    )
    pending = ((members, query) for members, query in pending if query is not None)
    while chunk := list(itertools.islice(pending, MATCH_CHUNK)):
        yield from zip((members for members, _q in chunk), service.match_each([q for _m, q in chunk]), strict=True)


def restricted_query(source, querystring, saved, arrived, restrictions):
    """The saved query restricted to the arrived documents of its types, or None when it can find none.
    `restrictions` keeps each list of documents made, for the next query of the same types."""
    page = saved.page.specific if saved.page_id else None
    query = search_query(source, querystring, page)
    if query is None:
        return None
    kinds = (tuple(query.scope), tuple(query.types))
    if kinds not in restrictions:
        within = [uid for uid in arrived if not query.scope or uid.partition(":")[0] in query.scope]
        if query.types:
            within = [uid for uid in within if uid.partition(":")[0] in query.types]
        restrictions[kinds] = within
    if not restrictions[kinds]:
        return None
    return replace(query, within=restrictions[kinds])


def _match(saved, uid, now):
    doc_type, _sep, object_id = uid.partition(":")
    return Match(saved_search=saved, doc_type=doc_type, object_id=object_id, matched_at=now)
