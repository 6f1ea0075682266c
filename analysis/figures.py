"""The figures of a patent analysis (专利分析): a register query counted by year, type, IPC class,
applicant, inventor, district, applicant kind, agency, legal status and PCT, with the co-applicant pairs.

Every figure is one aggregation the search backend counts (`search.service.aggregate`: Elasticsearch
aggregations, or the embedded backend's count of its matches) over the documents `register.search`'s
query matches, from the tags the register's documents carry (`register.documents.PATENT_FILTERS`). Each
figure becomes a `Table`: the table is the content (shown, exported to XLSX, embedded in an early-warning
report), the chart only draws it.
"""

from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

from reference.models import District
from register.models import PartyKind
from register.terms import LegalStatus, PatentType
from search.query import Terms, Years
from search.service import aggregate

TOP = 20
# Co-applicants counted per top applicant (itself included).
CO_APPLICANTS = 11


@dataclass
class Table:
    """One figure: `columns` and `rows` of plain values; `chart` the ECharts description drawn from the
    same values; `drill` per row, the IPC symbol its first cell narrows the analysis to (or "")."""

    key: str
    title: str
    columns: list
    rows: list
    chart: dict | None = None
    drill: list = field(default_factory=list)
    note: str = ""

    @property
    def drill_rows(self):
        return list(zip(self.drill or [""] * len(self.rows), self.rows, strict=True))


@dataclass
class Analysis:
    total: int
    tables: list
    backend: str

    def table(self, key):
        return next((table for table in self.tables if table.key == key), None)


def share(part, whole):
    """Percent, one decimal."""
    return round(100 * part / whole, 1) if whole else 0.0


def ipc_include(selected):
    """The IPC level below `selected` (nothing: the sections) as an aggregation's `include` pattern."""
    if not selected:
        return "[A-H]"
    if len(selected) == 1:
        return f"{selected}[0-9]{{2}}"
    if len(selected) == 3:
        return f"{selected}[A-Z]"
    if len(selected) == 4:
        return f"{selected} [0-9]+/00"
    return f"{selected.split('/')[0]}/[0-9]+"


def aggregations(ipc_selected=""):
    types = Terms("types", "patent_type", size=3, sub=(Terms("granted", "grant_year", size=200),))
    return (
        Years("years", sub=(types, Terms("pct", "pct", size=1))),
        Terms("grants", "grant_year", size=200, sub=(Terms("types", "patent_type", size=3),)),
        Terms("ipc", "ipc", size=40, include=ipc_include(ipc_selected)),
        Terms("applicants", "applicant", size=TOP, sub=(Terms("co", "applicant", size=CO_APPLICANTS),)),
        Terms("inventors", "inventor", size=TOP),
        Terms("districts", "district_code", size=50),
        Terms("kinds", "applicant_kind", size=10),
        Terms("agencies", "agency", size=TOP),
        Terms("statuses", "register_status", size=20),
    )


def analyse(query, ipc_selected=""):
    """The analysis of every patent `query` (a register query) matches."""
    query = replace(query, scope=["patent"], page=1)
    result, backend = aggregate(query, aggregations(ipc_selected))
    total, buckets = result.total, result.buckets
    tables = [
        filings_by_year(buckets["years"]),
        grants_by_year(buckets["grants"]),
        grant_rate(buckets["years"]),
        ipc_distribution(buckets["ipc"], total, ipc_selected),
        ranking("applicants", _("主要申请人"), _("申请（专利权）人"), buckets["applicants"], total),
        ranking("inventors", _("主要发明人"), _("发明人"), buckets["inventors"], total),
        districts(buckets["districts"], total),
        labelled("kinds", _("申请人类别"), _("类别"), buckets["kinds"], total, PartyKind),
        ranking("agencies", _("代理机构"), _("代理机构"), buckets["agencies"], total, chart="pie"),
        labelled("statuses", _("法律状态"), _("法律状态"), buckets["statuses"], total, LegalStatus),
        pct_filings(buckets["years"]),
        co_applicants(buckets["applicants"]),
    ]
    return Analysis(total=total, tables=tables, backend=backend)


def _by_type(buckets):
    return {bucket.key: bucket for bucket in buckets}


def _type_table(key, title, first_column, year_buckets):
    types = list(PatentType)
    rows = []
    for bucket in year_buckets:
        counts = _by_type(bucket.sub["types"])
        rows.append([bucket.key, *(counts[t].count if t in counts else 0 for t in types), bucket.count])
    chart = {
        "type": "bar",
        "stack": True,
        "categories": [str(row[0]) for row in rows],
        "series": [{"name": str(t.label), "data": [row[1 + i] for row in rows]} for i, t in enumerate(types)],
    }
    return Table(key, title, [first_column, *(str(t.label) for t in types), _("合计")], rows, chart)


def filings_by_year(years):
    return _type_table("filings", _("申请量（按申请年份、类型）"), _("申请年份"), years)


def grants_by_year(grants):
    buckets = sorted(grants, key=lambda bucket: bucket.key)
    return _type_table("grants", _("授权量（按授权年份、类型）"), _("授权年份"), buckets)


def grant_rate(years):
    """Of the inventions filed each year, how many have been granted (utility models and designs are
    granted without substantive examination, so only inventions have a meaningful rate)."""
    rows = []
    for bucket in years:
        invention = _by_type(bucket.sub["types"]).get(PatentType.INVENTION)
        if invention is None:
            continue
        granted = sum(grant.count for grant in invention.sub["granted"])
        rows.append([bucket.key, invention.count, granted, share(granted, invention.count)])
    chart = {
        "type": "line",
        "categories": [str(row[0]) for row in rows],
        "series": [{"name": _("授权率（%）"), "data": [row[3] for row in rows]}],
    }
    columns = [_("申请年份"), _("发明专利申请"), _("其中已授权"), _("授权率（%）")]
    return Table("grant_rate", _("发明专利授权率"), columns, rows, chart)


def ipc_distribution(buckets, total, selected):
    rows = [[bucket.key, bucket.count, share(bucket.count, total)] for bucket in buckets]
    title = _("IPC分类分布") if not selected else _("IPC分类分布：%(symbol)s 之下") % {"symbol": selected}
    chart = {
        "type": "hbar",
        "categories": [row[0] for row in rows],
        "series": [{"name": _("专利数"), "data": [row[1] for row in rows]}],
    }
    # The lowest level (subgroups) has nothing below it to drill into.
    drillable = not selected or "/" not in selected or selected.endswith("/00")
    drill = [row[0] if drillable else "" for row in rows]
    note = _("一件专利可有多个分类号，各分类的件数之和可能大于专利总数。")
    return Table("ipc", title, [_("IPC分类"), _("专利数"), _("占比（%）")], rows, chart, drill=drill, note=note)


def ranking(key, title, label, buckets, total, chart="hbar"):
    rows = [[bucket.key, bucket.count, share(bucket.count, total)] for bucket in buckets]
    if chart == "pie":
        drawn = {"type": "pie", "data": [{"name": row[0], "value": row[1]} for row in rows]}
    else:
        drawn = {
            "type": "hbar",
            "categories": [row[0] for row in rows],
            "series": [{"name": _("专利数"), "data": [row[1] for row in rows]}],
        }
    return Table(key, title, [label, _("专利数"), _("占比（%）")], rows, drawn)


def labelled(key, title, label, buckets, total, choices):
    rows = [
        [
            str(choices(bucket.key).label) if bucket.key in choices.values else bucket.key,
            bucket.count,
            share(bucket.count, total),
        ]
        for bucket in buckets
    ]
    chart = {"type": "pie", "data": [{"name": row[0], "value": row[1]} for row in rows]}
    return Table(key, title, [label, _("专利数"), _("占比（%）")], rows, chart)


def districts(buckets, total):
    names = dict(District.objects.values_list("code", "name"))
    rows = [[names.get(bucket.key, bucket.key), bucket.count, share(bucket.count, total)] for bucket in buckets]
    chart = {
        "type": "bar",
        "categories": [row[0] for row in rows],
        "series": [{"name": _("专利数"), "data": [row[1] for row in rows]}],
    }
    note = _("县区以申请人地址为准；市外申请人的专利不计入。")
    return Table("districts", _("县区分布"), [_("县区"), _("专利数"), _("占比（%）")], rows, chart, note=note)


def pct_filings(years):
    rows = []
    for bucket in years:
        pct = sum(sub.count for sub in bucket.sub["pct"])
        rows.append([bucket.key, bucket.count, pct, share(pct, bucket.count)])
    chart = {
        "type": "bar",
        "categories": [str(row[0]) for row in rows],
        "series": [{"name": _("PCT申请"), "data": [row[2] for row in rows]}],
    }
    columns = [_("申请年份"), _("专利申请"), _("其中PCT"), _("PCT占比（%）")]
    return Table("pct", _("PCT国际申请进入国家阶段"), columns, rows, chart)


def co_applicants(applicants):
    """Who files with whom among the top applicants: each pair once, with its joint filings."""
    pairs = {}
    for bucket in applicants:
        for co in bucket.sub["co"]:
            if co.key != bucket.key:
                pairs[tuple(sorted((bucket.key, co.key)))] = co.count
    rows = [[a, b, n] for (a, b), n in sorted(pairs.items(), key=lambda item: (-item[1], item[0]))]
    weights = {}
    for a, b, n in rows:
        weights[a] = weights.get(a, 0) + n
        weights[b] = weights.get(b, 0) + n
    chart = {
        "type": "graph",
        "nodes": [{"name": name, "value": value} for name, value in sorted(weights.items())],
        "links": [{"source": a, "target": b, "value": n} for a, b, n in rows],
    }
    columns = [_("申请人"), _("共同申请人"), _("共同申请专利数")]
    note = _("在申请量居前的申请人之间统计。")
    return Table("network", _("共同申请人网络"), columns, rows, chart if rows else None, note=note)
