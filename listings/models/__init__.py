"""Transaction and pledge-financing postings, the interest they draw, their deals and financing cases.

`Listing` is one table for the three kinds of posting (a transaction posting, an enterprise's financing need,
a lender's financing product); `TransactionListing`, `FinancingNeed` and `FinancingProduct` are proxies
over it, so moderation, expiry, interest, deals and search treat every posting the same way.
"""

from .engagement import Deal, Interest
from .financing import FinancingCase, FinancingDocument, FinancingStep, LoanDocument, PledgeLoan
from .listing import (
    ACTIVE_STATUSES,
    PUBLIC_STATUSES,
    WORKFLOW,
    FinancingNeed,
    FinancingProduct,
    IPType,
    Listing,
    ListingEvent,
    ListingIP,
    TransactionListing,
)
from .reference import Industry

__all__ = [
    "ACTIVE_STATUSES",
    "PUBLIC_STATUSES",
    "WORKFLOW",
    "Deal",
    "FinancingCase",
    "FinancingDocument",
    "FinancingNeed",
    "FinancingProduct",
    "FinancingStep",
    "IPType",
    "Industry",
    "Interest",
    "Listing",
    "ListingEvent",
    "ListingIP",
    "LoanDocument",
    "PledgeLoan",
    "TransactionListing",
]
