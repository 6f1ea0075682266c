"""Which financing products fit a need, and which needs fit a product: amount, term and IP type."""

from django.db.models import Q

from .models import FinancingNeed, FinancingProduct, IPType

_ACCEPTS = {
    IPType.PATENT: "accepts_patent",
    IPType.TRADEMARK: "accepts_trademark",
    IPType.COPYRIGHT: "accepts_copyright",
}


def product_fits_need(product, need):
    """Whether the product accepts one of the IP types the need offers as pledge."""
    offered = {record.ip_type for record in need.ip_records.all()}
    return bool(offered & set(product.eligible_ip_types))


def products_for_need(need, limit=6):
    """Public products whose amount and term ranges contain the need's and that accept one of its IP types."""
    ip_types = {record.ip_type for record in need.ip_records.all()}
    if need.amount is None or need.term_months is None or not ip_types:
        return FinancingProduct.objects.none()
    accepts = Q()
    for ip_type in ip_types:
        accepts |= Q(**{_ACCEPTS[ip_type]: True})
    return (
        FinancingProduct.objects.public()
        .filter(
            accepts,
            amount_min__lte=need.amount,
            amount_max__gte=need.amount,
            term_min_months__lte=need.term_months,
            term_max_months__gte=need.term_months,
        )
        .exclude(organisation_id=need.organisation_id)
        .select_related("organisation", "district")
        .order_by("rate_min", "-published_at")[:limit]
    )


def needs_for_product(product, limit=10):
    """Public needs within the product's amount and term ranges that offer an IP type it accepts."""
    ip_types = product.eligible_ip_types
    if not ip_types or product.amount_min is None or product.term_min_months is None:
        return FinancingNeed.objects.none()
    return (
        FinancingNeed.objects.public()
        .filter(
            amount__gte=product.amount_min,
            amount__lte=product.amount_max,
            term_months__gte=product.term_min_months,
            term_months__lte=product.term_max_months,
            pk__in=FinancingNeed.objects.filter(ip_records__ip_type__in=ip_types).values("pk"),
        )
        .exclude(organisation_id=product.organisation_id)
        .select_related("organisation", "district", "industry")
        .order_by("-published_at")[:limit]
    )
