"""The figures the dashboard, its exports and the public summary show: one row per indicator.

A manual indicator's value is its latest entry on or before the report day, city-wide (entries without
a district) or for the chosen district; a live indicator's value is its rule counted on that day.

A figure staff enter for a live indicator overrides the count: from its statistics date to the end of
that year (the plan's figures are published yearly), the latest such entry is the value shown, marked
as entered, with who entered it and the count beside it; from the next year on the count applies again.

A yearly target (`Indicator.yearly`: meetings every year, growth every year) is judged on the figure of
the report day's year alone, and each year of the plan gets its own verdict.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from .live import get_rule
from .models import Category, Indicator, IndicatorEntry
from .progress import Assessment, Status, assess, assess_year, met


@dataclass
class IndicatorRow:
    indicator: Indicator
    value: Decimal | None
    value_date: date | None
    assessment: Assessment
    history: list = field(default_factory=list)
    rule: object = None
    unavailable: str = ""
    measurement: object = None  # core.measures.Measurement of a live indicator: the parts of its formula
    counted: Decimal | None = None  # what the rule counts, when an entry overrides it
    override: IndicatorEntry | None = None  # the staff entry shown instead of the count
    years: list = field(default_factory=list)  # [(year, value, met?)] for a yearly target

    @property
    def is_overridden(self):
        return self.override is not None

    @property
    def source_text(self):
        """Where the figure shown comes from, in words (the exports' source column)."""
        if self.override is not None:
            return _("人工填报（覆盖平台统计）：%(who)s") % {"who": self.override.entered_by or ""}
        if self.rule is not None and self.rule.sources:
            return _("平台记录统计：%(sources)s") % {"sources": self.rule.sources}
        return str(self.indicator.get_source_display())

    @property
    def is_counted(self):
        """Counted from platform records on the report day (not entered, not overridden)."""
        return self.rule is not None and not self.unavailable and self.override is None

    @property
    def status(self):
        return self.assessment.status

    def chart_data(self):
        """What the trend chart plots, as plain JSON-able values."""
        indicator = self.indicator
        forecast = self.assessment.forecast_date
        return {
            "code": indicator.code,
            "name": indicator.name,
            "unit": indicator.unit,
            "points": [[day.isoformat(), float(value)] for day, value in self.history],
            "target": float(indicator.target_value) if indicator.has_target else None,
            "deadline": indicator.deadline.isoformat(),
            "forecast": forecast.isoformat() if forecast else None,
        }


def indicators_for(unit=None):
    return Indicator.objects.for_unit(unit).prefetch_related("responsible_units").distinct()


def public_rows(on=None):
    """The published indicators city-wide: what the public summary (/targets/) and the API show."""
    return build_rows(Indicator.objects.published().prefetch_related("responsible_units"), on=on)


def build_rows(indicators, district=None, on=None):
    on = on or timezone.localdate()
    indicators = list(
        indicators.prefetch_related(
            Prefetch(
                "entries",
                queryset=IndicatorEntry.objects.for_district(district)
                .up_to(on)
                .select_related("entered_by")
                .order_by("as_of", "pk"),
                to_attr="relevant_entries",
            )
        )
    )
    return [_row(indicator, district, on) for indicator in indicators]


def override_on(entries, day):
    """The entry overriding a count on `day`: the latest dated that day or earlier in the same year."""
    chosen = None
    for entry in entries:
        if entry.as_of <= day and entry.as_of.year == day.year:
            chosen = entry
    return chosen


def _with_overrides(points, entries, on):
    """The counted history with each point inside an override's period replaced by the entered figure,
    and a point on each entry's day."""
    days = sorted({day for day, _value in points} | {entry.as_of for entry in entries if entry.as_of <= on})
    counted = dict(points)
    merged = []
    for day in days:
        entry = override_on(entries, day)
        if entry is not None:
            merged.append((day, entry.value))
        elif day in counted:
            merged.append((day, counted[day]))
    return merged


def _year_figures(indicator, on, value_in_year):
    first = min(indicator.baseline_date.year, indicator.deadline.year)
    last = min(on.year, indicator.deadline.year)
    years = []
    for year in range(first, last + 1):
        value = value_in_year(year, min(on, date(year, 12, 31)))
        years.append((year, value, met(value, indicator.target_value, indicator.comparison)))
    return years


def _row(indicator, district, on):
    rule, measurement, counted, override = None, None, None, None
    entries = indicator.relevant_entries
    if indicator.is_live:
        rule = get_rule(indicator.live_rule)
        if rule is None:
            unavailable = f"unknown rule {indicator.live_rule}"
            return IndicatorRow(indicator, None, None, Assessment(Status.NO_DATA), unavailable=unavailable)
        measurement = rule.measurement(district=district, on=on)
        value, value_date = measurement.value, on
        override = override_on(entries, on)
        if override is not None:
            counted, value, value_date = value, override.value, override.as_of
        history = [(day, total) for day, total in rule.history(district, on=on) if day <= on]
        if value is not None and (not history or history[-1][0] != on) and override is None:
            history.append((on, value))
        history = _with_overrides(history, entries, on)
        baseline = indicator.baseline if indicator.baseline is not None else Decimal(0)

        def value_in_year(year, day):
            entry = override_on(entries, day)
            return entry.value if entry is not None else rule.value(district=district, on=day)

    else:
        history = [(entry.as_of, entry.value) for entry in entries]
        value, value_date = (history[-1][1], history[-1][0]) if history else (None, None)
        baseline = indicator.baseline
        if indicator.yearly and value_date is not None and value_date.year != on.year:
            value, value_date = None, None  # last year's figure says nothing of this year's

        def value_in_year(year, day):
            in_year = [entry.value for entry in entries if entry.as_of.year == year and entry.as_of <= day]
            return in_year[-1] if in_year else None

    if indicator.yearly:
        assessment = assess_year(
            value=value,
            on=on,
            target=indicator.target_value,
            comparison=indicator.comparison,
            pro_rata=not indicator.is_percent,
        )
        years = _year_figures(indicator, on, value_in_year)
    else:
        assessment = assess(
            value=value,
            on=on,
            target=indicator.target_value,
            comparison=indicator.comparison,
            deadline=indicator.deadline,
            baseline=baseline,
            start=indicator.baseline_date,
            history=history,
        )
        years = []
    return IndicatorRow(
        indicator,
        value,
        value_date,
        assessment,
        history=history,
        rule=rule,
        measurement=measurement,
        counted=counted,
        override=override,
        years=years,
    )


def counted_from_records(rows):
    """How many of the rows with a target are counted from platform records on the report day."""
    return sum(1 for row in rows if row.indicator.has_target and row.is_counted)


def group_by_category(rows):
    groups = []
    for value, label in Category.choices:
        members = [row for row in rows if row.indicator.category == value]
        if members:
            groups.append({"category": value, "label": label, "rows": members})
    return groups


def status_counts(rows):
    return {status: sum(1 for row in rows if row.status == status) for status in Status.values}
