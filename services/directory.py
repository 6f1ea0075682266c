"""The public directory's query: filters and sort orders over approved, active institutions."""

from decimal import Decimal

from django.db.models import F, Q

from .models import Institution

SORT_ORDERS = {
    "rating": [F("rating_average").desc(nulls_last=True), "-rating_count", "organisation__name"],
    "newest": [F("approved_at").desc(nulls_last=True), "-pk"],
    "name": ["organisation__name"],
}


def search_institutions(filters):
    """`filters` is DirectoryFilterForm.cleaned_data (missing keys mean "any")."""
    institutions = Institution.objects.public().select_related("organisation", "district")
    query = (filters.get("q") or "").strip()
    if query:
        institutions = institutions.filter(
            Q(organisation__name__icontains=query)
            | Q(description__icontains=query)
            | Q(offerings__title__icontains=query)
        )
    if filters.get("type"):
        institutions = institutions.filter(institution_type=filters["type"])
    if filters.get("category"):
        institutions = institutions.filter(categories=filters["category"])
    if filters.get("district"):
        institutions = institutions.filter(district=filters["district"])
    if filters.get("grade"):
        institutions = institutions.filter(credit_grade=filters["grade"])
    if filters.get("rating"):
        institutions = institutions.filter(rating_average__gte=Decimal(filters["rating"]))
    if filters.get("verified"):
        institutions = institutions.exclude(licence_number="")
    if query or filters.get("category"):
        institutions = institutions.distinct()
    return institutions.prefetch_related("categories").order_by(*SORT_ORDERS.get(filters.get("sort") or "rating"))
