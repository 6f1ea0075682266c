"""Open API benchmark (issue 19): list endpoints of the read API against the human list pages and raw
Elasticsearch, in the same run, at 100,000 transaction postings and 1,000,000 register patents. Writes the
"Open API" section of docs/benchmarks.md.

Postings: BENCH_API_POSTINGS (default 100,000) published transaction postings are written into a
throw-away SQLite database (never the development one) and indexed through `search_reindex`'s own path,
into indices of this run's own prefix (removed at the end).

Register: BENCH_API_REGISTER (default 1,000,000) synthetic patents in Elasticsearch. When `bench/register.py`
has kept its index (`BENCH_REGISTER_KEEP=1`, prefix `<SEARCH_INDEX_PREFIX>_benchreg`) and it holds at least
that many, it is read through an alias of this run (the index is not copied, and is left in place); else the
records are made and indexed here through `ElasticsearchBackend.rebuild`, as the register benchmark does.
The index holds every record; the database gets the rows of the patents the measured pages show (found
with the same searches), made from the same synthetic generator: the API and the page read their page's
rows by primary key, which costs the same whatever else the table holds.

In BENCH_ROUNDS rounds (default 3), each variant is requested BENCH_API_REQUESTS times in turn (API list,
page view, raw Elasticsearch with the very request body our backend sent for the same list, captured on a
warm-up request), so the variants share whatever else the machine is doing; the median over the rounds of
each variant's p50 and p95 is reported. In-process requests through Django's test client (no network, no
gunicorn), `config.settings.test`. Needs ELASTICSEARCH_URL for the register and the raw rows.

    ELASTICSEARCH_URL=http://127.0.0.1:9200 nice -n 10 .venv/bin/python -m bench.api
"""

import os
import random
import time
from datetime import date, timedelta
from urllib.parse import urlencode

from bench.report import load, machine_line, write_section
from bench.throwaway import django_in_throwaway_database
from bench.timing import alternate, latency, median_of, seconds

POSTINGS = int(os.environ.get("BENCH_API_POSTINGS", 100_000))
REGISTER = int(os.environ.get("BENCH_API_REGISTER", 1_000_000))
REQUESTS = int(os.environ.get("BENCH_API_REQUESTS", 10))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
TITLES = ["一种{}的制备方法专利转让", "{}相关发明专利独占许可", "{}领域实用新型专利普通许可", "{}注册商标转让"]
SUBJECTS = [
    "高纯石英砂",
    "碳纤维复合材料",
    "抗肿瘤药物",
    "光伏组件",
    "海水淡化膜",
    "港口起重机",
    "晶体加工",
    "中药提取",
]
# (label, API address, page address) of each list measured.
POSTING_LISTS = [
    ("Transactions, newest first", "/api/v1/transactions/", "/listings/transactions/"),
    ("Transactions, keyword", "/api/v1/transactions/?q=石英砂", "/listings/transactions/?q=石英砂"),
    # The cursor of the second page of 20 ({"p": 2, "s": 20}).
    ("Transactions, district, second page", "/api/v1/transactions/?district=1&cursor=eyJwIjogMiwgInMiOiAyMH0", None),
]
REGISTER_SEARCHES = [
    ("Patents, keyword", {"q": "石英砂 提纯"}),
    ("Patents, IPC class and status", {"ipc": "C01B", "status": "valid"}),
    ("Patents, type, district and years", {"patent_type": "invention", "district": "donghai", "year_from": "2015"}),
]


def make_postings(count):
    from django.utils import timezone

    from listings.models import Industry, Listing
    from reference.models import District
    from tests.factories import OrganisationFactory

    rng = random.Random(2014)
    organisations = [OrganisationFactory() for _ in range(20)]
    districts, industries = list(District.objects.all()), list(Industry.objects.all())
    now, today = timezone.now(), timezone.localdate()
    batch = []
    for n in range(count):
        subject = rng.choice(SUBJECTS)
        price = rng.choice([None, 20, 50, 80, 120, 300])
        batch.append(
            Listing(
                section=Listing.Section.TRANSACTION,
                organisation=rng.choice(organisations),
                title=rng.choice(TITLES).format(subject) + f"（{n}）",
                description=f"{subject}技术成熟，已在连云港企业生产线上验证，寻求合作。",
                industry=rng.choice(industries),
                district=rng.choice(districts),
                valid_from=today - timedelta(days=rng.randint(0, 90)),
                valid_until=today + timedelta(days=rng.randint(30, 365)),
                kind=Listing.Kind.PATENT_LICENCE_EXCLUSIVE,
                direction=Listing.Direction.OFFER,
                price_kind=Listing.PriceKind.FIXED if price else Listing.PriceKind.NEGOTIABLE,
                price_min=price,
                price_max=price,
                contact_name="王建华",
                status=Listing.Status.PUBLISHED,
                published_at=now - timedelta(minutes=n),
            )
        )
        if len(batch) == 5000:
            Listing.objects.bulk_create(batch)
            batch = []
    Listing.objects.bulk_create(batch)


def register_index(backend, kept_prefix):
    """Makes the synthetic register searchable under this run's prefix: an alias of the index kept by
    bench/register.py (under `kept_prefix`) when it is large enough, else an index built here. Returns
    (records, reused)."""
    from bench.register import Synthetic
    from search import registry
    from search.backends import ElasticsearchBackend

    kept = ElasticsearchBackend(backend.url, prefix=kept_prefix)
    indices = kept.indices_of("patent")
    if indices:
        count = kept.client.count(index=indices[0])["count"]
        if count >= REGISTER:
            backend.client.indices.put_alias(index=indices[0], name=backend.alias("patent"))
            return count, indices[0]
    patent_type = registry.get("patent")
    print(f"Register: indexing {REGISTER:,} synthetic patents…", flush=True)
    backend.rebuild("patent", (patent_type.document(p) for p in Synthetic(2014).patents(REGISTER)))
    return REGISTER, None


def register_rows(pks):
    """The database rows of these synthetic patents (and their applicants), made by the same generator as
    the index's documents."""
    from bench.register import Synthetic
    from register.models import ImportSource, Patent, PatentParty

    source = ImportSource.for_kind(ImportSource.Kind.CNIPA)
    wanted, patents, parties = set(pks), [], []
    for patent in Synthetic(2014).patents(max(pks, default=0)):
        if patent.pk in wanted:
            patent.source = source
            patents.append(patent)
            parties.extend(patent._prefetched_objects_cache["parties"])
            del patent._prefetched_objects_cache
    Patent.objects.bulk_create(patents)
    for party in parties:
        party.patent_id = party.patent.pk
    PatentParty.objects.bulk_create(parties)
    return len(patents)


class Capture:
    """The index and request body our backend sends for one request, caught on its way."""

    def __init__(self, backend):
        self.backend = backend

    def __call__(self, client, url):
        backend, seen = self.backend, []
        original = backend.search_body

        def search_body(query, groups):
            body = original(query, groups)
            seen.append((backend.indices_for(query), body))
            return body

        backend.search_body = search_body
        try:
            response = client.get(url)
        finally:
            del backend.search_body
        assert response.status_code == 200, (url, response.status_code)
        return seen[0]


def variants(backend):
    from django.test import Client

    client = Client()
    capture = Capture(backend) if backend.name == "elasticsearch" else None

    def get(url):
        def call(_item=None):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return call

    def raw(index, body):
        return lambda _item=None: backend.client.search(index=index, ignore_unavailable=True, **body)

    found = {}
    lists = list(POSTING_LISTS)
    if capture:
        lists += [
            (label, f"/api/v1/patents/?{urlencode(p)}", f"/register/?{urlencode(p)}") for label, p in REGISTER_SEARCHES
        ]
    for label, api, page in lists:
        found[f"{label}: API (`{api}`)"] = get(api)
        if page:
            found[f"{label}: page view (`{page}`)"] = get(page)
        if capture:
            found[f"{label}: raw Elasticsearch, same request body"] = raw(*capture(client, api))
    return found


def shown_patents(backend):
    """Primary keys of the patents the measured register lists show, asked of the index with the searches
    our backend sends for them."""
    from api.views import PatentList
    from register.search import RegisterSearchForm
    from search import text

    pks = set()
    for _label, params in REGISTER_SEARCHES:
        form = RegisterSearchForm(params)
        assert form.is_valid(), form.errors
        query = PatentList().make_query(form, 1, 20)
        groups = text.parse_query(query.text) if query.text else []
        answer = backend.client.search(index=backend.indices_for(query), **backend.search_body(query, groups))
        pks.update(int(hit["_source"]["object_id"]) for hit in answer["hits"]["hits"])
    return pks


def main():
    load_before = load()
    started = time.perf_counter()
    django_in_throwaway_database("api")
    from django.conf import settings
    from django.core.management import call_command

    from bench.register import register_prefix
    from search.backends import get_search_backend

    url = os.environ.get("ELASTICSEARCH_URL", "")
    # The kept index's prefix is the configured one, before this run's own prefix replaces it.
    kept_prefix = register_prefix(keep=True)
    if url:
        settings.SEARCH_INDEX_PREFIX = f"{settings.SEARCH_INDEX_PREFIX}_benchapi{os.getpid()}"
    backend = get_search_backend()
    if url:
        backend.client = backend.client.options(request_timeout=300)
        backend.delete_all_indices()
    register = None
    try:
        print(f"Writing {POSTINGS:,} postings and indexing them through search_reindex…", flush=True)
        posting_seconds, _ = seconds(lambda: make_postings(POSTINGS))
        with open(os.devnull, "w") as quiet:
            index_seconds, _ = seconds(lambda: call_command("search_reindex", "transaction", stdout=quiet))
        if url:
            register_seconds, (records, reused) = seconds(lambda: register_index(backend, kept_prefix))
            rows_seconds, rows = seconds(lambda: register_rows(shown_patents(backend)))
            register = {"records": records, "reused": reused, "seconds": register_seconds + rows_seconds, "rows": rows}
        settings.API_ANONYMOUS_RATE = "1000000/min"
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]  # the test client's host
        measured = variants(backend)
        for call in measured.values():  # warm-up
            call()
        print("Measuring…", flush=True)
        rounds = alternate(
            {name: (lambda call=call: latency(call, [None], REQUESTS)) for name, call in measured.items()},
            ROUNDS,
            label="API: ",
        )
    finally:
        if url:
            if register and register["reused"]:
                # The borrowed index goes with bench/register.py's `drop`, not here: the alias first, so that
                # removing this run's indices cannot reach it.
                backend.client.indices.delete_alias(index=register["reused"], name=backend.alias("patent"))
            backend.delete_all_indices()
    write_report(
        {
            "backend": backend.name,
            "version": backend.health()["version"] if url else None,
            "rounds": rounds,
            "names": list(measured),
            "posting_seconds": posting_seconds,
            "index_seconds": index_seconds,
            "register": register,
            "load_before": load_before,
            "minutes": (time.perf_counter() - started) / 60,
        }
    )


def write_report(result):
    rounds = result["rounds"]
    register = result["register"]
    rows = [
        f"| {name} | {median_of(rounds, name, 'p50'):.1f} ms | {median_of(rounds, name, 'p95'):.1f} ms |"
        for name in result["names"]
    ]
    lines = [
        "Written by `ELASTICSEARCH_URL=… nice -n 10 .venv/bin/python -m bench.api` (`bench/api.py`); not part of "
        "`make test`.",
        "",
        f"- Date: {date.today().isoformat()}; the run took {result['minutes']:.0f} min",
        machine_line(result["load_before"]),
        f"- Search backend: {result['backend']}"
        + (f" (Elasticsearch {result['version']}, single node, on the same CPUs)" if result["version"] else ""),
        f"- Data: {POSTINGS:,} published transaction postings (written in {result['posting_seconds']:.0f} s, "
        f"indexed through `search_reindex` in {result['index_seconds']:.0f} s)"
        + (
            f"; {register['records']:,} synthetic register patents in Elasticsearch "
            + (
                "(the index kept by `bench/register.py`, read through an alias)"
                if register["reused"]
                else "(indexed here)"
            )
            + f", {register['rows']} of them also in the database (the rows the measured pages show)"
            if register
            else "; the register: not measured (ELASTICSEARCH_URL unset)"
        ),
        f"- Requests: each variant {REQUESTS} times a round, {len(rounds)} rounds alternating the variants, after "
        "one warm-up of each; the median over the rounds of each round's p50 and p95. In-process requests "
        "through Django's test client (no network, no gunicorn), `config.settings.test`.",
        "",
        "| Variant | p50 | p95 |",
        "| --- | --- | --- |",
        *rows,
        "",
        "Each list answers 20 items. The API and the page ask the index the same search; the difference between "
        "them is what each renders (JSON of 20 records against the whole HTML page with its filter form and "
        "facets). Raw Elasticsearch: the request body our backend sent for the API's list, captured on a "
        "warm-up request and sent again with the client; the distance to it is our search service (query "
        "parsing, highlighting, facets), reading the 20 rows from the database and rendering. No target was "
        "set for these lists.",
    ]
    if POSTINGS < 100_000 or (register or {}).get("records", 0) < 1_000_000:
        lines += [
            "",
            "**Smaller than the issue's sizes** (100,000 postings, 1,000,000 register records): run again with "
            "the defaults.",
        ]
    path = write_section("Open API", lines)
    print("\n".join(lines))
    print(f"Written to {path}")


if __name__ == "__main__":
    main()
