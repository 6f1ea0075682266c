"""An enterprise's own patents set against a competitor set: counted by the search backend like every
analysis, its own portfolio found under the names the register holds it by (`register.organisations`)."""

from dataclasses import replace

from django.utils.translation import gettext as _

from register.organisations import portfolio_names
from register.terms import IN_FORCE, PatentType
from search.query import Terms, Years
from search.service import aggregate

from .figures import Table
from .models import PortfolioComparison

SUBCLASSES = 5


def create(organisation, user, data):
    return PortfolioComparison.objects.create(
        organisation=organisation, name=data["name"], competitors=data["competitors"], created_by=user
    )


def _measures():
    return (
        Years("years"),
        Terms("types", "patent_type", size=3),
        Terms("statuses", "register_status", size=10),
        Terms("subclasses", "ipc", size=SUBCLASSES, include="[A-H][0-9]{2}[A-Z]"),
    )


def compare(comparison, query):
    """Tables of the comparison over the patents `query` (a register query: the field) matches."""
    query = replace(query, scope=["patent"], page=1)
    own_names = portfolio_names(comparison.organisation)
    own, _backend = aggregate(replace(query, tags={**query.tags, "applicant": own_names}), _measures())
    parties = [(_("本企业（%(name)s）") % {"name": comparison.organisation.name}, own.total, own.buckets)]
    competitors = [name for name in comparison.competitors if name not in own_names]
    if competitors:
        found, _backend = aggregate(
            query,
            [Terms("competitors", "applicant", size=len(competitors), values=tuple(competitors), sub=_measures())],
        )
        by_name = {bucket.key: bucket for bucket in found.buckets["competitors"]}
        for name in competitors:
            bucket = by_name.get(name)
            parties.append((name, bucket.count if bucket else 0, bucket.sub if bucket else {}))
    return [_overview(parties), _years(parties), _subclasses(parties)]


def _counts(buckets, name):
    return {bucket.key: bucket.count for bucket in buckets.get(name, [])}


def _overview(parties):
    rows = []
    for label, total, buckets in parties:
        types, statuses = _counts(buckets, "types"), _counts(buckets, "statuses")
        in_force = sum(n for status, n in statuses.items() if status in IN_FORCE)
        rows.append([label, total, types.get(PatentType.INVENTION, 0), in_force])
    chart = {
        "type": "bar",
        "categories": [row[0] for row in rows],
        "series": [
            {"name": _("专利总数"), "data": [row[1] for row in rows]},
            {"name": _("发明专利"), "data": [row[2] for row in rows]},
            {"name": _("有效专利"), "data": [row[3] for row in rows]},
        ],
    }
    columns = [_("申请人"), _("专利总数"), _("发明专利"), _("有效专利")]
    return Table("overview", _("对比概况"), columns, rows, chart)


def _years(parties):
    by_party = [_counts(buckets, "years") for _label, _total, buckets in parties]
    years = sorted({year for counts in by_party for year in counts})
    rows = [[year, *(counts.get(year, 0) for counts in by_party)] for year in years]
    chart = {
        "type": "line",
        "categories": [str(year) for year in years],
        "series": [{"name": label, "data": [row[1 + i] for row in rows]} for i, (label, _t, _b) in enumerate(parties)],
    }
    columns = [_("申请年份"), *(label for label, _total, _buckets in parties)]
    return Table("years", _("按申请年份的申请量"), columns, rows, chart)


def _subclasses(parties):
    rows = [
        [label, bucket.key, bucket.count]
        for label, _total, buckets in parties
        for bucket in buckets.get("subclasses", [])
    ]
    note = _("每个申请人申请量最多的 %(n)s 个IPC小类。") % {"n": SUBCLASSES}
    return Table("subclasses", _("技术布局（IPC小类）"), [_("申请人"), _("IPC小类"), _("专利数")], rows, note=note)
