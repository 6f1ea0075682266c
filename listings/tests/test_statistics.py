from datetime import date
from decimal import Decimal

import pytest

from listings import statistics
from listings.models import Deal, Listing
from reference.models import District

from .factories import FinancingNeedFactory, ListingFactory

pytestmark = pytest.mark.django_db


def deal(listing, amount, on):
    listing.status = Listing.Status.DEAL
    listing.save()
    return Deal.objects.create(
        listing=listing,
        section=listing.section,
        district=listing.district,
        counterparty_name="对方",
        amount=Decimal(amount),
        deal_date=on,
    )


def test_deal_figures_by_kind_period_and_district():
    donghai = District.objects.get(code="donghai")
    deal(ListingFactory(), "80", date(2015, 3, 1))
    deal(ListingFactory(district=donghai), "20.5", date(2016, 6, 1))
    deal(FinancingNeedFactory(), "500", date(2016, 9, 1))
    ListingFactory()  # published, not a deal

    transactions, financing = statistics.transaction_deals(), statistics.financing_deals()
    assert (transactions.count(), transactions.total()) == (2, Decimal("100.50"))
    assert (financing.count(), financing.total()) == (1, Decimal("500"))
    assert transactions.count(since=date(2016, 1, 1), on=date(2016, 12, 31)) == 1
    assert transactions.count(on=date(2015, 12, 31)) == 1
    assert transactions.total(district=donghai) == Decimal("20.50")
    assert financing.count(district=donghai) == 0


def test_public_figures_count_open_postings_and_deals():
    ListingFactory()
    FinancingNeedFactory()
    deal(ListingFactory(), "30", date(2016, 1, 1))
    figures = statistics.public_figures()
    assert figures["transactions"]["count"] == 1
    assert figures["open_transactions"] == 1
    assert figures["open_needs"] == 1
    assert figures["financing"] == {"count": 0, "amount": Decimal("0")}
