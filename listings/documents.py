"""Listings in cross-search: published, valid transaction postings, financing needs and financing products.

The transaction and financing list pages filter and order through these documents too: the filters are
declared where the types are registered (status, kind, direction, industry, district and IP type; a
financing product carries the IP types it accepts as collateral), and their price or amount is the
document's price.

Only public fields go in: the publishing organisation's name (shown on every posting page), never the
contact person, phone or e-mail (shown on the posting page under its own rules), never the attached
documents. Prices are stored in 万元 on the model and in yuan in search.
"""

from accounts.models import Organisation
from search import registry
from search.documents import SearchDoc
from search.registry import Filter

from .models import FinancingNeed, FinancingProduct, Industry, Listing, ListingIP, TransactionListing

TEN_THOUSAND = 10_000


def yuan(value):
    """An amount in 万元 (as stored and typed) in yuan (as indexed)."""
    return None if value is None else float(value) * TEN_THOUSAND


def _ip_types(listing):
    """The IP types of the posting's IP records, and for a financing product those it accepts."""
    return {record.ip_type for record in listing.ip_records.all()} | set(listing.eligible_ip_types)


# The filters of the list pages, by the names of their filter forms' fields (listings.forms.FilterForm).
FILTERS = (
    Filter("status", lambda listing: listing.status),
    Filter("kind", lambda listing: listing.kind),
    Filter("direction", lambda listing: listing.direction),
    Filter("industry", lambda listing: listing.industry_id),
    Filter("district", lambda listing: listing.district_id),
    Filter("ip_type", _ip_types),
)


def listing_document(listing, doc_type):
    records = list(listing.ip_records.all())
    if listing.is_transaction:
        low, high = yuan(listing.price_min), yuan(listing.price_max)
    elif listing.is_financing_need:
        low = high = yuan(listing.amount)
    else:
        low, high = yuan(listing.amount_min), yuan(listing.amount_max)
    facts = [(record.get_ip_type_display(), f"{record.number} {record.title}") for record in records]
    if listing.kind:
        facts.insert(0, ("交易类型", listing.get_kind_display()))
    if listing.term_months:
        facts.append(("融资期限", f"{listing.term_months}个月"))
    body = " ".join(filter(None, [listing.description, listing.purpose, listing.conditions]))
    return SearchDoc(
        type=doc_type,
        id=listing.pk,
        url=listing.get_absolute_url(),
        title=listing.title,
        body=" ".join([body, *(f"{r.number} {r.title} {r.owner_name}" for r in records), listing.organisation.name]),
        category=listing.industry.name if listing.industry_id else "",
        district=listing.district.name,
        status=listing.get_status_display(),
        date=listing.published_at,
        expires=listing.valid_until,
        price_min=low,
        price_max=high if high is not None else low,
        facts=facts,
        terms=[r.number for r in records] + [r.title for r in records],
    )


def _register(name, model, label=""):
    registry.register(
        registry.SearchType(
            name=name,
            model=model,
            label=label,
            public_queryset=lambda: (
                model.objects.public()
                .select_related("organisation", "industry", "district")
                .prefetch_related("ip_records")
            ),
            to_document=lambda listing: listing_document(listing, name),
            filters=FILTERS,
            depends_on={
                ListingIP: lambda record: [record.listing_id],
                Organisation: lambda organisation: list(organisation.listings.values_list("pk", flat=True)),
                Industry: lambda industry: list(Listing.objects.filter(industry=industry).values_list("pk", flat=True)),
            },
        )
    )


_register("transaction", TransactionListing)
_register("financing", FinancingNeed)
_register("financing_product", FinancingProduct, label="金融产品")
