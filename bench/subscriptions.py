"""Saved-search digest benchmark: one digest run over 10,000 saved searches and 5,000 newly public items,
against the same 10,000 searches sent raw. Writes the "Saved-search digests" section of docs/benchmarks.md.

In a throw-away SQLite database (migrated), on the embedded backend: an index of BENCH_DIGEST_EXISTING
older documents plus BENCH_DIGEST_NEW new ones (recorded as arrivals, as the search outbox records them),
and BENCH_DIGEST_SEARCHES saved searches of the cross-search page, spread over BENCH_DIGEST_PEOPLE people,
their query strings drawn from a type, topics, companies and districts (people share searches, as they
do).

- Ours: `subscriptions.matching.match_new_items` (each distinct saved query run once through the search
  service, restricted to the new documents) and `subscriptions.delivery.build_digests` (matches gathered
  per person, deduplicated). Sending is left out: its public re-check reads the content apps' models, which
  the generated documents do not have.
- Raw: each saved search sent as it is to the search service (`search.service.search`, first page), one
  after another, as a digest that re-ran every search would.

Rounds alternate ours and raw (state reset between rounds); the median of BENCH_DIGEST_ROUNDS rounds is
reported.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

from bench.report import load, machine, write_section

ROOT = Path(__file__).resolve().parent.parent
EXISTING = int(os.environ.get("BENCH_DIGEST_EXISTING", 5_000))
NEW = int(os.environ.get("BENCH_DIGEST_NEW", 5_000))
SEARCHES = int(os.environ.get("BENCH_DIGEST_SEARCHES", 10_000))
PEOPLE = int(os.environ.get("BENCH_DIGEST_PEOPLE", 2_000))
ROUNDS = int(os.environ.get("BENCH_DIGEST_ROUNDS", 3))


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    workdir = tempfile.mkdtemp(prefix="ipp-bench-digest-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


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


def populate():
    from django.utils import timezone

    from accounts.models import User
    from bench.search import generate
    from search.backends import embedded_backend
    from subscriptions.models import Arrival, SavedSearch

    rng = random.Random(2014)
    docs = list(generate(EXISTING + NEW, seed=18))
    backend = embedded_backend()
    for start in range(0, len(docs), 1000):
        backend.index(docs[start : start + 1000])
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
    return SavedSearch.objects.values("source", "page", "querystring").distinct().count()


def reset():
    from subscriptions.models import Arrival, Digest, Match

    Digest.objects.all().delete()
    Match.objects.all().delete()
    Arrival.objects.update(matched_at=None)


def ours():
    from subscriptions import delivery, matching

    reset()
    start = time.perf_counter()
    matches = matching.match_new_items(limit=NEW)
    digests = delivery.build_digests("daily")
    return time.perf_counter() - start, matches, len(digests)


def raw():
    from search import service
    from subscriptions.models import SavedSearch
    from subscriptions.sources import search_query

    start = time.perf_counter()
    for source, querystring in SavedSearch.objects.values_list("source", "querystring").iterator(chunk_size=2000):
        service.search(search_query(source, querystring))
    return time.perf_counter() - start


def main():
    load_before = load()
    started = time.perf_counter()
    print(f"Digest benchmark: {SEARCHES} saved searches, {NEW} new of {EXISTING + NEW} documents…", flush=True)
    setup_django()
    distinct = populate()
    rounds = []
    for number in range(1, ROUNDS + 1):
        our_seconds, matches, digests = ours()
        raw_seconds = raw()
        rounds.append((our_seconds, raw_seconds))
        print(
            f"round {number}: ours {our_seconds:.1f} s ({matches} matches, {digests} digests), raw {raw_seconds:.1f} s"
        )
    ours_median = statistics.median(r[0] for r in rounds)
    raw_median = statistics.median(r[1] for r in rounds)
    lines = [
        "Written by `python -m bench.subscriptions` (`bench/subscriptions.py`); not part of `make test`.",
        "",
        f"- Machine: {machine()}; load average (1, 5, 15 min) {load_before} before the run, {load()} after "
        f"(other work was running on the same CPUs); the whole run took {time.perf_counter() - started:.0f} s",
        f"- Data: {EXISTING + NEW} documents in the embedded backend (SQLite FTS5), {NEW} of them new; "
        f"{SEARCHES} saved searches ({distinct} distinct query strings) of {PEOPLE} people",
        f"- {ROUNDS} rounds, ours and raw alternating; median of the rounds",
        "",
        "| | median | rounds |",
        "|---|---|---|",
        f"| Ours: match the new items and gather the digests | {ours_median:.1f} s | "
        + ", ".join(f"{r[0]:.1f}" for r in rounds)
        + " |",
        f"| Raw: the same searches sent one by one | {raw_median:.1f} s | "
        + ", ".join(f"{r[1]:.1f}" for r in rounds)
        + " |",
        "",
        f"Ours takes {ours_median / raw_median:.2f} of the raw time (it matched {matches} search–item pairs into "
        f"{digests} digests). Sending (rendering and the public re-check of each item) is not measured here.",
    ]
    path = write_section("Saved-search digests", lines)
    print(f"Wrote {path}")


if __name__ == "__main__":
    main()
