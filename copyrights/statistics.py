"""What copyright filing counts: registered works and filed contracts, each from the day it was registered,
in the district the applicant filed from (toward the targets: the live rules "copyright-works-registered"
and "copyright-contracts-filed", counts without a target, since the plan names the mechanism but no
figure), and the table by year and district the public statistics page shows."""

from django.db.models import Count
from django.db.models.functions import ExtractYear

from core.figures import Figure
from reference.models import District

from .models import Filing, Kind


def registered_works():
    """作品登记量: works approved, counted from their registration date."""
    return Figure(Filing.objects.public_works(), date_field="registered_on", district_lookup="district")


def filed_contracts():
    """转让、许可合同备案量: contract filings approved, counted from their registration date."""
    return Figure(Filing.objects.contracts().approved(), date_field="registered_on", district_lookup="district")


def by_year_and_district():
    """[(year, [(district, works, contracts), …], works, contracts)] for every year with a registration,
    newest first; districts in their reference order, those without any left out."""
    rows = (
        Filing.objects.approved()
        .annotate(year=ExtractYear("registered_on"))
        .values("year", "district_id", "kind")
        .annotate(count=Count("pk"))
    )
    counts = {}
    for row in rows:
        key = (row["year"], row["district_id"])
        works, contracts = counts.get(key, (0, 0))
        if row["kind"] == Kind.WORK:
            works += row["count"]
        else:
            contracts += row["count"]
        counts[key] = (works, contracts)
    districts = list(District.objects.filter(pk__in={district for _year, district in counts}))
    table = []
    for year in sorted({year for year, _district in counts}, reverse=True):
        lines = [(d, *counts[(year, d.pk)]) for d in districts if (year, d.pk) in counts]
        table.append((year, lines, sum(line[1] for line in lines), sum(line[2] for line in lines)))
    return table
