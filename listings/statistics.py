"""Deal figures for the targets dashboard and the public listings page.

Every function takes an optional period (`start`, `end`: dates, inclusive) and `district` (a
`reference.District` or its code); amounts are in 万元 (10,000 CNY) as `Decimal`. The plan's pledge-financing
"breakthrough" (质押融资贷款实现突破) is `financing_deals(...)["count"] > 0`.
"""

from decimal import Decimal

from django.db.models import Count, Sum

from .models import Deal, Listing


def _deals(section, start=None, end=None, district=None):
    deals = Deal.objects.filter(section=section).in_period(start, end)
    if district is not None:
        deals = deals.filter(district__code=district) if isinstance(district, str) else deals.filter(district=district)
    return deals


def _figures(deals):
    totals = deals.aggregate(count=Count("pk"), amount=Sum("amount"))
    return {"count": totals["count"], "amount": totals["amount"] or Decimal("0")}


def transaction_deals(start=None, end=None, district=None):
    """{'count': n, 'amount': 万元} of IP transaction deals (transfers, licences, co-operation)."""
    return _figures(_deals(Listing.Section.TRANSACTION, start, end, district))


def financing_deals(start=None, end=None, district=None):
    """{'count': n, 'amount': 万元} of pledge loans granted."""
    return _figures(_deals(Listing.Section.FINANCING_NEED, start, end, district))


def deals_by_district(section, start=None, end=None):
    """[{'district': name, 'district_code': code, 'count': n, 'amount': 万元}, …] for one section, by district."""
    rows = (
        _deals(section, start, end)
        .values("district__name", "district__code", "district__sort_order")
        .annotate(count=Count("pk"), amount=Sum("amount"))
        .order_by("district__sort_order")
    )
    return [
        {
            "district": row["district__name"],
            "district_code": row["district__code"],
            "count": row["count"],
            "amount": row["amount"] or Decimal("0"),
        }
        for row in rows
    ]


def deals_by_year(section, district=None):
    """[{'year': 2015, 'count': n, 'amount': 万元}, …] for one section."""
    deals = _deals(section, district=district)
    totals = {}
    for deal_date, amount in deals.values_list("deal_date", "amount"):
        row = totals.setdefault(deal_date.year, {"year": deal_date.year, "count": 0, "amount": Decimal("0")})
        row["count"] += 1
        row["amount"] += amount
    return [totals[year] for year in sorted(totals)]


def public_figures():
    """The aggregate figures shown on the public listings page."""
    public = Listing.objects.public()
    return {
        "transactions": transaction_deals(),
        "financing": financing_deals(),
        "open_transactions": public.filter(section=Listing.Section.TRANSACTION).count(),
        "open_needs": public.filter(section=Listing.Section.FINANCING_NEED).count(),
        "open_products": public.filter(section=Listing.Section.FINANCING_PRODUCT).count(),
    }
