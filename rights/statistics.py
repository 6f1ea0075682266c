"""Anonymised aggregates of rights-protection cases, for the public summary and the targets dashboard.

Only counts and averages leave this module: no tracking number, party or submitter (the targets'
drill-down, for staff only, lists the closed cases themselves). The summary functions take an optional
`year` (calendar year in Asia/Shanghai, of receipt).
"""

from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext

from core.figures import Figure
from reference.models import District

from .models import ESTABLISHING_OUTCOMES, OPEN_STATUSES, Case, Category, Status

CLOSED = Q(status=Status.CLOSED)
ESTABLISHED = CLOSED & Q(outcome__in=ESTABLISHING_OUTCOMES)


def closed_cases():
    """Cases handled to the end (not declined), each counted from the moment it was closed, in the
    district it concerns (a case naming none counts for the whole city only)."""
    return Figure(
        Case.objects.filter(CLOSED, closed_at__isnull=False), date_field="closed_at", district_lookup="district"
    )


def _cases(year=None, kind=None):
    cases = Case.objects.all()
    if year is not None:
        cases = cases.filter(created_at__year=year)
    if kind is not None:
        cases = cases.filter(kind=kind)
    return cases


def average_handling_days(year=None, kind=None):
    """Mean days from submission to closing (or declining) over the finished cases; None if none."""
    finished = _cases(year, kind).filter(closed_at__isnull=False).values_list("created_at", "closed_at")
    durations = [(closed - created).total_seconds() / 86400 for created, closed in finished]
    return round(sum(durations) / len(durations), 1) if durations else None


def summary(year=None, kind=None):
    """Totals: received, open, closed, declined, established infringements, average handling days."""
    totals = _cases(year, kind).aggregate(
        received=Count("pk"),
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        closed=Count("pk", filter=CLOSED),
        declined=Count("pk", filter=Q(status=Status.DECLINED)),
        established=Count("pk", filter=ESTABLISHED),
        assistance=Count("pk", filter=Q(kind=Case.Kind.ASSISTANCE)),
        reports=Count("pk", filter=Q(kind=Case.Kind.REPORT)),
    )
    totals["average_handling_days"] = average_handling_days(year, kind)
    return totals


def by_category(year=None):
    """One row per category (zeros included): received, closed, established."""
    rows = {
        row["category"]: row
        for row in _cases(year)
        .values("category")
        .annotate(
            received=Count("pk"),
            closed=Count("pk", filter=CLOSED),
            established=Count("pk", filter=ESTABLISHED),
        )
    }
    return [
        {
            "category": category.value,
            "label": str(category.label),
            "received": rows.get(category.value, {}).get("received", 0),
            "closed": rows.get(category.value, {}).get("closed", 0),
            "established": rows.get(category.value, {}).get("established", 0),
        }
        for category in Category
    ]


def by_district(year=None):
    """One row per district (zeros included), then cases whose place is not known."""
    rows = {
        row["district"]: row
        for row in _cases(year)
        .values("district")
        .annotate(received=Count("pk"), established=Count("pk", filter=ESTABLISHED))
    }
    result = [
        {
            "district": district.code,
            "label": district.display_name,
            "received": rows.get(district.pk, {}).get("received", 0),
            "established": rows.get(district.pk, {}).get("established", 0),
        }
        for district in District.objects.all()
    ]
    unknown = rows.get(None)
    if unknown:
        result.append(
            {
                "district": "",
                "label": gettext("未注明"),
                "received": unknown["received"],
                "established": unknown["established"],
            }
        )
    return result


def _month_starts(months, today):
    year, month = today.year, today.month
    starts = []
    for _ in range(months):
        starts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(starts))


def by_month(months=12, today=None):
    """The last `months` calendar months, oldest first: cases received and closed in each."""
    today = today or timezone.localdate()
    starts = _month_starts(months, today)
    first = starts[0]
    received = dict(
        Case.objects.filter(created_at__date__gte=first)
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    closed = dict(
        Case.objects.filter(CLOSED, closed_at__date__gte=first)
        .annotate(month=TruncMonth("closed_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    received = {_as_date(month): n for month, n in received.items()}
    closed = {_as_date(month): n for month, n in closed.items()}
    return [
        {"month": start.strftime("%Y-%m"), "received": received.get(start, 0), "closed": closed.get(start, 0)}
        for start in starts
    ]


def _as_date(value):
    return value.date() if hasattr(value, "date") else value
