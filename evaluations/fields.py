"""The register's figures for a request's technology fields, kept with the request when it is filed.

One function, `analyse_fields`, so that a fuller analysis can take its place later: for each IPC symbol
(a class such as C03, a subclass such as H01L or a group), the patents of the register whose main
classification falls under it, the city's share of them (records with a district), filings per year and
the applicants holding most of them. Counts are grouped queries, whatever the size of the register.
"""

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone

from register.models import Patent, PatentParty
from register.terms import IN_FORCE

TOP_APPLICANTS = 5
YEARS_SHOWN = 10


def _field_figures(symbol):
    patents = Patent.objects.filter(ipc_main__startswith=symbol).order_by()
    per_year = (
        patents.annotate(year=ExtractYear("filing_date")).values_list("year").annotate(n=Count("pk")).order_by("-year")
    )
    applicants = (
        PatentParty.objects.filter(patent__in=patents.values("pk"))
        .values_list("name")
        .annotate(n=Count("patent", distinct=True))
        .order_by("-n", "name")[:TOP_APPLICANTS]
    )
    return {
        "ipc": symbol,
        "patents": patents.count(),
        "in_city": patents.filter(district__isnull=False).count(),
        "in_force": patents.filter(status__in=list(IN_FORCE)).count(),
        "per_year": [[year, n] for year, n in sorted(per_year[:YEARS_SHOWN])],
        "top_applicants": [[name, n] for name, n in applicants],
    }


def analyse_fields(ipc_fields):
    """{"taken_at": ISO time, "fields": [figures per symbol]}: what the register holds for these fields now."""
    return {
        "taken_at": timezone.now().isoformat(),
        "fields": [_field_figures(symbol) for symbol in ipc_fields],
    }
