"""The figures the dashboard, its exports and the public summary show: one row per indicator.

A manual indicator's value is its latest entry on or before the report day, city-wide (entries without
a district) or for the chosen district; a live indicator's value is its rule counted on that day.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from .live import get_rule
from .models import Category, Indicator, IndicatorEntry
from .progress import Assessment, Status, assess


@dataclass
class IndicatorRow:
    indicator: Indicator
    value: Decimal | None
    value_date: date | None
    assessment: Assessment
    history: list = field(default_factory=list)
    rule: object = None
    unavailable: str = ""

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
                queryset=IndicatorEntry.objects.for_district(district).up_to(on).order_by("as_of", "pk"),
                to_attr="relevant_entries",
            )
        )
    )
    return [_row(indicator, district, on) for indicator in indicators]


def _row(indicator, district, on):
    rule = None
    if indicator.is_live:
        rule = get_rule(indicator.live_rule)
        if rule is None:
            unavailable = f"unknown rule {indicator.live_rule}"
            return IndicatorRow(indicator, None, None, Assessment(Status.NO_DATA), unavailable=unavailable)
        value = rule.value(district=district, on=on)
        history = [(day, total) for day, total in rule.history(district) if day <= on]
        if not history or history[-1][0] != on:
            history.append((on, value))
        value_date = on
        baseline = indicator.baseline if indicator.baseline is not None else Decimal(0)
    else:
        history = [(entry.as_of, entry.value) for entry in indicator.relevant_entries]
        value, value_date = (history[-1][1], history[-1][0]) if history else (None, None)
        baseline = indicator.baseline
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
    return IndicatorRow(indicator, value, value_date, assessment, history=history, rule=rule)


def group_by_category(rows):
    groups = []
    for value, label in Category.choices:
        members = [row for row in rows if row.indicator.category == value]
        if members:
            groups.append({"category": value, "label": label, "rows": members})
    return groups


def status_counts(rows):
    return {status: sum(1 for row in rows if row.status == status) for status in Status.values}
