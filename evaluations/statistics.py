"""What evaluation requests count: the completed evaluations (a report delivered and not returned since),
toward the plan's figures (the live rule "ip-evaluations") and by year and district."""

from django.db.models import Count
from django.db.models.functions import ExtractYear

from core.figures import Figure

from .models import EvaluationRequest


def completed_evaluations():
    """Each completed evaluation counts from the day its report was delivered, in the owner's district (a
    department's counts for the whole city only)."""
    return Figure(EvaluationRequest.objects.completed(), date_field="delivered_at", district_lookup="district")


def completed_by_year_and_district():
    """[(year, district name or None, count), …], oldest year first: the completed evaluations counted."""
    rows = (
        EvaluationRequest.objects.completed()
        .annotate(year=ExtractYear("delivered_at"))
        .values_list("year", "district__name")
        .annotate(n=Count("pk"))
        .order_by("year", "district__name")
    )
    return [(year, district, n) for year, district, n in rows]
