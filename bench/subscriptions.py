"""Saved-search digest benchmark: one digest run over 10,000 saved searches and 5,000 newly public items,
against the same searches sent raw to Elasticsearch. Writes the "Saved-search digests" section of
docs/benchmarks.md.

Needs ELASTICSEARCH_URL. In a throw-away SQLite database (migrated) and indices of this run's own prefix
(removed at the end): BENCH_DIGEST_EXISTING older documents plus BENCH_DIGEST_NEW new ones (recorded as
arrivals, as the search outbox records them once they are in the index), and BENCH_DIGEST_SEARCHES saved
searches of the cross-search page spread over BENCH_DIGEST_PEOPLE people, their query strings drawn from a
type, topics, companies and districts (people share searches, as they do).

- Ours: `subscriptions.matching.match_new_items` (each distinct saved query built once through its page's
  form, restricted to the new documents of its types, all of them matched through
  `search.service.match_each`: Elasticsearch's multi-search, MSEARCH_BATCH searches a request; the Match
  rows written) then `subscriptions.delivery.build_digests` (matches gathered per person, deduplicated).
  Sending is left out: its public re-check reads the content apps' models, which the generated documents
  do not have.
- Raw: the same multi-search requests (the same request bodies, batched the same way), built beforehand
  and sent with the `elasticsearch` client: what Elasticsearch itself costs, so the ratio is our overhead.
- Once, for scale: the way matching ran before (each saved query a search of its own through
  `search.service.search`, with facets and highlighting), on a sample of BENCH_DIGEST_SINGLE_SAMPLE
  queries, extrapolated to every distinct query.

Rounds alternate ours and raw (state reset before each of ours); the median of BENCH_ROUNDS rounds is
reported.

    ELASTICSEARCH_URL=http://127.0.0.1:9200 nice -n 10 .venv/bin/python -m bench.subscriptions
"""

import os
import random
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

from bench.report import load, machine_line, write_section
from bench.throwaway import django_in_throwaway_database
from bench.timing import alternate, median_of, seconds

ROOT = Path(__file__).resolve().parent.parent
EXISTING = int(os.environ.get("BENCH_DIGEST_EXISTING", 5_000))
NEW = int(os.environ.get("BENCH_DIGEST_NEW", 5_000))
SEARCHES = int(os.environ.get("BENCH_DIGEST_SEARCHES", 10_000))
PEOPLE = int(os.environ.get("BENCH_DIGEST_PEOPLE", 2_000))
SINGLE_SAMPLE = int(os.environ.get("BENCH_DIGEST_SINGLE_SAMPLE", 200))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
WARM_UP = os.environ.get("BENCH_DIGEST_WARM_UP", "1") not in ("", "0")


def saved_querystrings(rng):
    """A list's type, a topic and often a company or a district: what people watch (a saved search of a
    whole list would match every new item of its type)."""
    from bench.search import COMPANIES, DISTRICTS, INVENTIONS, QUERIES, SERVICES, TYPES

    topics = [*QUERIES, *SERVICES, *(invention[-6:] for invention in INVENTIONS)]
    for _ in range(SEARCHES):
        words = [rng.choice(topics)]
        if rng.random() < 0.5:
            words.append(rng.choice(COMPANIES))
        params = {"q": " ".join(words), "type": rng.choice(TYPES)}
        if rng.random() < 0.5:
            params["district"] = rng.choice(DISTRICTS)
        yield urlencode(params)


def use_elasticsearch(url):
    from django.conf import settings

    from search.backends import get_search_backend

    settings.ELASTICSEARCH_URL = url
    settings.SEARCH_INDEX_PREFIX = f"{settings.SEARCH_INDEX_PREFIX}_benchdigest{os.getpid()}"
    backend = get_search_backend()
    backend.client = backend.client.options(request_timeout=300)
    backend.delete_all_indices()
    return backend


def populate(backend):
    from django.utils import timezone

    from accounts.models import User
    from bench.search import TYPES, generate
    from subscriptions.models import Arrival, SavedSearch

    rng = random.Random(2014)
    print(f"Indexing {EXISTING + NEW:,} documents…", flush=True)
    docs = list(generate(EXISTING + NEW, seed=18))
    for doc_type in TYPES:
        backend.rebuild(doc_type, [doc for doc in docs if doc.type == doc_type])
    earlier = timezone.now() - timedelta(days=1)
    users = User.objects.bulk_create(
        [User(email=f"reader{n}@bench.example", name=f"读者{n}", password="!") for n in range(PEOPLE)]
    )
    SavedSearch.objects.bulk_create(
        [
            SavedSearch(
                owner=users[n % PEOPLE],
                name=f"检索{n}",
                source="search",
                querystring=querystring,
                frequency="daily",
                created_at=earlier,
            )
            for n, querystring in enumerate(saved_querystrings(rng))
        ],
        batch_size=2000,
    )
    Arrival.objects.bulk_create([Arrival(doc_type=doc.type, object_id=doc.id) for doc in docs[EXISTING:]])


def restricted_queries():
    """Each distinct saved query restricted to the new documents of its types, as matching builds it."""
    from subscriptions import matching
    from subscriptions.models import Arrival, SavedSearch

    arrived = {arrival.uid: arrival.arrived_at for arrival in Arrival.objects.all()}
    restrictions, queries = {}, []
    distinct = SavedSearch.objects.order_by().values_list("source", "querystring").distinct()
    for source, querystring in distinct:
        query = matching.restricted_query(source, querystring, SavedSearch(source=source), arrived, restrictions)
        if query is not None:
            queries.append(query)
    return queries


def reset():
    from subscriptions.models import Arrival, Digest, Match

    Digest.objects.all().delete()
    Match.objects.all().delete()
    Arrival.objects.update(matched_at=None)


def ours():
    from subscriptions import delivery, matching

    reset()
    spent, (matches, digests) = seconds(
        lambda: (matching.match_new_items(limit=NEW), len(delivery.build_digests("daily")))
    )
    return {"seconds": spent, "matches": matches, "digests": digests}


def raw_sender(backend, queries):
    from search import text

    searches = [(query, text.parse_query(query.text) if query.text else []) for query in queries]
    requests = backend.match_requests(searches)

    def raw():
        found = 0

        def send():
            nonlocal found
            for request in requests:
                for answer in backend.client.msearch(searches=request)["responses"]:
                    found += len(answer["hits"]["hits"])

        spent, _ = seconds(send)
        return {"seconds": spent, "found": found}

    return raw, len(requests)


def one_search_each(queries):
    """The way matching ran before: each query a search of its own, with facets and highlighting."""
    from dataclasses import replace

    from search import service

    sample = queries[:SINGLE_SAMPLE]
    spent, _ = seconds(
        lambda: [service.search(replace(q, sort="newest", per_page=min(100, len(q.within)))) for q in sample]
    )
    return {"sample": len(sample), "per_search_ms": spent / len(sample) * 1000, "all_seconds": spent / len(sample)}


def main():
    url = os.environ.get("ELASTICSEARCH_URL", "")
    if not url:
        raise SystemExit("Set ELASTICSEARCH_URL: the digest is measured against raw Elasticsearch.")
    load_before = load()
    started = time.perf_counter()
    print(f"Digest benchmark: {SEARCHES:,} saved searches, {NEW:,} new of {EXISTING + NEW:,} documents…", flush=True)
    django_in_throwaway_database("digest")
    from search.backends import elastic

    backend = use_elasticsearch(url)
    try:
        version = backend.health()["version"]
        populate(backend)
        queries = restricted_queries()
        raw, requests = raw_sender(backend, queries)
        if WARM_UP:
            ours()
            raw()
        rounds = alternate({"ours": ours, "raw": raw}, ROUNDS, label="Digest: ")
        single = one_search_each(queries)
    finally:
        backend.delete_all_indices()
    single["all_seconds"] *= len(queries)
    write_report(
        {
            "version": version,
            "queries": len(queries),
            "requests": requests,
            "batch": elastic.MSEARCH_BATCH,
            "rounds": rounds,
            "single": single,
            "load_before": load_before,
            "seconds": time.perf_counter() - started,
        }
    )


def write_report(result):
    rounds = result["rounds"]
    mine, theirs = median_of(rounds, "ours", "seconds"), median_of(rounds, "raw", "seconds")
    last = rounds[-1]["ours"]
    single = result["single"]
    per_round = "; ".join(f"{r['ours']['seconds']:.1f} / {r['raw']['seconds']:.1f}" for r in rounds)
    lines = [
        "Written by `ELASTICSEARCH_URL=… nice -n 10 .venv/bin/python -m bench.subscriptions` "
        "(`bench/subscriptions.py`); not part of `make test`.",
        "",
        f"- Date: {date.today().isoformat()}; the whole run took {result['seconds'] / 60:.0f} min",
        machine_line(result["load_before"]),
        f"- Elasticsearch: {result['version']} (single node, on the same CPUs)",
        f"- Data: {EXISTING + NEW:,} documents of the cross-search's types, {NEW:,} of them new (arrivals); "
        f"{SEARCHES:,} saved searches of {PEOPLE:,} people, {result['queries']:,} distinct queries that can find "
        f"a new item of their type, sent as {result['requests']} multi-search requests of up to "
        f"{result['batch']} searches",
        f"- {len(rounds)} rounds alternating ours and raw"
        + (", after one warm-up of each" if WARM_UP else " (no warm-up round: the first round is measured too)")
        + "; median of the rounds",
        "",
        "| Measure | Ours | Raw Elasticsearch | Ratio |",
        "| --- | --- | --- | --- |",
        f"| Digest run: match {NEW:,} new items against {SEARCHES:,} saved searches, gather the digests "
        f"| {mine:.1f} s | {theirs:.1f} s | {mine / theirs:.2f}× |",
        f"| Before: one search each (`search.service.search`), {single['sample']} queries measured, "
        f"extrapolated to all | {single['all_seconds']:.0f} s ({single['per_search_ms']:.0f} ms a search) | – | – |",
        "",
        f"Rounds, ours / raw s: {per_round}. Each of ours wrote {last['matches']:,} matches into "
        f"{last['digests']:,} digests.",
        "",
        "Ours: `subscriptions.matching.match_new_items` (the saved searches read and grouped by query, each "
        "query built through its page's own form and restricted to the new documents of its types, matched "
        "together through `search.service.match_each`, the Match rows written, the arrivals marked) and "
        "`subscriptions.delivery.build_digests` (matches gathered per person, deduplicated). Raw: the same "
        "multi-search requests, bodies built beforehand, sent with the `elasticsearch` client. Sending the "
        "e-mails is not measured here.",
    ]
    path = write_section("Saved-search digests", lines)
    print("\n".join(lines))
    print(f"Written to {path}")


if __name__ == "__main__":
    main()
