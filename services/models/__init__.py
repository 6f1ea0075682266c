from .inquiries import Inquiry, InquiryMessage, Side
from .institutions import (
    INSTITUTION_WORKFLOW,
    LICENSED_TYPES,
    CreditGrade,
    Institution,
    InstitutionEvent,
    InstitutionType,
    QualificationDocument,
    ServiceCategory,
    validate_agency_code,
)
from .invoices import Invoice
from .notifications import Notification
from .offerings import MAX_AMOUNT_FEN, Offering, format_fen
from .orders import OPEN_STATUSES, ORDER_WORKFLOW, PAID_STATUSES, REFUNDING, Actor, Order, OrderEvent, OrderStatus
from .reviews import Review

__all__ = [
    "INSTITUTION_WORKFLOW",
    "LICENSED_TYPES",
    "MAX_AMOUNT_FEN",
    "OPEN_STATUSES",
    "ORDER_WORKFLOW",
    "PAID_STATUSES",
    "REFUNDING",
    "Actor",
    "CreditGrade",
    "Inquiry",
    "InquiryMessage",
    "Institution",
    "InstitutionEvent",
    "InstitutionType",
    "Invoice",
    "Notification",
    "Offering",
    "Order",
    "OrderEvent",
    "OrderStatus",
    "QualificationDocument",
    "Review",
    "ServiceCategory",
    "Side",
    "format_fen",
    "validate_agency_code",
]
