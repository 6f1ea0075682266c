"""The register in figures, as anyone may read them (the open API's `/api/v1/register/statistics/`).

Counts of the whole public register: patents by type and current legal status, filings and grants per
year, patents per district, PCT entries; trademarks by status and by the marks the plan counts (Madrid,
geographical indications, agricultural products, well-known and provincial famous marks). Each figure is
one grouped query, so the database does the counting at any size of register.
"""

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear

from reference.models import District

from .models import Patent, Trademark
from .numbers import PCT_NATIONAL_PHASE_PATTERN
from .terms import IN_FORCE, LegalStatus, PatentType


def _counts(queryset, field):
    return dict(queryset.order_by().values_list(field).annotate(n=Count("pk")))


def _per_year(queryset, date_field):
    return _counts(queryset.filter(**{f"{date_field}__isnull": False}).annotate(year=ExtractYear(date_field)), "year")


def patent_figures():
    patents = Patent.objects.all()
    by_type = _counts(patents, "patent_type")
    by_status = _counts(patents, "status")
    filings = _per_year(patents, "filing_date")
    grants = _per_year(patents, "grant_date")
    in_force_by_district = _counts(patents.filter(status__in=IN_FORCE, district__isnull=False), "district")
    all_by_district = _counts(patents.filter(district__isnull=False), "district")
    districts = District.objects.filter(pk__in=all_by_district).order_by("pk")
    return {
        "total": sum(by_type.values()),
        "in_force": sum(by_status.get(status, 0) for status in IN_FORCE),
        "pct": patents.filter(Q(is_pct=True) | Q(application_number__regex=PCT_NATIONAL_PHASE_PATTERN)).count(),
        "by_type": [
            {"code": code, "label": str(label), "count": by_type.get(code, 0)} for code, label in PatentType.choices
        ],
        "by_status": [
            {"code": code, "label": str(label), "count": by_status.get(code, 0)} for code, label in LegalStatus.choices
        ],
        "by_year": [
            {"year": year, "filings": filings.get(year, 0), "grants": grants.get(year, 0)}
            for year in sorted(set(filings) | set(grants))
        ],
        "by_district": [
            {
                "id": district.pk,
                "name": district.display_name,
                "count": all_by_district[district.pk],
                "in_force": in_force_by_district.get(district.pk, 0),
            }
            for district in districts
        ],
    }


def trademark_figures():
    marks = Trademark.objects.all()
    by_status = _counts(marks, "status")
    registered = marks.filter(status=Trademark.Status.REGISTERED)
    kinds = registered.aggregate(
        madrid=Count("pk", filter=Q(is_madrid=True)),
        geographical_indication=Count("pk", filter=Q(is_geographical_indication=True)),
        agricultural=Count("pk", filter=Q(is_agricultural=True)),
        collective=Count("pk", filter=Q(is_collective=True)),
        certification=Count("pk", filter=Q(is_certification=True)),
        well_known=Count("pk", filter=~Q(well_known="")),
        provincial_famous=Count("pk", filter=Q(is_provincial_famous=True)),
    )
    return {
        "total": sum(by_status.values()),
        "registered": by_status.get(Trademark.Status.REGISTERED, 0),
        "by_status": [
            {"code": code, "label": str(label), "count": by_status.get(code, 0)}
            for code, label in Trademark.Status.choices
        ],
        "registered_by_kind": kinds,
        "registrations_by_year": [
            {"year": year, "count": count} for year, count in sorted(_per_year(marks, "registration_date").items())
        ],
    }


def public_summary():
    return {"patents": patent_figures(), "trademarks": trademark_figures()}
