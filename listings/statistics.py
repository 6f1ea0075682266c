"""The postings and deals the platform counts: on the home page, the public listings page and toward the
plan's targets. Amounts are in 万元 (10,000 CNY) as `Decimal`. The plan's pledge-financing
"breakthrough" (质押融资贷款实现突破) is `financing_deals().count() > 0`.
"""

from core.figures import Figure

from .models import Deal, Listing


def _deals(deals):
    return Figure(deals, date_field="deal_date", district_lookup="district", amount_field="amount")


def transaction_deals():
    """IP transaction deals (transfers, licences, co-operation), counted from the deal's day, in the
    poster's district."""
    return _deals(Deal.objects.transactions())


def financing_deals():
    """Pledge loans granted on financing needs, counted from the day of the loan, in the poster's district."""
    return _deals(Deal.objects.financing())


def open_listings(section=None):
    """Postings anyone may see and answer right now (published or in negotiation, within their validity),
    of one section or all of them."""
    public = Listing.objects.public()
    return Figure(public.filter(section=section) if section else public, district_lookup="district")


def public_figures():
    """The aggregate figures shown on the public listings page."""
    transactions, financing = transaction_deals(), financing_deals()
    return {
        "transactions": {"count": transactions.count(), "amount": transactions.total()},
        "financing": {"count": financing.count(), "amount": financing.total()},
        "open_transactions": open_listings(Listing.Section.TRANSACTION).count(),
        "open_needs": open_listings(Listing.Section.FINANCING_NEED).count(),
        "open_products": open_listings(Listing.Section.FINANCING_PRODUCT).count(),
    }
