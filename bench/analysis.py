"""Analysis benchmark (issue 17, item 5): the patent analysis pages at scale against the same aggregations
sent raw to Elasticsearch, and the recomputation of the targets dashboard against plain SQL aggregates.
Writes the "Analysis" section of docs/benchmarks.md.

Analysis pages (skipped, with a message, when ELASTICSEARCH_URL is unset). The register's patents in
Elasticsearch: with BENCH_ANALYSIS_REUSE_INDEX=1, the index `bench/register.py` kept (BENCH_REGISTER_KEEP=1,
prefix `<SEARCH_INDEX_PREFIX>_benchreg`: run with the SEARCH_INDEX_PREFIX of that run, unset for both by
default) is read where it is, only read (no alias added, nothing written, not removed); another value of
BENCH_ANALYSIS_REUSE_INDEX names the prefix of the index to read. Otherwise BENCH_ANALYSIS_RECORDS (default
1,000,000) synthetic patents (`bench/register.py`'s `Synthetic`, the same seed) are indexed here under this
run's own prefix through `ElasticsearchBackend.rebuild`, and removed at the end. Requests, each the whole
view through Django's test client (form, query, every aggregation through `analysis.figures` /
`analysis.portfolio` and `search.service.aggregate`, tables, charts' data, template rendering): the
analysis page over the whole register and over five register queries (keyword, IPC drill-down, subclass,
type + district + years, keyword + status), and an enterprise's portfolio comparison against five
competitors (over the whole register and within an IPC subclass), signed in as a member of the enterprise.
Raw: the aggregation request bodies our backend sent for each request (captured on a warm-up request), sent
again with the `elasticsearch` client. Between them, "functions": the analysis app's functions called
directly (`figures.analyse`, `portfolio.compare`: the aggregations and the tables, no view, no rendering).
Each variant makes every request BENCH_ANALYSIS_REQUESTS times (default 5) a round, BENCH_ROUNDS rounds
(default 3) alternating the variants after one warm-up each; reported: the median over rounds of each
round's p50 and p95. Target (issue 17): the page's p95 <= 2 x raw p95 + 20 ms. Elasticsearch's shard request
cache (which answers a repeated size-0 request from memory) is bypassed on both sides (`request_cache=false`),
so that each request is counted as a new analysis; BENCH_ANALYSIS_REQUEST_CACHE=1 leaves it on.

Targets dashboard. BENCH_ANALYSIS_RECORDS patent rows (from the same generator, with a second generator for
what the register-counted indicators also read: applicant kinds and second applicants, applicants outside
the city, PCT marks, grant, transfer and lapse events, the list of abnormal applications; population and
R&D spending from `reference.demo`) are written with `bulk_create` into a throw-away database: PostgreSQL
when DATABASE_URL names a server (a new database on it, named after the configured one, dropped at the
end), else SQLite in a temporary directory. Then, alternating, BENCH_ROUNDS rounds: the dashboard's
recomputation (`targets.dashboard.build_rows` over every indicator, city-wide, as the dashboard view calls
it: each live rule of `targets/live.py` counted on the day, its history and its yearly figures) for today
and for BENCH_ANALYSIS_AS_OF (default 2016-12-31, the plan's deadline), against the baseline: every distinct
(indicator, day) value that recomputation computed, each counted by plain SQL aggregates on the same tables
(raw SQL for the register's patent indicators; the ORM `.count()` / `Sum` of their records for the rest),
plus one grouped count for each history the dashboard reads. The baseline's values are checked against
the dashboard's.

    ELASTICSEARCH_URL=http://127.0.0.1:9200 DATABASE_URL=postgres://… BENCH_ANALYSIS_REUSE_INDEX=1 \
        nice -n 10 .venv/bin/python -m bench.analysis
"""

import logging
import os
import random
import time
from datetime import date, timedelta
from decimal import Decimal
from urllib.parse import urlencode

from bench.report import load, machine_line, write_section
from bench.throwaway import django_in_throwaway_database, drop_throwaway_database, throwaway_database_name
from bench.timing import alternate, latency, median_of, seconds

RECORDS = int(os.environ.get("BENCH_ANALYSIS_RECORDS", 1_000_000))
# The dashboard's database may hold fewer rows than the index, for a quicker run.
DASHBOARD_RECORDS = int(os.environ.get("BENCH_ANALYSIS_DASHBOARD_RECORDS", RECORDS))
REQUESTS = int(os.environ.get("BENCH_ANALYSIS_REQUESTS", 5))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
REUSE = os.environ.get("BENCH_ANALYSIS_REUSE_INDEX", "")
REQUEST_CACHE = os.environ.get("BENCH_ANALYSIS_REQUEST_CACHE", "") not in ("", "0")
AS_OF = date.fromisoformat(os.environ.get("BENCH_ANALYSIS_AS_OF", "2016-12-31"))
# Elasticsearch on CPUs shared with the benchmark can take longer than a page's 10 s at this size; a
# timeout would send the page to the embedded backend (which this run treats as a failure).
REQUEST_TIMEOUT = 120
BATCH = 5000

ANALYSES = [
    ("Whole register", {}),
    ("Keyword", {"q": "复合材料"}),
    ("IPC section drilled into (C)", {"section": "C"}),
    ("IPC subclass", {"ipc": "C01B"}),
    ("Type, district and years", {"patent_type": "invention", "district": "donghai", "year_from": "2015"}),
    ("Keyword and legal status", {"q": "港口", "status": "valid"}),
]
COMPARISONS = [
    ("Portfolio comparison, whole register", {}),
    ("Portfolio comparison in an IPC subclass", {"ipc": "C01B"}),
]
COMPETITORS = 5


# -- the analysis pages ------------------------------------------------------------------------------------


def reused_prefix():
    if REUSE in ("", "0"):
        return None
    if REUSE == "1":
        from bench.register import register_prefix

        return register_prefix(keep=True)
    return REUSE


class WithoutRequestCache:
    """The client the backend searches with, asking Elasticsearch not to answer from its request cache."""

    def __init__(self, client):
        self.client = client

    def search(self, **kwargs):
        return self.client.search(request_cache=REQUEST_CACHE, **kwargs)

    def __getattr__(self, name):
        return getattr(self.client, name)


class Fallbacks(logging.Handler):
    """Counts the search service's fall-backs to the embedded backend: a page answered without
    Elasticsearch would measure the wrong thing."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.seen = []

    def emit(self, record):
        self.seen.append(record.getMessage())


def enterprise_and_comparison():
    """A member of an enterprise holding patents in the synthetic register (the first record's applicant)
    and its comparison with the applicants of the next records."""
    from analysis import portfolio
    from bench.register import Synthetic
    from tests.factories import MembershipFactory

    probe = Synthetic(2014)
    holders = []
    for n in range(100):
        holder = probe.fields(n)["holder"]
        if holder not in holders:
            holders.append(holder)
        if len(holders) > COMPETITORS:
            break
    member = MembershipFactory(organisation__name=holders[0]).user
    comparison = portfolio.create(
        member.organisation, member, {"name": "竞争对手对比", "competitors": holders[1 : COMPETITORS + 1]}
    )
    return member, comparison


def prepare_index(url):
    """(prefix to read, records, how the index came to be, prefix to remove at the end or None)."""
    from django.conf import settings

    from bench.register import index_synthetic
    from search.backends import ElasticsearchBackend

    kept = reused_prefix()
    if kept:
        reader = ElasticsearchBackend(url, prefix=kept)
        indices = reader.indices_of("patent")
        if not indices:
            raise SystemExit(
                f"BENCH_ANALYSIS_REUSE_INDEX: no patent index under the prefix {kept} (alias {reader.alias('patent')})"
            )
        count = reader.client.count(index=reader.alias("patent"))["count"]
        print(f"Reading the kept index {indices[0]} ({count:,} documents), read only.", flush=True)
        return kept, count, f"the index kept by `bench/register.py` ({indices[0]}), only read", None
    own = f"{settings.SEARCH_INDEX_PREFIX}_benchanalysis{os.getpid()}"
    assert not own.endswith("_benchreg"), own
    builder = ElasticsearchBackend(url, prefix=own)
    builder.client = builder.client.options(request_timeout=300)
    builder.delete_all_indices()
    index_seconds, generation_seconds = index_synthetic(builder, RECORDS)
    how = (
        f"built here under this run's own prefix ({RECORDS / index_seconds:,.0f} docs/s through `rebuild`, "
        f"{index_seconds / 60:.1f} min; generating the records took {generation_seconds / 60:.1f} min more), "
        "removed at the end"
    )
    return own, RECORDS, how, own


def page_requests(comparison):
    """[(label, address)] of the measured requests."""
    from django.urls import reverse

    analysis, compared = reverse("analysis:analysis"), comparison.get_absolute_url()
    found = [(label, f"{analysis}?{urlencode(params)}" if params else analysis) for label, params in ANALYSES]
    found += [(label, f"{compared}?{urlencode(params)}" if params else compared) for label, params in COMPARISONS]
    return found


def bench_pages(url):
    from django.conf import settings
    from django.test import Client, RequestFactory

    from analysis import figures, portfolio, views
    from search.backends import ElasticsearchBackend, get_search_backend

    # The enterprise and its comparison are saved while Elasticsearch is off: nothing of this run is written
    # to the index it reads.
    settings.ELASTICSEARCH_URL = ""
    member, comparison = enterprise_and_comparison()
    original_prefix = settings.SEARCH_INDEX_PREFIX
    prefix, records, how, remove = prepare_index(url)
    settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX_PREFIX = url, prefix
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]  # the test client's host
    fallbacks = Fallbacks()
    logging.getLogger("search.service").addHandler(fallbacks)
    try:
        backend = get_search_backend()
        raw_client = backend.client.options(request_timeout=REQUEST_TIMEOUT)
        backend.client = WithoutRequestCache(raw_client)
        client = Client()
        client.force_login(member)
        requests = page_requests(comparison)

        captured = {}
        original_body = backend.aggregation_body
        for label, address in requests:
            seen = []

            def capture(query, groups, aggregations, seen=seen):
                body = original_body(query, groups, aggregations)
                seen.append((backend.indices_for(query), body))
                return body

            backend.aggregation_body = capture
            try:
                response = client.get(address)
            finally:
                del backend.aggregation_body
            assert response.status_code == 200, (address, response.status_code)
            assert seen, f"{address} sent no aggregation"
            captured[label] = seen

        factory = RequestFactory()

        def functions(item):
            label, address = item
            _form, query, selected = views._register_query(factory.get(address))
            if label.startswith("Portfolio"):
                return portfolio.compare(comparison, query)
            result = figures.analyse(query, selected)
            assert result.backend == "elasticsearch", result.backend
            return result

        def page(item):
            response = client.get(item[1])
            assert response.status_code == 200, (item, response.status_code)

        def raw(item):
            for index, body in captured[item[0]]:
                raw_client.search(
                    index=index, ignore_unavailable=True, allow_no_indices=True, request_cache=REQUEST_CACHE, **body
                )

        matched = {}
        for item in requests:  # warm-up, and what each request counts
            page(item)
            raw(item)
            found = functions(item)
            matched[item[0]] = found.total if hasattr(found, "total") else found[0].rows[0][1]
        rounds = alternate(
            {
                "page": lambda: latency(page, requests, REQUESTS),
                "functions": lambda: latency(functions, requests, REQUESTS),
                "raw": lambda: latency(raw, requests, REQUESTS),
            },
            ROUNDS,
            label="Analysis pages: ",
        )
        if fallbacks.seen:
            raise SystemExit(f"The search service fell back to the embedded backend: {fallbacks.seen[:3]}")
        bodies = sum(len(seen) for seen in captured.values())
        version = backend.health()["version"]
    finally:
        logging.getLogger("search.service").removeHandler(fallbacks)
        settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX_PREFIX = "", original_prefix
        if remove:
            ElasticsearchBackend(url, prefix=remove).delete_all_indices()
    return {
        "records": records,
        "how": how,
        "version": version,
        "requests": requests,
        "matched": matched,
        "bodies": bodies,
        "rounds": rounds,
        **{side: {k: median_of(rounds, side, k) for k in ("p50", "p95")} for side in ("page", "functions", "raw")},
    }


# -- the register in the database ------------------------------------------------------------------------


def write_register(count):
    """`count` patents with their applicants and events, and the reference data the indicators divide by.
    Returns the number of rows written per table."""
    from django.db import connection, transaction
    from django.utils import timezone

    from bench.register import Synthetic
    from bench.timing import SetupClock
    from reference import demo as reference_demo
    from reference.models import AbnormalApplication
    from register.models import ImportSource, LegalEvent, PartyKind, Patent, PatentParty
    from register.terms import EventKind, LegalStatus, PatentType

    reference_demo.load(None)
    source = ImportSource.for_kind(ImportSource.Kind.CNIPA)
    rng = random.Random(17)  # the extras: the register generator's own sequence is left as it is
    kinds = (
        [PartyKind.ENTERPRISE] * 75 + [PartyKind.ACADEMIC] * 12 + [PartyKind.INDIVIDUAL] * 10 + [PartyKind.OTHER] * 3
    )
    today = timezone.localdate()
    written = {"patents": 0, "applicants": 0, "events": 0, "abnormal": 0}
    generating = SetupClock()
    patents, parties, events, abnormal = [], [], [], []

    def flush():
        with transaction.atomic():
            Patent.objects.bulk_create(patents)
            PatentParty.objects.bulk_create(parties)
            LegalEvent.objects.bulk_create(events)
            AbnormalApplication.objects.bulk_create(abnormal)
        for name, rows in (("patents", patents), ("applicants", parties), ("events", events), ("abnormal", abnormal)):
            written[name] += len(rows)
            rows.clear()

    started = time.perf_counter()
    for patent in generating.wrap(Synthetic(2014).patents(count)):
        first = patent._prefetched_objects_cache.pop("parties")[0]
        del patent._prefetched_objects_cache
        patent.source = source
        if rng.random() < 0.08:  # an applicant outside the city
            patent.district = first.district = None
        first.kind = rng.choice(kinds)
        parties.append(first)
        if rng.random() < 0.15:
            parties.append(
                PatentParty(
                    patent=patent,
                    position=1,
                    name=f"连云港{rng.choice('东南西北')}港科技有限公司{rng.randint(1, 500)}",
                    district=first.district,
                    kind=rng.choice(kinds),
                )
            )
        patent.is_pct = patent.patent_type == PatentType.INVENTION and rng.random() < 0.04
        happened = []
        if patent.grant_date:
            if rng.random() < 0.6:  # the others' grant is known from the export's grant date only
                happened.append((EventKind.GRANT.value, patent.grant_date))
            if rng.random() < 0.05:
                moved = patent.grant_date + timedelta(days=rng.randint(30, 2000))
                if moved < today:
                    happened.append((EventKind.TRANSFER.value, moved))
        if patent.status == LegalStatus.LAPSED:
            happened.append((EventKind.ANNUITY_LAPSE.value, patent.status_since))
        patent.evaluate_status(today=today, events=happened)
        events += [LegalEvent(patent=patent, kind=kind, date=day) for kind, day in happened]
        if rng.random() < 0.005:
            listed = patent.filing_date + timedelta(days=rng.randint(90, 400))
            abnormal.append(AbnormalApplication(application_number=patent.application_number, published_on=listed))
        patents.append(patent)
        if len(patents) == BATCH:
            flush()
            if written["patents"] % 100_000 == 0:
                rate = written["patents"] / (time.perf_counter() - started)
                print(f"  {written['patents']:,} patents written, {rate:,.0f}/s", flush=True)
    flush()
    spent = time.perf_counter() - started
    print(
        f"  {written['patents']:,} patents written in {spent:.0f} s ({generating.seconds:.0f} s generating)", flush=True
    )
    # As a database in use would have them: the planner's statistics of the new rows.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return written, generating.seconds


# -- the dashboard and its plain-SQL baseline ------------------------------------------------------------------


def dashboard_rows(day):
    from targets.dashboard import build_rows, indicators_for

    return build_rows(indicators_for(None), district=None, on=day)


def captured_computations(day):
    """The dashboard's rows for `day`, every (rule, district, day) value its live rules computed (with the
    value), and every (rule, district) whose history of records it read."""
    from targets.live import Counted, LiveRule

    computed, histories = [], []
    measurement, history = LiveRule.measurement, LiveRule.history

    def measured(rule, district=None, on=None):
        result = measurement(rule, district, on)
        computed.append((rule.code, district, on or day, result.value))
        return result

    def read_history(rule, district=None, on=None):
        if isinstance(rule.counts, Counted):
            histories.append((rule.code, district))
        return history(rule, district, on)

    LiveRule.measurement, LiveRule.history = measured, read_history
    try:
        rows = dashboard_rows(day)
    finally:
        LiveRule.measurement, LiveRule.history = measurement, history
    return rows, computed, histories


class PlainCounts:
    """The live rules' values counted with plain SQL aggregates: raw SQL on the register's tables for its
    patent indicators (the legal status of a day from the events of the kinds this benchmark writes), the
    ORM's `.count()` / `Sum` of the rule's records for the others."""

    def __init__(self):
        from reference.models import AbnormalApplication, District, RdSpending, ResidentPopulation
        from register.models import LegalEvent, Patent, PatentParty

        self.t = {
            "patent": Patent._meta.db_table,
            "party": PatentParty._meta.db_table,
            "event": LegalEvent._meta.db_table,
            "district": District._meta.db_table,
            "population": ResidentPopulation._meta.db_table,
            "rd": RdSpending._meta.db_table,
            "abnormal": AbnormalApplication._meta.db_table,
        }
        self.register = {
            "invention-patents-per-10k-urban": lambda district, on: self.per_10k(district, on, urban_only=True),
            "invention-patents-per-10k-city": self.per_10k,
            "invention-grant-growth": self.grant_growth,
            "invention-grants-per-rd-million": self.per_rd_million,
            "pct-applications": self.pct,
            "abnormal-application-share": lambda district, on: self.share(district, on, self.abnormal),
            "enterprise-application-share": lambda district, on: self.share(district, on, self.enterprise),
        }

    @staticmethod
    def row(statement, params):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchone()

    def city(self, district):
        return ("p.district_id = %s", [district.pk]) if district is not None else ("p.district_id IS NOT NULL", [])

    def granted_on(self):
        return (
            f"COALESCE((SELECT MIN(e.date) FROM {self.t['event']} e WHERE e.patent_id = p.id AND e.kind = 'grant'), "
            "p.grant_date)"
        )

    def value(self, code, district, on):
        from targets.live import RULES, Counted

        if code in self.register:
            return self.register[code](district, on)
        rule = RULES[code]
        if isinstance(rule.counts, Counted):
            figure = rule.counts.figure()
            return figure.total(district, on) if rule.counts.amounts else Decimal(figure.count(district, on))
        return Decimal(rule.queryset(district, on).count())

    def history(self, code, district):
        """One grouped aggregate: the records counted (or summed) per start day."""
        from django.db.models import Count, DateTimeField, F, Sum
        from django.db.models.functions import TruncDate

        from targets.live import RULES

        rule = RULES[code]
        figure = rule.counts.figure()
        records = figure.records.all()
        if district is not None:
            records = records.filter(**{figure.district_lookup: district})
        field = figure.model._meta.get_field(figure.date_field)
        day = TruncDate(figure.date_field) if isinstance(field, DateTimeField) else F(figure.date_field)
        measure = Sum(figure.amount_field) if rule.counts.amounts else Count("pk")
        return list(records.values(day=day).annotate(n=measure).values_list("day", "n"))

    def scope(self, district, urban_only):
        where, params = ["1 = 1"], []
        if urban_only:
            where.append("is_urban = %s")
            params.append(True)
        if district is not None:
            where.append("id = %s")
            params.append(district.pk)
        return f"SELECT id FROM {self.t['district']} WHERE {' AND '.join(where)}", params

    def per_10k(self, district, on, urban_only=False):
        from core.dates import years_after
        from core.measures import ratio

        scope, scope_params = self.scope(district, urban_only)
        (districts,) = self.row(f"SELECT COUNT(*) FROM ({scope}) s", scope_params)
        if not districts:
            return None
        (patents,) = self.row(
            f"SELECT COUNT(*) FROM {self.t['patent']} p WHERE p.patent_type = 'invention' "
            f"AND p.district_id IN ({scope}) AND p.filing_date <= %s AND p.filing_date > %s "
            f"AND {self.granted_on()} <= %s "
            f"AND NOT EXISTS (SELECT 1 FROM {self.t['event']} e WHERE e.patent_id = p.id "
            "AND e.kind IN ('annuity_lapse', 'invalidation', 'expiry') AND e.date <= %s)",
            [*scope_params, on, years_after(on, -20), on, on],
        )
        population = self.row(
            f"SELECT year, SUM(residents) FROM {self.t['population']} WHERE district_id IN ({scope}) AND year <= %s "
            f"GROUP BY year HAVING COUNT(*) = %s ORDER BY year DESC LIMIT 1",
            [*scope_params, on.year, districts],
        )
        if population is None:
            return None
        # SQLite sums the decimal column as a float.
        return ratio(patents, Decimal(str(population[1])).quantize(Decimal("0.01")))

    def grants_between(self, pairs):
        city, params = self.city(None)
        sums = ", ".join("SUM(CASE WHEN g >= %s AND g <= %s THEN 1 ELSE 0 END)" for _pair in pairs)
        found = self.row(
            f"SELECT {sums} FROM (SELECT {self.granted_on()} AS g FROM {self.t['patent']} p "
            f"WHERE p.patent_type = 'invention' AND {city}) granted",
            [day for pair in pairs for day in pair] + params,
        )
        return [value or 0 for value in found]

    def grant_growth(self, district, on):
        from core.dates import years_after
        from core.measures import ratio

        assert district is None, "the baseline counts the city-wide dashboard"
        start = date(on.year, 1, 1)
        current, earlier = self.grants_between([(start, on), (years_after(start, -1), years_after(on, -1))])
        return ratio(current - earlier, earlier, scale=100) if earlier else None

    def per_rd_million(self, district, on):
        from core.measures import ratio

        if district is not None:
            return None
        spending = self.row(
            f"SELECT year, amount FROM {self.t['rd']} WHERE year <= %s ORDER BY year DESC LIMIT 1", [on.year]
        )
        if spending is None:
            return None
        year, amount = spending
        (grants,) = self.grants_between([(date(year, 1, 1), min(on, date(year, 12, 31)))])
        return ratio(grants, Decimal(str(amount)) / 100)

    def applications(self, district, on, select, select_params=(), extra="", extra_params=()):
        """One aggregate over the applications of the city filed from 1 January to `on`."""
        city, params = self.city(district)
        return self.row(
            f"SELECT {select} FROM {self.t['patent']} p "
            f"WHERE {city} AND p.filing_date >= %s AND p.filing_date <= %s{extra}",
            [*select_params, *params, date(on.year, 1, 1), on, *extra_params],
        )

    def pct(self, district, on):
        (count,) = self.applications(district, on, "COUNT(*)", extra=" AND p.is_pct = %s", extra_params=[True])
        return Decimal(count)

    def abnormal(self, on):
        return (
            f"EXISTS (SELECT 1 FROM {self.t['abnormal']} a WHERE a.application_number = p.application_number "
            "AND a.published_on <= %s)",
            [on],
        )

    def enterprise(self, on):
        return (
            f"EXISTS (SELECT 1 FROM {self.t['party']} f WHERE f.patent_id = p.id AND f.position = 0 "
            "AND f.kind = 'enterprise')",
            [],
        )

    def share(self, district, on, condition):
        from core.measures import ratio

        exists, exists_params = condition(on)
        total, part = self.applications(
            district, on, f"COUNT(*), SUM(CASE WHEN {exists} THEN 1 ELSE 0 END)", select_params=exists_params
        )
        return ratio(part or 0, total, scale=100) if total else None


def bench_dashboard():
    from django.db import DatabaseError
    from django.utils import timezone

    from targets.dashboard import counted_from_records
    from targets.live import RULES

    print(
        f"Targets: writing {DASHBOARD_RECORDS:,} patents with their applicants and events "
        f"({throwaway_database_name()})…"
    )
    load_seconds, (written, generation_seconds) = seconds(lambda: write_register(DASHBOARD_RECORDS))
    result = {
        "database": throwaway_database_name(),
        "written": written,
        "load_seconds": load_seconds,
        "generation_seconds": generation_seconds,
    }
    today = timezone.localdate()
    days = {"today": today, "as of": AS_OF}
    plain = PlainCounts()
    found = {}
    try:
        for name, day in days.items():
            rows, computed, histories = captured_computations(day)
            values = {}
            for code, district, on, value in computed:
                values.setdefault((code, district, on), value)
            found[name] = {
                "rows": rows,
                "computations": len(computed),
                "values": values,
                "histories": sorted(set(histories), key=lambda item: item[0]),
            }
    except DatabaseError as error:
        # Reported, not raised: the rest of the run (the pages, the rows written) still says something.
        print(f"The dashboard failed: {error}", flush=True)
        return {**result, "failed": f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"}

    def baseline(name):
        measured = found[name]
        return {key: plain.value(*key) for key in measured["values"]}, [
            plain.history(code, district) for code, district in measured["histories"]
        ]

    mismatches = []
    for name in days:
        counted, _histories = baseline(name)
        for key, value in counted.items():
            if value != found[name]["values"][key]:
                mismatches.append(f"{key[0]} on {key[2]}: dashboard {found[name]['values'][key]}, SQL {value}")

    sides = {}
    for name, day in days.items():
        sides[f"dashboard, {name}"] = lambda day=day: round(seconds(lambda: dashboard_rows(day))[0], 3)
        sides[f"plain SQL, {name}"] = lambda name=name: round(seconds(lambda: baseline(name))[0], 3)
    rounds = alternate(sides, ROUNDS, label="Targets dashboard: ")
    return {
        **result,
        "days": days,
        "rounds": rounds,
        "medians": {side: median_of(rounds, side) for side in sides},
        "live_rules": len(RULES),
        "counted": {name: counted_from_records(found[name]["rows"]) for name in days},
        "computations": {name: found[name]["computations"] for name in days},
        "distinct": {name: len(found[name]["values"]) for name in days},
        "histories": {name: len(found[name]["histories"]) for name in days},
        "register_sql": sorted(code for code in plain.register if code in RULES),
        "mismatches": mismatches,
    }


# -- the report ---------------------------------------------------------------------------------------------


def write_report(pages, targets, load_before, minutes):
    small = DASHBOARD_RECORDS < 1_000_000 or (pages and pages["records"] < 1_000_000)
    lines = [
        "Written by `bench/analysis.py` (`ELASTICSEARCH_URL=… DATABASE_URL=… BENCH_ANALYSIS_REUSE_INDEX=1 "
        "nice -n 10 .venv/bin/python -m bench.analysis`); not part of `make test`.",
        "",
    ]
    if small:
        lines += [
            f"**Smaller than the issue's 1,000,000 records** ({pages['records'] if pages else RECORDS:,} in the index, "
            f"{DASHBOARD_RECORDS:,} in the dashboard's database): a run at the full size replaces this section.",
            "",
        ]
    lines += [
        f"- Date: {date.today().isoformat()}; the run took {minutes:.0f} min",
        machine_line(load_before),
        f"- Rounds: {ROUNDS}, alternating the variants; the median over rounds",
        "",
    ]
    if pages:
        page, functions, raw = pages["page"], pages["functions"], pages["raw"]
        limit = 2 * raw["p95"] + 20
        met = page["p95"] <= limit
        per_round = "; ".join(
            f"{r['page']['p95']:.1f} / {r['functions']['p95']:.1f} / {r['raw']['p95']:.1f}" for r in pages["rounds"]
        )
        matched = ", ".join(f"{label}: {pages['matched'][label]:,}" for label, _address in pages["requests"])
        lines += [
            f"### Analysis pages, {pages['records']:,} patents in Elasticsearch",
            "",
            f"Elasticsearch {pages['version']} (single node, on the same CPUs; one shard, no replica), "
            f"the index: {pages['how']}. {len(pages['requests'])} requests ({len(ANALYSES)} analysis pages, "
            f"{len(COMPARISONS)} portfolio comparisons; {pages['bodies']} aggregation requests to Elasticsearch "
            f"in all), each {REQUESTS} times a round per variant, after one warm-up of each. Elasticsearch's "
            f"request cache {'on' if REQUEST_CACHE else 'bypassed on both sides (`request_cache=false`)'}.",
            "",
            "| Measure | Page (view, test client) | Functions (`figures.analyse`, `portfolio.compare`) "
            "| Raw Elasticsearch | Target | Met |",
            "| --- | --- | --- | --- | --- | --- |",
            f"| p50 | {page['p50']:.1f} ms | {functions['p50']:.1f} ms | {raw['p50']:.1f} ms | – | – |",
            f"| p95 | {page['p95']:.1f} ms | {functions['p95']:.1f} ms | {raw['p95']:.1f} ms "
            f"| page ≤ 2 × raw + 20 ms = {limit:.1f} ms | {'yes' if met else 'NO (missed)'} |",
            "",
            f"p95 per round, page / functions / raw ms: {per_round}. Patents each request counts (a comparison: the "
            f"enterprise's own): {matched}.",
            "",
            "Page: the whole request through Django's test client (no network, no gunicorn; `config.settings.test`): "
            "the register search form, the query, every aggregation of the analysis (one request to Elasticsearch "
            "for an analysis page, two for a comparison: the enterprise's own portfolio, then the competitors), "
            "the tables and the charts' data, the template rendered; a comparison signed in as a member of the "
            "enterprise. Functions: the analysis app's functions on the same queries, without the view and the "
            "template. Raw: the very request bodies our backend sent for each request, captured on the warm-up, "
            "sent again one after the other with the `elasticsearch` client.",
            "",
        ]
    else:
        lines += ["### Analysis pages in Elasticsearch", "", "Skipped: ELASTICSEARCH_URL was not set.", ""]
    written = targets["written"]
    lines += [
        f"### Targets dashboard recomputation, {written['patents']:,} patents in the database",
        "",
        f"Database: {targets['database']}, throw-away. Rows written with `bulk_create` (then `ANALYZE`) in "
        f"{targets['load_seconds'] / 60:.1f} min (of which {targets['generation_seconds'] / 60:.1f} min generating "
        f"the synthetic records): {written['patents']:,} patents, {written['applicants']:,} applicants, "
        f"{written['events']:,} legal events, {written['abnormal']:,} listed abnormal applications; population and "
        "R&D spending of 2013–2016 (`reference.demo`). Other apps' tables (trademarks, training, deals, cases, …) "
        "are empty here.",
        "",
    ]
    if "failed" in targets:
        lines += [f"**The dashboard's recomputation failed** at this size: {targets['failed']}.", ""]
    else:
        lines += dashboard_lines(targets)
    path = write_section("Analysis", lines)
    print("\n".join(lines))
    print(f"Written to {path}")


def dashboard_lines(targets):
    rows = []
    for name, day in targets["days"].items():
        ours, baseline = targets["medians"][f"dashboard, {name}"], targets["medians"][f"plain SQL, {name}"]
        rows.append(
            f"| {name} ({day.isoformat()}) | {ours:.2f} s ({targets['computations'][name]} rule computations, "
            f"{targets['histories'][name]} histories) | {baseline:.2f} s ({targets['distinct'][name]} values) "
            f"| {ours / baseline:.1f}× |"
        )
    per_round = "; ".join(" / ".join(f"{value:.2f}" for value in r.values()) for r in targets["rounds"])
    checked = (
        "every value the plain SQL counts equals the dashboard's"
        if not targets["mismatches"]
        else "**the plain SQL differs from the dashboard** on: " + "; ".join(targets["mismatches"][:10])
    )
    counted = ", ".join(f"{name}: {count}" for name, count in targets["counted"].items())
    return [
        "| Report day | Dashboard (`build_rows`, every indicator) | Plain SQL aggregates, same values | Ratio |",
        "| --- | --- | --- | --- |",
        *rows,
        "",
        f"Per round, {' / '.join(targets['rounds'][0])} s: {per_round}. {targets['live_rules']} live rules; "
        f"indicators with a target counted from records: {counted}. Check: {checked}.",
        "",
        "Dashboard: `targets.dashboard.build_rows` over every indicator, city-wide, as the dashboard view calls it "
        "(no rendering): each live rule counted on the report day, its history (a measure at the end of each plan "
        "year before the day) and, for a yearly target, each year's figure. Plain SQL: each distinct "
        "(indicator, day) value of that recomputation counted once with plain aggregates on the same tables: raw "
        f"SQL for {', '.join(targets['register_sql'])} (a patent's status on a day from its grant, lapse, "
        "invalidation and expiry events, as the events this benchmark writes decide it), the ORM's `.count()` / "
        "`Sum` of the rule's records for the others, and a grouped count per history read. No target was set "
        "for this time.",
    ]


def main():
    load_before = load()
    started = time.perf_counter()
    django_in_throwaway_database("analysis", server=True)
    try:
        url = os.environ.get("ELASTICSEARCH_URL", "")
        pages = None
        if url:
            pages = bench_pages(url)
        else:
            print("Skipping the analysis pages: set ELASTICSEARCH_URL to run them.")
        targets = bench_dashboard()
    finally:
        drop_throwaway_database()
    write_report(pages, targets, load_before, (time.perf_counter() - started) / 60)


if __name__ == "__main__":
    main()
