"""Search benchmark: query latency and reindex throughput, ours against raw Elasticsearch, plus the
embedded fallback. Writes docs/benchmarks.md.

Elasticsearch part (skipped, with a message, when ELASTICSEARCH_URL is unset): 100,000 generated
documents are first analysed and kept in the embedded backend, as the outbox does when documents change;
then, in rounds alternating the two, indexed through our reindex path (SearchDoc -> kept analysis read
back -> bulk into a new index -> alias swap) and the same final documents through a raw `helpers.bulk`
(the median of the rounds' ratios is reported), and once through our path with nothing kept; then the same
queries are sent through our search service and straight to Elasticsearch (the same request body,
prepared in advance). Embedded part: 10,000 documents in a throw-away SQLite database (FTS5), queried
through the same service. Targets (from the issues): our p95 <= 2 x raw p95 + 10 ms; reindex >= 0.6 of
the raw bulk throughput; embedded p95 < 150 ms at 10,000 documents. Writes the "Search" section of
docs/benchmarks.md.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.report import load, machine_line, write_section

ROOT = Path(__file__).resolve().parent.parent
ES_DOCS = int(os.environ.get("BENCH_ES_DOCS", 100_000))
EMBEDDED_DOCS = int(os.environ.get("BENCH_EMBEDDED_DOCS", 10_000))
QUERY_ROUNDS = int(os.environ.get("BENCH_QUERY_ROUNDS", 10))

DISTRICTS = ["海州区", "连云区", "赣榆区", "东海县", "灌云县", "灌南县", "开发区", "徐圩新区", "高新区"]
INDUSTRIES = ["新医药", "新材料", "新能源", "高端装备制造", "石化", "现代农业", "东海水晶", "电子信息"]
COMPANIES = ["恒瑞", "豪森", "正大天晴", "康缘", "中复连众", "鹰游纺机", "天明化工", "晶润", "太平洋水晶", "东海硅微粉"]
INVENTIONS = [
    "一种高纯石英玻璃的制备方法",
    "锂离子电池正极材料",
    "抗肿瘤药物组合物",
    "碳纤维复合材料缠绕成型装置",
    "风电叶片主梁",
    "盐碱地水稻种植方法",
    "石化加氢催化剂",
    "水晶工艺品雕刻机",
    "中药提取物及其用途",
    "光伏组件封装胶膜",
    "港口集装箱吊具",
    "海藻多糖提取工艺",
    "数控机床主轴",
    "食用菌液体菌种培养方法",
]
SERVICES = [
    "专利代理",
    "商标代理",
    "版权登记",
    "知识产权评估",
    "质押融资",
    "专利检索",
    "侵权诉讼",
    "专利导航",
    "贯标咨询",
]
POLICY_TOPICS = ["专利资助", "质押融资贴息", "商标战略", "知识产权保护", "服务机构管理", "试点城市建设", "人才培养"]
TYPES = ["policy", "news", "course", "institution", "offering", "transaction", "financing"]
SENTENCES = [
    "为深入实施国家知识产权战略，推动{industry}产业转型升级，",
    "鼓励{district}企业加大研发投入，提高发明专利申请量和授权量。",
    "对以专利权、商标专用权质押获得银行贷款的企业给予贴息。",
    "服务机构应当建立健全内部管理制度，提高服务质量。",
    "该技术已在{company}公司中试成功，可提供技术指导和后续服务。",
    "欢迎有意向的企业来电洽谈，价格可面议。",
    "课程由资深专利代理师和知识产权律师讲授，结业颁发证书。",
]


def patent_number(rng):
    return f"ZL{rng.randint(2005, 2016)}{rng.choice('1238')}{rng.randint(0, 9_999_999):07d}.{rng.randint(0, 9)}"


def generate(count, seed=2014):
    """Realistic documents of every type, reproducible from the seed."""
    from search.documents import SearchDoc

    rng = random.Random(seed)
    today = date.today()
    for n in range(count):
        doc_type = TYPES[n % len(TYPES)]
        district, industry, company = rng.choice(DISTRICTS), rng.choice(INDUSTRIES), rng.choice(COMPANIES)
        body = "".join(
            s.format(industry=industry, district=district, company=company) for s in rng.sample(SENTENCES, 4)
        )
        price_low = price_high = None
        terms, facts, status = [], [], ""
        if doc_type == "policy":
            title = f"连云港市{rng.choice(POLICY_TOPICS)}办法（{rng.randint(2008, 2016)}年第{n}号）"
            status = rng.choice(["现行有效", "现行有效", "已废止"])
        elif doc_type == "news":
            title = f"{district}{company}公司{rng.choice(SERVICES)}工作取得新进展（{n}）"
        elif doc_type == "course":
            title = f"{rng.choice(SERVICES)}实务培训班第{n}期"
            price_low = price_high = rng.choice([0, 300, 600, 1200])
            status = "报名中"
        elif doc_type == "institution":
            service = rng.choice(SERVICES)
            title = f"连云港{company}{service}服务中心{n}"
            terms = [service]
            status = "已认证"
        elif doc_type == "offering":
            service = rng.choice(SERVICES)
            title = f"{service}服务套餐{n}"
            price_low = rng.choice([500, 3000, 8000, 20000])
            price_high = price_low * 2
            terms = [service]
        elif doc_type == "transaction":
            number = patent_number(rng)
            title = f"转让：{rng.choice(INVENTIONS)}（{n}）"
            body = f"发明专利，专利号{number}。" + body
            price_low = price_high = rng.choice([20_000, 80_000, 300_000, 1_500_000])
            terms, facts, status = [number], [("专利号", number)], "挂牌中"
        else:
            title = f"{industry}企业知识产权质押融资需求{rng.randint(1, 20) * 100}万元（{n}）"
            price_low = price_high = rng.randint(1, 20) * 1_000_000
            status = "融资中"
        yield SearchDoc(
            type=doc_type,
            id=str(n),
            url=f"/bench/{doc_type}/{n}/",
            title=title,
            body=body,
            category=industry,
            district=district,
            status=status,
            date=today - timedelta(days=rng.randint(0, 1500)),
            price_min=price_low,
            price_max=price_high,
            terms=terms,
            facts=facts,
        )


QUERIES = [
    "质押融资",
    "专利代理",
    "商标代理",
    "PCT 申请",
    "东海水晶",
    "版权登记",
    "知识产权评估",
    "专利转让",
    "石英玻璃",
    "锂离子电池",
    "抗肿瘤药物",
    "培训",
    "贴息",
    "专利资助",
    "新医药",
    "海州区 专利",
    "專利代理機構",
    "质押贷款",
    "侵权诉讼",
    "专利检索",
]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(function, rounds):
    samples = []
    for _ in range(rounds):
        for query in QUERIES:
            start = time.perf_counter()
            function(query)
            samples.append((time.perf_counter() - start) * 1000)
    return {"p50": statistics.median(samples), "p95": percentile(samples, 0.95), "n": len(samples)}


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    # The embedded part runs in a throw-away SQLite database, never the development one.
    workdir = tempfile.mkdtemp(prefix="ipp-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    from search.models import OutboxEntry, SearchEntry

    with connection.schema_editor() as editor:
        editor.create_model(SearchEntry)
        editor.create_model(OutboxEntry)
    with connection.cursor() as cursor:
        from importlib import import_module

        cursor.execute(import_module("search.migrations.0002_fulltext_index").SQLITE_CREATE)


ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))


def bench_elasticsearch(url):
    from django.conf import settings
    from elasticsearch import helpers

    from search import service, text
    from search.backends import ElasticsearchBackend, embedded_backend
    from search.documents import IndexedDocument
    from search.query import SearchQuery

    # Per process: another benchmark may be running against the same node.
    prefix = f"{settings.SEARCH_INDEX_PREFIX}_bench{os.getpid()}"
    backend = ElasticsearchBackend(url, prefix=prefix)
    backend.delete_all_indices()
    settings.ELASTICSEARCH_URL = url
    settings.SEARCH_INDEX_PREFIX = prefix
    print(f"Elasticsearch: generating {ES_DOCS} documents…", flush=True)
    docs = list(generate(ES_DOCS))
    by_type = {t: [d for d in docs if d.type == t] for t in TYPES}

    # What the outbox does as documents change: each is analysed once and the analysis kept beside the
    # embedded backend's entry. Timed too: it is what a first rebuild (nothing kept yet) costs.
    print("Elasticsearch: analysing and keeping every document's text (embedded backend)…", flush=True)
    embedded = embedded_backend()
    start = time.perf_counter()
    for doc_type, type_docs in by_type.items():
        embedded.rebuild(doc_type, type_docs)
    kept_seconds = time.perf_counter() - start

    raw_actions = {
        doc_type: [{"_index": f"{prefix}_raw_{doc_type}", "_id": d.uid, **IndexedDocument.source(d)} for d in type_docs]
        for doc_type, type_docs in by_type.items()
    }

    def ours():
        for doc_type, type_docs in by_type.items():
            backend.rebuild(doc_type, type_docs, kept=embedded.kept_tokens)

    def ours_analysing():
        for doc_type, type_docs in by_type.items():
            backend.rebuild(doc_type, type_docs)

    def raw():
        for doc_type, actions in raw_actions.items():
            index = f"{prefix}_raw_{doc_type}"
            backend.client.indices.delete(index=index, ignore_unavailable=True)
            backend._create_index(index, loading=True)
            helpers.bulk(backend.client, actions, chunk_size=1000)
            backend.client.indices.put_settings(index=index, settings={"refresh_interval": None})
            backend.client.indices.refresh(index=index)

    def rate(function):
        start = time.perf_counter()
        function()
        return ES_DOCS / (time.perf_counter() - start)

    rounds = []
    for number in range(1, ROUNDS + 1):
        print(f"Elasticsearch: reindex round {number}/{ROUNDS}, ours then raw…", flush=True)
        ours_rate = rate(ours)
        raw_rate = rate(raw)
        rounds.append({"ours": ours_rate, "raw": raw_rate, "ratio": ours_rate / raw_rate})
        print(f"  ours {ours_rate:,.0f} docs/s, raw {raw_rate:,.0f} docs/s, ratio {ours_rate / raw_rate:.2f}")
    print("Elasticsearch: reindex with nothing kept (every document analysed), then raw…", flush=True)
    cold_rate = rate(ours_analysing)
    cold_raw = rate(raw)

    print("Elasticsearch: query latency…", flush=True)
    bodies = {q: backend.search_body(SearchQuery(text=q), text.parse_query(q)) for q in QUERIES}
    for query in QUERIES:  # warm-up
        service.search(SearchQuery(text=query))
    ours_latency = timed(lambda q: service.search(SearchQuery(text=q)), QUERY_ROUNDS)
    raw_latency = timed(
        lambda q: backend.client.search(index=backend.search_pattern, ignore_unavailable=True, **bodies[q]),
        QUERY_ROUNDS,
    )
    backend.delete_all_indices()
    for doc_type in TYPES:
        backend.client.indices.delete(index=f"{prefix}_raw_{doc_type}", ignore_unavailable=True)
    embedded = embedded_backend()
    for doc_type in TYPES:
        embedded.delete(doc_type, embedded.object_ids(doc_type))
    return {
        "docs": ES_DOCS,
        "rounds": rounds,
        "ratio": statistics.median(r["ratio"] for r in rounds),
        "ours_rate": statistics.median(r["ours"] for r in rounds),
        "raw_rate": statistics.median(r["raw"] for r in rounds),
        "cold": {"ours": cold_rate, "raw": cold_raw, "ratio": cold_rate / cold_raw},
        "kept_rate": ES_DOCS / kept_seconds,
        "ours": ours_latency,
        "raw": raw_latency,
    }


def bench_embedded():
    from django.conf import settings

    from search import service
    from search.backends import embedded_backend
    from search.query import SearchQuery

    settings.ELASTICSEARCH_URL = ""
    print(f"Embedded: indexing {EMBEDDED_DOCS} documents into SQLite FTS5…", flush=True)
    backend = embedded_backend()
    start = time.perf_counter()
    docs = list(generate(EMBEDDED_DOCS, seed=114))
    for doc_type in TYPES:
        backend.rebuild(doc_type, [d for d in docs if d.type == doc_type])
    seconds = time.perf_counter() - start
    for query in QUERIES:
        service.search(SearchQuery(text=query))
    latency = timed(lambda q: service.search(SearchQuery(text=q)), QUERY_ROUNDS)
    return {"docs": EMBEDDED_DOCS, "rate": EMBEDDED_DOCS / seconds, "latency": latency}


def write_report(es, embedded, es_version, load_before):
    lines = [
        "Written by `make bench` (`bench/search.py`); not part of `make test`.",
        "",
        f"- Date: {date.today().isoformat()}",
        machine_line(load_before),
        f"- Elasticsearch: {es_version or 'not configured'} (single node, on the same CPUs; no Chinese analysis "
        "plugin)",
        f"- Queries: {len(QUERIES)} Chinese queries × {QUERY_ROUNDS} rounds, after one warm-up round",
        "",
    ]
    if es:
        ours, raw = es["ours"], es["raw"]
        limit = 2 * raw["p95"] + 10
        ratio, cold = es["ratio"], es["cold"]
        rounds = "; ".join(f"{r['ours']:,.0f} / {r['raw']:,.0f} = {r['ratio']:.2f}" for r in es["rounds"])
        lines += [
            f"### Elasticsearch, {es['docs']:,} documents",
            "",
            "| Measure | Our search service | Raw Elasticsearch | Ratio | Target | Met |",
            "| --- | --- | --- | --- | --- | --- |",
            f"| Query p50 | {ours['p50']:.1f} ms | {raw['p50']:.1f} ms | {ours['p50'] / raw['p50']:.2f}× | – | – |",
            f"| Query p95 | {ours['p95']:.1f} ms | {raw['p95']:.1f} ms | {ours['p95'] / raw['p95']:.2f}× "
            f"| ≤ 2 × raw + 10 ms = {limit:.1f} ms | {'yes' if ours['p95'] <= limit else 'NO'} |",
            f"| Reindex throughput, median of {len(es['rounds'])} rounds | {es['ours_rate']:,.0f} docs/s "
            f"| {es['raw_rate']:,.0f} docs/s | {ratio:.2f} | ≥ 0.6 of raw | {'yes' if ratio >= 0.6 else 'NO'} |",
            f"| Reindex with nothing kept (first build, or after the analyser changed) | {cold['ours']:,.0f} docs/s "
            f"| {cold['raw']:,.0f} docs/s | {cold['ratio']:.2f} | – | – |",
            f"| Analysing and keeping every document's text (embedded backend, SQLite) | {es['kept_rate']:,.0f} "
            "docs/s | – | – | – | – |",
            "",
            f"Reindex rounds, ours / raw docs/s = ratio, alternating ours then raw: {rounds}.",
            "",
            "Ours: `search.service.search` (query parsing with jieba, synonyms, the request, facets, highlighting and "
            "snippets in Python). Raw: the same request body, prepared beforehand, sent with the client. Reindex ours: "
            "`ElasticsearchBackend.rebuild` from `SearchDoc`s, as `search_reindex` runs it: the analysed text the "
            "embedded backend keeps for each unchanged document (made once when the document changed, "
            "`search/analysis.py`) is read back from the database and reused, then streaming bulk into a new index "
            "and the alias swap; raw: `helpers.bulk` of the already-built final documents into an equivalent index. "
            'The row "with nothing kept" analyses every document again (jieba-rs in '
            "`SEARCH_ANALYSIS_WORKERS` processes) and is measured once, for comparison.",
            "",
        ]
    else:
        lines += ["### Elasticsearch", "", "Skipped: ELASTICSEARCH_URL was not set.", ""]
    latency = embedded["latency"]
    lines += [
        f"### Embedded fallback (SQLite FTS5), {embedded['docs']:,} documents",
        "",
        "| Measure | Value | Target | Met |",
        "| --- | --- | --- | --- |",
        f"| Query p50 | {latency['p50']:.1f} ms | – | – |",
        f"| Query p95 | {latency['p95']:.1f} ms | < 150 ms | {'yes' if latency['p95'] < 150 else 'NO'} |",
        f"| Indexing throughput | {embedded['rate']:,.0f} docs/s | – | – |",
        "",
    ]
    path = write_section("Search", lines)
    print("\n".join(lines))
    print(f"Written to {path}")


def main():
    load_before = load()
    setup_django()
    url = os.environ.get("ELASTICSEARCH_URL", "")
    es, version = None, None
    if url:
        from search.backends import ElasticsearchBackend

        version = ElasticsearchBackend(url).health()["version"]
        es = bench_elasticsearch(url)
    else:
        print("Skipping the Elasticsearch benchmark: set ELASTICSEARCH_URL to run it.")
    embedded = bench_embedded()
    write_report(es, embedded, version, load_before)
