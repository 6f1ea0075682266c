"""The early-warning indicators (预警指标): one table, the rules a watch is evaluated against.

Evaluated on day T; "the last 12 months" are the filings after T minus one year, up to T.

- `competitor_filings` 竞争对手申请活跃: a competitor of the watch filed at least `filings_threshold`
  (default 10) patents in the field in the last 12 months.
- `competitor_growth` 竞争对手申请量激增: a competitor's filings in the field in the last 12 months are up by
  at least `growth_percent` (default 50 %) on the 12 months before, which had at least one.
- `new_foreign_applicant` 新的国外申请人进入: an applicant with a foreign address (`register.origins`) filed in
  the field in the last 12 months and never before.
- `city_share_falling` 本市占比下降: the share of the field's filings by applicants of the city in the last 12
  months is at least `share_drop_points` (default 5) percentage points below that of the 12 months before
  (both periods having filings).
- `city_patents_lapsing` 本市企业专利失效: at least `lapse_threshold` (default 1) patents in the field held by an
  enterprise of the city lapsed for an unpaid annuity in the last 12 calendar months (T's month and the 11
  before), and are still lapsed.

The field is the watch's IPC classes (any of them, with everything below them) and keywords (all of them,
found as the register search finds words); a watch without either watches every patent. A trip is recorded
once per watch, indicator, subject (the competitor or foreign applicant; none for the field) and period (the
month of T). README's "Early warning" section repeats this table.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from search.query import SearchQuery, Terms
from search.service import aggregate

FOREIGN_APPLICANTS_COUNTED = 200


def year_before(day):
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def last_twelve_months(day):
    """(from, before) of the 12 months up to `day`: filed after the same day a year before, up to `day`."""
    return year_before(day) + timedelta(days=1), day + timedelta(days=1)


def months_up_to(day, count=12):
    """ "YYYY-MM" of `day`'s month and the `count - 1` months before it."""
    months, year, month = [], day.year, day.month
    for _i in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def field_query(watch, **kwargs):
    tags = {"ipc": list(watch.ipc_classes)} if watch.ipc_classes else {}
    tags.update(kwargs.pop("tags", {}))
    kwargs.setdefault("per_page", 1)
    return SearchQuery(text=watch.keywords, scope=["patent"], tags=tags, **kwargs)


@dataclass
class Snapshot:
    """What the indicators read of a watch's field on day `on`: counted once per evaluation."""

    on: date
    recent_total: int = 0
    previous_total: int = 0
    recent_city: int = 0
    previous_city: int = 0
    recent_competitors: dict = field(default_factory=dict)
    previous_competitors: dict = field(default_factory=dict)
    new_foreign: dict = field(default_factory=dict)
    lapsed: int = 0

    @property
    def recent_window(self):
        start, before = last_twelve_months(self.on)
        return start, before - timedelta(days=1)

    @property
    def previous_window(self):
        start, before = last_twelve_months(year_before(self.on))
        return start, before - timedelta(days=1)


def _counts(buckets):
    return {bucket.key: bucket.count for bucket in buckets}


def snapshot(watch, on):
    """The field's figures the indicators need, from the search backend's aggregations."""
    found = Snapshot(on=on)
    recent_from, recent_before = last_twelve_months(on)
    previous_from, previous_before = last_twelve_months(year_before(on))
    measures = [Terms("city", "district_code", size=100)]
    if watch.competitors:
        measures.append(Terms("competitors", "applicant", size=len(watch.competitors), values=tuple(watch.competitors)))
    recent, _backend = aggregate(
        field_query(watch, date_from=recent_from, date_before=recent_before),
        [*measures, Terms("foreign", "foreign_applicant", size=FOREIGN_APPLICANTS_COUNTED)],
    )
    previous, _backend = aggregate(field_query(watch, date_from=previous_from, date_before=previous_before), measures)
    found.recent_total, found.previous_total = recent.total, previous.total
    found.recent_city = sum(bucket.count for bucket in recent.buckets["city"])
    found.previous_city = sum(bucket.count for bucket in previous.buckets["city"])
    if watch.competitors:
        found.recent_competitors = _counts(recent.buckets["competitors"])
        found.previous_competitors = _counts(previous.buckets["competitors"])
    foreign = _counts(recent.buckets["foreign"])
    if foreign:
        earlier, _backend = aggregate(
            field_query(watch, date_before=recent_from),
            [Terms("foreign", "foreign_applicant", size=len(foreign), values=tuple(foreign))],
        )
        seen = _counts(earlier.buckets["foreign"])
        found.new_foreign = {name: n for name, n in foreign.items() if name not in seen}
    lapsed, _backend = aggregate(
        field_query(watch, tags={"city_enterprise": ["yes"], "lapse_month": months_up_to(on)}), []
    )
    found.lapsed = lapsed.total
    return found


@dataclass
class Trip:
    indicator: str
    subject: str
    message: str
    figures: dict


def share(part, whole):
    return round(100 * part / whole, 1) if whole else 0.0


def competitor_filings(watch, seen):
    return [
        Trip(
            "competitor_filings",
            name,
            _("%(name)s 近12个月在该领域申请专利 %(count)s 件，达到阈值 %(threshold)s 件")
            % {"name": name, "count": count, "threshold": watch.filings_threshold},
            {"recent": count, "previous": seen.previous_competitors.get(name, 0), "threshold": watch.filings_threshold},
        )
        for name in watch.competitors
        if (count := seen.recent_competitors.get(name, 0)) >= watch.filings_threshold
    ]


def competitor_growth(watch, seen):
    trips = []
    for name in watch.competitors:
        recent, previous = seen.recent_competitors.get(name, 0), seen.previous_competitors.get(name, 0)
        # Integer arithmetic: up by exactly the threshold trips.
        if previous and (recent - previous) * 100 >= watch.growth_percent * previous:
            growth = share(recent - previous, previous)
            trips.append(
                Trip(
                    "competitor_growth",
                    name,
                    _("%(name)s 近12个月在该领域申请 %(recent)s 件，比上一年度的 %(previous)s 件增长 %(growth)s%%")
                    % {"name": name, "recent": recent, "previous": previous, "growth": growth},
                    {"recent": recent, "previous": previous, "growth_percent": growth},
                )
            )
    return trips


def new_foreign_applicant(watch, seen):
    return [
        Trip(
            "new_foreign_applicant",
            name,
            _("国外申请人 %(name)s 首次在该领域申请专利（近12个月 %(count)s 件）") % {"name": name, "count": count},
            {"recent": count},
        )
        for name, count in sorted(seen.new_foreign.items())
    ]


def city_share_falling(watch, seen):
    if not seen.recent_total or not seen.previous_total:
        return []
    recent, previous = share(seen.recent_city, seen.recent_total), share(seen.previous_city, seen.previous_total)
    # Compared in exact fractions, not the rounded percentages shown.
    drop = seen.previous_city * seen.recent_total - seen.recent_city * seen.previous_total
    if drop * 100 < watch.share_drop_points * seen.previous_total * seen.recent_total:
        return []
    return [
        Trip(
            "city_share_falling",
            "",
            _("本市申请人在该领域的申请占比由 %(previous)s%% 降至 %(recent)s%%")
            % {"previous": previous, "recent": recent},
            {
                "recent_city": seen.recent_city,
                "recent_total": seen.recent_total,
                "previous_city": seen.previous_city,
                "previous_total": seen.previous_total,
                "recent_share": recent,
                "previous_share": previous,
            },
        )
    ]


def city_patents_lapsing(watch, seen):
    if seen.lapsed < watch.lapse_threshold:
        return []
    return [
        Trip(
            "city_patents_lapsing",
            "",
            _("本市企业在该领域有 %(count)s 件专利近12个月因未缴年费失效") % {"count": seen.lapsed},
            {"lapsed": seen.lapsed, "threshold": watch.lapse_threshold},
        )
    ]


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    rule: str
    evaluate: object


INDICATORS = (
    Indicator(
        "competitor_filings",
        gettext_lazy("竞争对手申请活跃"),
        gettext_lazy("某竞争对手近12个月在该领域的专利申请量达到阈值"),
        competitor_filings,
    ),
    Indicator(
        "competitor_growth",
        gettext_lazy("竞争对手申请量激增"),
        gettext_lazy("某竞争对手近12个月在该领域的申请量比此前12个月增长达到阈值（%）"),
        competitor_growth,
    ),
    Indicator(
        "new_foreign_applicant",
        gettext_lazy("新的国外申请人进入"),
        gettext_lazy("地址在国外的申请人近12个月首次在该领域申请专利"),
        new_foreign_applicant,
    ),
    Indicator(
        "city_share_falling",
        gettext_lazy("本市占比下降"),
        gettext_lazy("本市申请人在该领域申请中的占比比此前12个月下降达到阈值（百分点）"),
        city_share_falling,
    ),
    Indicator(
        "city_patents_lapsing",
        gettext_lazy("本市企业专利失效"),
        gettext_lazy("本市企业在该领域的专利近12个月因未缴年费失效的件数达到阈值"),
        city_patents_lapsing,
    ),
)
BY_CODE = {indicator.code: indicator for indicator in INDICATORS}


def trips(watch, seen):
    """Every indicator that trips for `watch` on the figures `seen`, in the table's order."""
    return [trip for indicator in INDICATORS for trip in indicator.evaluate(watch, seen)]
