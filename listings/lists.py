"""The public posting lists (transactions, financing): each list's filter form and the public querysets
its cards are read from. The list page and its feed both call `filtered`, so they select the same
postings for the same query string."""

from django.db.models import Prefetch

from search.listing import listing_page

from .forms import FinancingFilterForm, TransactionFilterForm
from .models import Listing, ListingIP

PAGE_SIZE = 20


def with_card_data(queryset):
    """What a posting's card shows, joined and prefetched: a list costs a fixed number of queries."""
    return queryset.select_related("organisation", "industry", "district").prefetch_related(
        Prefetch("ip_records", queryset=ListingIP.objects.order_by("pk"))
    )


def _transaction_querysets():
    return {"transaction": with_card_data(Listing.objects.public().transactions())}


def _financing_querysets():
    public = Listing.objects.public()
    return {
        "financing": with_card_data(public.financing_needs()),
        "financing_product": with_card_data(public.financing_products()),
    }


LISTS = {
    "transactions": (TransactionFilterForm, _transaction_querysets),
    "financing": (FinancingFilterForm, _financing_querysets),
}


def filtered(name, data, page=1, per_page=PAGE_SIZE):
    """The filter form of list `name` bound to `data` (a query string), its search and one page of the
    postings it selects."""
    form_class, querysets = LISTS[name]
    form = form_class(data or None)
    query = form.search_query(page=page, per_page=per_page)
    return form, query, listing_page(query, querysets())
