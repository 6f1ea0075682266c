"""A figure the platform counts from its own records, declared once by the app that owns the records.

Each app's `statistics.py` holds one function per figure returning a `Figure`: which records count,
the day each starts (and stops) counting and the district it counts in. The home page, the public pages
and the targets all ask that function, so a counting rule is written in one place; the targets app adds
only how an indicator presents it (label, description, drill-down columns).
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db import models
from django.db.models import Sum
from django.utils import timezone


@dataclass(frozen=True)
class Figure:
    """records: every record that counts or ever counted (a revoked one too, for the history);
    date_field: the day (or moment) a record starts counting; empty for a figure of the present only;
    end_field: the day a record stops counting, if records can be revoked;
    district_lookup: the path from a record to its reference.District;
    amount_field: what `total()` sums."""

    records: models.QuerySet
    date_field: str = ""
    end_field: str = ""
    district_lookup: str = ""
    amount_field: str = ""

    @property
    def model(self):
        return self.records.model

    def _day_lookup(self, name):
        is_moment = isinstance(self.model._meta.get_field(name), models.DateTimeField)
        return f"{name}__date" if is_moment else name

    def queryset(self, district=None, on=None, since=None):
        """The records behind the figure, as they stood at the end of the day `on` (None: now), in one
        district (None: the whole city); with `since`, only those that started counting on or after it."""
        records = self.records.all()
        if on is not None or since is not None:
            if not self.date_field:
                raise ValueError("This figure counts the present only; it has no date to count by.")
            day = self._day_lookup(self.date_field)
            if on is not None:
                records = records.filter(**{f"{day}__lte": on})
            if since is not None:
                records = records.filter(**{f"{day}__gte": since})
        if self.end_field:
            if on is None:
                records = records.filter(**{f"{self.end_field}__isnull": True})
            else:
                records = records.exclude(**{f"{self._day_lookup(self.end_field)}__lte": on})
        if district is not None:
            if not self.district_lookup:
                raise ValueError("This figure is not counted by district.")
            records = records.filter(**{self.district_lookup: district})
        return records

    def count(self, district=None, on=None, since=None):
        return self.queryset(district, on, since).count()

    def total(self, district=None, on=None, since=None):
        """The sum of `amount_field` over the records behind the figure (0 when none)."""
        return self.queryset(district, on, since).aggregate(total=Sum(self.amount_field))["total"] or Decimal("0")

    def history(self, district=None, amounts=False, undated_from=None):
        """[(date, value), …]: the count (with `amounts`, the total) after each day something changed,
        oldest first, from one query. A record without its start day (older data) counts from
        `undated_from` (the start of the period the caller reports on), or is left out without one."""
        records = self.records.all()  # revoked ones too: they counted until their end
        if district is not None:
            records = records.filter(**{self.district_lookup: district})
        fields = [self.date_field, self.end_field or self.date_field, self.amount_field or self.date_field]
        changes = {}
        for started, ended, amount in records.values_list(*fields):
            size = Decimal(amount or 0) if amounts else Decimal(1)
            start_day = _as_day(started) or undated_from
            if start_day is None:
                continue
            changes[start_day] = changes.get(start_day, Decimal(0)) + size
            if self.end_field and ended:
                end_day = _as_day(ended)
                changes[end_day] = changes.get(end_day, Decimal(0)) - size
        total, points = Decimal(0), []
        for day in sorted(changes):
            total += changes[day]
            points.append((day, total))
        return points


def _as_day(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value
