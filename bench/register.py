"""Register benchmark: the patent search at scale against raw Elasticsearch, and import throughput.

Elasticsearch part (skipped, with a message, when ELASTICSEARCH_URL is unset): BENCH_REGISTER_RECORDS
(default 1,000,000) synthetic patents are made in memory as unsaved `Patent`s with their applicants, turned
into documents by the register's own search type (`register/documents.py`: the same `SearchDoc`, filter
tags and IPC prefixes as `search_reindex` writes) and indexed once through `ElasticsearchBackend.rebuild`
(the analysis of `search/analysis.py`, streaming bulk, alias swap) into indices of this run's own prefix:
no ORM save per record, and nothing held in memory but a bulk chunk. Then, in BENCH_ROUNDS rounds
alternating the two, the register's searches (numbers in three spellings, Chinese keywords, applicant,
inventor, IPC class with descendants, type, status, district, years, sorting) go through the search page's
path (form, `build_query`, `search.service.search`) and, as the baseline, straight to Elasticsearch with the
same request body prepared beforehand. Reported: the median over rounds of each side's p95 and p50.
Target (issue 16): our p95 <= 2 x raw p95 + 10 ms.

Import part: BENCH_REGISTER_IMPORT_ROWS (default 10,000) rows of a generated CSV export go through the
importer as staff use it (`preview_file`, then `start_import`, which runs inline here as the tests run
tasks; rows checked twice, written in one transaction, the embedded search index updated) into a
throw-away SQLite database; the baseline is `bulk_create` of the same already-checked patents and
applicants (what the database alone costs), alternating, BENCH_ROUNDS rounds, the register emptied before
each. Writes the "Register" section of docs/benchmarks.md.

Indexing throughput, ours against raw: the 1,000,000 records are indexed once through `rebuild` (the time
spent generating the synthetic records is taken out); then BENCH_REGISTER_INDEX_SAMPLE (default 50,000) of
them, made beforehand, go BENCH_ROUNDS times through our path (the register's document function, analysis,
streaming bulk, alias swap) alternating with a raw `helpers.bulk` of the same final documents, built
beforehand, into an equivalent index.

With BENCH_REGISTER_KEEP=1 the 1,000,000-record index is kept under the prefix `<SEARCH_INDEX_PREFIX>_benchreg`
for `bench/api.py` to read (it says how to remove it); otherwise it is removed at the end.

    BENCH_REGISTER_RECORDS=100000 nice -n 10 .venv/bin/python -m bench.register
"""

import csv
import io
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from bench.report import load, machine_line, write_section
from bench.throwaway import django_in_throwaway_database
from bench.timing import SetupClock, alternate, latency, median_of, seconds

ROOT = Path(__file__).resolve().parent.parent
RECORDS = int(os.environ.get("BENCH_REGISTER_RECORDS", 1_000_000))
IMPORT_ROWS = int(os.environ.get("BENCH_REGISTER_IMPORT_ROWS", 10_000))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
INDEX_SAMPLE = int(os.environ.get("BENCH_REGISTER_INDEX_SAMPLE", 50_000))
KEEP = os.environ.get("BENCH_REGISTER_KEEP", "") not in ("", "0")
QUERY_ROUNDS = int(os.environ.get("BENCH_QUERY_ROUNDS", 10))

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
COMPANIES = ["恒瑞", "康缘", "豪森", "中复", "鹰游", "晶润", "天明"]
ROADS = ["海连路", "朝阳东路", "黄河路", "昆仑山路", "石英大道", "郁州路", "振华路", "海宁大道"]
# The first records' numbers (in three spellings), one applicant and one inventor are added by `queries`.
QUERIES = [
    {"q": "石英砂 提纯"},
    {"q": "抗肿瘤药物组合物"},
    {"q": "集装箱装卸装置"},
    {"q": "碳纤维预浸料", "sort": "newest"},
    {"q": "紫菜加工设备", "district": "ganyu"},
    {"q": "复合材料", "patent_type": "invention", "status": "valid"},
    {"ipc": "C01B"},
    {"ipc": "A61K 31/4745", "year_from": "2015", "year_to": "2020"},
    {"q": "港口", "ipc": "B65G", "sort": "date_asc"},
    {"kind": "patent", "district": "donghai", "status": "lapsed"},
    {"q": "水稻 育秧", "patent_type": "invention"},
    {"q": "耐高温涂层", "year_from": "2010"},
    {"q": "药物晶型", "status": "expired"},
    {"q": "物流调度方法", "sort": "title"},
    {"q": "有机肥 发酵"},
]


def queries():
    """QUERIES and searches for what the first synthetic records hold (the same seed makes them first)."""
    probe = Synthetic(2014)
    first = [probe.fields(n) for n in range(3)]
    numbers = [record["number"] for record in first]
    digits = [number.split(".")[0] for number in numbers]
    spaced = f"ZL {digits[1][:4]} {digits[1][4]} {digits[1][5:]}.{numbers[1][-1]}"
    return [
        {"q": f"CN{numbers[0]}"},
        {"q": spaced},
        {"q": numbers[2].replace(".", "")},
        {"applicant": first[0]["holder"]},
        {"inventor": first[1]["inventors"][0]},
        *QUERIES,
    ]


def setup_django():
    django_in_throwaway_database("register")


class Synthetic:
    """Patents of the city's industries, reproducible from the seed; nothing is saved."""

    def __init__(self, seed):
        from reference.models import District
        from register.demo import INDUSTRIES

        self.rng = random.Random(seed)
        self.industries = list(INDUSTRIES.values())
        self.districts = list(District.objects.all())
        self.agencies = ["连云港港城专利代理事务所", "南京苏高专利商标事务所", "连云港润知专利代理事务所"]

    def number(self, year, kind, serial):
        from register.numbers import patent_check_digit

        digits = f"{year}{kind}{serial:07d}"
        return f"{digits}.{patent_check_digit(digits)}"

    def person(self):
        return self.rng.choice(SURNAMES) + "".join(self.rng.choices(GIVEN, k=self.rng.randint(1, 2)))

    def fields(self, n):
        rng = self.rng
        titles, ipcs, _nice, stems = rng.choice(self.industries)
        year = rng.randint(2003, 2024)
        kind = rng.choice("1112223")
        filed = date(year, 1, 1) + timedelta(days=rng.randint(0, 364))
        district = rng.choice(self.districts)
        holder = f"连云港{rng.choice(COMPANIES)}{rng.choice(stems)}有限公司{n % 997}"
        title = f"一种{rng.choice(titles)}"
        ipc = rng.sample(ipcs, k=rng.randint(1, 3))
        return {
            "number": self.number(year, kind, n % 10_000_000),
            "kind": kind,
            "filed": filed,
            "title": title,
            "abstract": f"本发明公开了{title}，适用于{rng.choice(stems)}领域，提高了产品质量并降低了生产成本。",
            "holder": holder,
            "address": f"江苏省连云港市{district.name}{rng.choice(ROADS)}{rng.randint(1, 300)}号",
            "district": district,
            "inventors": [self.person() for _ in range(rng.randint(1, 4))],
            "ipc": ipc,
            "agency": rng.choice(self.agencies) if rng.random() < 0.6 else "",
            "granted": filed + timedelta(days=rng.randint(200, 1000)) if rng.random() < 0.8 else None,
            "lapsed": rng.random() < 0.25,
        }

    def patents(self, count):
        """Unsaved Patents with their applicants in place of a prefetch, for the register's document function."""
        from django.utils import timezone

        from register.models import Patent, PatentParty
        from register.numbers import type_digit
        from register.terms import TYPE_BY_DIGIT, EventKind

        now = timezone.now()
        today = timezone.localdate()
        for n in range(count):
            f = self.fields(n)
            patent = Patent(
                pk=n + 1,
                application_number=f["number"],
                patent_type=TYPE_BY_DIGIT[type_digit(f["number"])].value,
                filing_date=f["filed"],
                grant_date=f["granted"] if f["granted"] and f["granted"] < today else None,
                title=f["title"],
                abstract=f["abstract"],
                inventors=f["inventors"],
                ipc_main=f["ipc"][0],
                ipc_all=f["ipc"],
                agency_name=f["agency"],
                district=f["district"],
                status_checked_at=now,
            )
            lapse = f["filed"] + timedelta(days=1100)
            events = [(EventKind.ANNUITY_LAPSE.value, lapse)] if f["lapsed"] and patent.grant_date else []
            patent.evaluate_status(today=today, events=events)
            party = PatentParty(
                patent=patent, name=f["holder"], address=f["address"], district=f["district"], kind="enterprise"
            )
            patent._prefetched_objects_cache = {"parties": [party]}
            yield patent

    def csv(self, count):
        header = ["申请号", "申请日", "授权公告日", "发明名称", "摘要", "申请（专利权）人", "地址", "发明人"]
        header += ["IPC分类号", "代理机构", "法律状态", "法律状态公告日"]
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(header)
        for n in range(count):
            f = self.fields(n)
            granted = f["granted"] if f["granted"] and f["granted"] < date.today() else None
            lapsed = f["lapsed"] and granted
            lapse = f["filed"] + timedelta(days=1100)
            writer.writerow(
                [
                    f["number"],
                    f["filed"].isoformat(),
                    granted.isoformat() if granted else "",
                    f["title"],
                    f["abstract"],
                    f["holder"],
                    f["address"],
                    "；".join(f["inventors"]),
                    ";".join(f["ipc"]),
                    f["agency"],
                    "未缴年费专利权终止" if lapsed else "",
                    lapse.isoformat() if lapsed else "",
                ]
            )
        return out.getvalue().encode("utf-8-sig")


def register_prefix(keep=KEEP):
    """The index prefix of this run: a fixed one when the index is kept for `bench/api.py`, else per process
    (another benchmark may be running against the same node)."""
    from django.conf import settings

    suffix = "benchreg" if keep else f"benchreg{os.getpid()}"
    return f"{settings.SEARCH_INDEX_PREFIX}_{suffix}"


def index_synthetic(backend, count):
    """Indexes `count` synthetic patents (seed 2014) through the register's documents and `backend.rebuild`
    (analysis, streaming bulk, alias swap). Returns (seconds spent indexing, seconds spent generating the
    records, which are not part of the first)."""
    from search import registry

    patent_type = registry.get("patent")
    print(f"Elasticsearch: indexing {count:,} synthetic patents through the register's documents…", flush=True)
    generating = SetupClock()
    started = time.perf_counter()

    def progress(done):
        if done % 50_000 == 0 or done == count:
            spent = time.perf_counter() - started - generating.seconds
            print(f"  {done:,} indexed, {done / spent:,.0f} docs/s (generation excluded)", flush=True)

    docs = (patent_type.document(p) for p in generating.wrap(Synthetic(2014).patents(count)))
    indexed = backend.rebuild("patent", docs, progress=progress)
    assert indexed == count, (indexed, count)
    return time.perf_counter() - started - generating.seconds, generating.seconds


def bench_elasticsearch(url):
    from django.conf import settings

    from register.search import RegisterSearchForm, build_query
    from search import registry, service, text
    from search.backends import ElasticsearchBackend

    prefix = register_prefix()
    backend = ElasticsearchBackend(url, prefix=prefix)
    # The backend's 10 s request timeout is for a page's search; a bulk of 1,000 documents on a node sharing
    # busy CPUs can take longer.
    backend.client = backend.client.options(request_timeout=300)
    backend.delete_all_indices()
    settings.ELASTICSEARCH_URL = url
    settings.SEARCH_INDEX_PREFIX = prefix
    patent_type = registry.get("patent")
    try:
        index_seconds, generation_seconds = index_synthetic(backend, RECORDS)

        forms = []
        for params in queries():
            form = RegisterSearchForm(params)
            if not form.is_valid():
                raise SystemExit(f"benchmark query {params} is not valid: {form.errors.as_text()}")
            forms.append(params)

        def ours(params):
            form = RegisterSearchForm(params)
            form.is_valid()
            return service.search(build_query(form.cleaned_data))

        prepared = []
        for params in forms:
            form = RegisterSearchForm(params)
            form.is_valid()
            query = build_query(form.cleaned_data)
            groups = text.parse_query(query.text) if query.text else []
            prepared.append((backend.indices_for(query), backend.search_body(query, groups)))

        def raw(item):
            index, body = item
            return backend.client.search(index=index, ignore_unavailable=True, allow_no_indices=True, **body)

        hits = [ours(params).total for params in forms]  # warm-up, and proof the queries find something
        for item in prepared:
            raw(item)

        rounds = alternate(
            {
                "ours": lambda: latency(ours, forms, QUERY_ROUNDS),
                "raw": lambda: latency(raw, prepared, QUERY_ROUNDS),
            },
            ROUNDS,
            label="Elasticsearch: query ",
        )
        sample = bench_indexing_sample(url, prefix, patent_type)
    finally:
        if KEEP:
            print(
                f"Kept the index for bench/api.py under the prefix {prefix}; remove it with "
                "`.venv/bin/python -m bench.register drop`",
                flush=True,
            )
        else:
            backend.delete_all_indices()
    return {
        "records": RECORDS,
        "index_rate": RECORDS / index_seconds,
        "index_minutes": index_seconds / 60,
        "generation_minutes": generation_seconds / 60,
        "rounds": rounds,
        "hits": hits,
        "ours": {k: median_of(rounds, "ours", k) for k in ("p50", "p95")},
        "raw": {k: median_of(rounds, "raw", k) for k in ("p50", "p95")},
        "sample": sample,
    }


def bench_indexing_sample(url, prefix, patent_type):
    """Indexing throughput, ours against raw, on INDEX_SAMPLE records made beforehand, in indices of their
    own (the searched 1,000,000-record index is left alone)."""
    from elasticsearch import helpers

    from search.backends import ElasticsearchBackend
    from search.documents import IndexedDocument

    backend = ElasticsearchBackend(url, prefix=f"{prefix}_sample")
    backend.client = backend.client.options(request_timeout=300)
    raw_index = f"{prefix}_sample_raw"
    print(f"Indexing sample: making {INDEX_SAMPLE:,} records and their final documents beforehand…", flush=True)
    patents = list(Synthetic(2015).patents(INDEX_SAMPLE))
    actions = []
    for patent in patents:
        doc = patent_type.document(patent)
        actions.append({"_index": raw_index, "_id": doc.uid, **IndexedDocument.source(doc, doc.tokens())})

    def ours():
        spent, count = seconds(lambda: backend.rebuild("patent", (patent_type.document(p) for p in patents)))
        assert count == INDEX_SAMPLE, count
        return round(count / spent)

    def raw():
        def load():
            backend.client.indices.delete(index=raw_index, ignore_unavailable=True)
            backend._create_index(raw_index, loading=True)
            helpers.bulk(backend.client, actions, chunk_size=1000)
            backend.client.indices.put_settings(index=raw_index, settings={"refresh_interval": None})
            backend.client.indices.refresh(index=raw_index)

        spent, _ = seconds(load)
        return round(INDEX_SAMPLE / spent)

    try:
        rounds = alternate({"ours": ours, "raw": raw}, ROUNDS, label="Indexing sample: ")
    finally:
        backend.delete_all_indices()
        backend.client.indices.delete(index=raw_index, ignore_unavailable=True)
    ratios = [r["ours"] / r["raw"] for r in rounds]
    return {
        "records": INDEX_SAMPLE,
        "rounds": rounds,
        "ours": median_of(rounds, "ours"),
        "raw": median_of(rounds, "raw"),
        "ratio": sorted(ratios)[len(ratios) // 2],
    }


def empty_register():
    from django.db import connection

    from register.models import ImportBatch, LegalEvent, Patent, PatentParty
    from search.models import OutboxEntry, SearchEntry

    for model in (LegalEvent, PatentParty, Patent, ImportBatch, OutboxEntry, SearchEntry):
        model.objects.all()._raw_delete(connection.alias)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")


def bench_import():
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import User
    from register import imports
    from register.models import ImportBatch, ImportSource, Patent, PatentParty

    settings.ELASTICSEARCH_URL = ""
    print(f"Import: generating a CSV export of {IMPORT_ROWS:,} patents…", flush=True)
    content = Synthetic(114).csv(IMPORT_ROWS)
    user = User.objects.create_superuser(email="bench@example.com", password=None)
    source = ImportSource.for_kind(ImportSource.Kind.CNIPA)
    _mapping, _unused, rows = imports.checked_rows(SimpleUploadedFile("bench.csv", content), "patent")
    records = [record for _n, record, _m, _w in rows if record is not None]
    now, today = timezone.now(), timezone.localdate()
    for record in records:
        probe = Patent(
            patent_type=record["patent_type"], filing_date=record["filing_date"], grant_date=record["grant_date"]
        )
        probe.evaluate_status(today=today, events=[(kind, day) for kind, day, _d in record["events"]])
        record["_status"] = (probe.status, probe.status_since, probe.term_ends)

    def ours():
        batch = imports.preview_file(
            SimpleUploadedFile("bench.csv", content), record_kind="patent", source_kind="cnipa", user=user
        )
        imports.start_import(batch)
        batch.refresh_from_db()
        assert batch.status == ImportBatch.Status.DONE, batch.error
        return batch.created_count

    def raw():
        with transaction.atomic():
            patents = Patent.objects.bulk_create(
                Patent(
                    application_number=r["application_number"],
                    source=source,
                    **{name: r[name] for name in imports.PATENT_FIELDS},
                    status=r["_status"][0],
                    status_since=r["_status"][1],
                    term_ends=r["_status"][2],
                    status_checked_at=now,
                )
                for r in records
            )
            PatentParty.objects.bulk_create(
                PatentParty(
                    patent=patent,
                    position=i,
                    name=p["name"],
                    address=p["address"],
                    district_id=p["district"],
                    kind=p["kind"],
                    credit_code=p["credit_code"],
                )
                for patent, r in zip(patents, records, strict=True)
                for i, p in enumerate(r["parties"])
            )
        return len(patents)

    def rate(function):
        empty_register()
        spent, written = seconds(function)
        assert written == len(records), (written, len(records))
        return IMPORT_ROWS / spent

    rounds = alternate({"ours": lambda: rate(ours), "raw": lambda: rate(raw)}, ROUNDS, label="Import: ")
    empty_register()
    return {
        "rows": IMPORT_ROWS,
        "valid": len(records),
        "rounds": rounds,
        "ours": median_of(rounds, "ours"),
        "raw": median_of(rounds, "raw"),
    }


def write_report(es, imported, es_version, load_before, minutes):
    lines = [
        "Written by `bench/register.py` (`BENCH_REGISTER_RECORDS=… nice -n 10 .venv/bin/python -m bench.register`); "
        "not part of `make test`.",
        "",
        f"- Date: {date.today().isoformat()}; the run took {minutes:.0f} min",
        f"- Size: {RECORDS:,} patent records in Elasticsearch"
        + ("" if RECORDS >= 1_000_000 else " (**not the issue's 1,000,000**: run again with the default size)"),
        machine_line(load_before),
        f"- Elasticsearch: {es_version or 'not configured'} (single node, on the same CPUs; no Chinese analysis "
        "plugin); one shard, no replica, as `search_reindex` makes the index",
        f"- Queries: {len(QUERIES) + 5} register searches × {QUERY_ROUNDS} per round, {ROUNDS} rounds alternating ours "
        "and raw, after one warm-up of each; the median over rounds of each round's p50 and p95",
        "",
    ]
    if es:
        ours, raw = es["ours"], es["raw"]
        limit = 2 * raw["p95"] + 10
        met = ours["p95"] <= limit
        per_round = "; ".join(f"{r['ours']['p95']:.1f} / {r['raw']['p95']:.1f}" for r in es["rounds"])
        sample = es["sample"]
        index_rounds = "; ".join(f"{r['ours']:,} / {r['raw']:,}" for r in sample["rounds"])
        lines += [
            f"### Patent search, {es['records']:,} records in Elasticsearch",
            "",
            "| Measure | Register search (ours) | Raw Elasticsearch | Ratio | Target | Met |",
            "| --- | --- | --- | --- | --- | --- |",
            f"| Query p50 | {ours['p50']:.1f} ms | {raw['p50']:.1f} ms | {ours['p50'] / raw['p50']:.2f}× | – | – |",
            f"| Query p95 | {ours['p95']:.1f} ms | {raw['p95']:.1f} ms | {ours['p95'] / raw['p95']:.2f}× "
            f"| ≤ 2 × raw + 10 ms = {limit:.1f} ms | {'yes' if met else 'NO (missed)'} |",
            f"| Indexing {es['records']:,} records through `rebuild` (documents, analysis, bulk), once "
            f"| {es['index_rate']:,.0f} docs/s ({es['index_minutes']:.1f} min) | – | – | – | – |",
            f"| Indexing throughput, {sample['records']:,} records, median of {len(sample['rounds'])} rounds "
            f"| {sample['ours']:,.0f} docs/s | {sample['raw']:,.0f} docs/s | {sample['ratio']:.2f} | – | – |",
            "",
            f"p95 per round, ours / raw ms: {per_round}. Indexing rounds, ours / raw docs/s: {index_rounds}. "
            f"Hits per query (total): {', '.join(map(str, es['hits']))}.",
            "",
            "Ours: the search page's path short of reading the page's rows from the database: "
            "`RegisterSearchForm` (number normalisation, IPC and district lookups), `register.search.build_query`, "
            "`search.service.search` (query parsing with jieba, the request, facets, highlighting, snippets). Raw: "
            "the same request body, built beforehand, sent with the client. The records are synthetic "
            "(`bench/register.py`'s `Synthetic`), made in memory as unsaved `Patent`s and turned into documents by "
            "the register's search type, then indexed by `ElasticsearchBackend.rebuild`: no database row per record. "
            f"Generating the synthetic records took {es['generation_minutes']:.1f} min of the first build and is "
            "taken out of its rate. Indexing throughput, ours: the same path on records made beforehand (the "
            "register's document function, the analysis in `SEARCH_ANALYSIS_WORKERS` processes, streaming bulk "
            "and the alias swap); raw: `helpers.bulk` of the same final documents, built beforehand, into an index "
            "made the same way (refresh off while loading, then on and refreshed).",
            "",
        ]
    else:
        lines += ["### Patent search in Elasticsearch", "", "Skipped: ELASTICSEARCH_URL was not set.", ""]
    lines += [
        f"### Import, {imported['rows']:,} rows of a CSV export ({imported['valid']:,} valid)",
        "",
        "| Measure | Importer (ours) | `bulk_create` of the checked rows | Ratio |",
        "| --- | --- | --- | --- |",
        f"| Throughput, median of {len(imported['rounds'])} rounds | {imported['ours']:,.0f} rows/s "
        f"| {imported['raw']:,.0f} rows/s | {imported['ours'] / imported['raw']:.2f} |",
        "",
        "Rounds, ours / bulk_create rows/s: "
        + "; ".join(f"{r['ours']:,.0f} / {r['raw']:,.0f}" for r in imported["rounds"])
        + ".",
        "",
        "Ours: what staff start, end to end: `register.imports.preview_file` (reads and checks every row, keeps the "
        "preview) then `start_import` (the task, inline here: reads and checks the file again, writes every "
        "record with its applicants and events in one transaction, matches organisations, checks postings) and "
        "the embedded search index updated by the outbox, in a throw-away SQLite database (the embedded default). "
        "Baseline: `bulk_create` of the same patents and applicants, already checked, in one transaction. "
        "No target was set for import throughput; 100,000 rows take about "
        f"{100_000 / imported['ours'] / 60:.0f} min at the rate measured here.",
        "",
    ]
    path = write_section("Register", lines)
    print("\n".join(lines))
    print(f"Written to {path}")


def drop():
    """Removes the index kept with BENCH_REGISTER_KEEP (after bench/api.py has read it)."""
    from search.backends import ElasticsearchBackend

    prefix = register_prefix(keep=True)
    ElasticsearchBackend(os.environ["ELASTICSEARCH_URL"], prefix=prefix).delete_all_indices()
    print(f"Removed the indices of {prefix}.")


def main():
    if sys.argv[1:] == ["drop"]:
        sys.path.insert(0, str(ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
        import django

        django.setup()
        return drop()
    load_before = load()
    started = time.perf_counter()
    setup_django()
    url = os.environ.get("ELASTICSEARCH_URL", "")
    es, version = None, None
    if url:
        from search.backends import ElasticsearchBackend

        version = ElasticsearchBackend(url).health()["version"]
        es = bench_elasticsearch(url)
    else:
        print("Skipping the Elasticsearch benchmark: set ELASTICSEARCH_URL to run it.")
    imported = bench_import()
    write_report(es, imported, version, load_before, (time.perf_counter() - started) / 60)


if __name__ == "__main__":
    main()
