"""What a search asks for and what a backend answers, independent of the backend."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Relative date ranges: the newest three overlap (within a week is also within a month).
DATE_RANGES = {
    "7d": (_("一周内"), 7),
    "30d": (_("一个月内"), 30),
    "1y": (_("一年内"), 365),
    "older": (_("一年以前"), None),
}
# Price ranges in yuan, on the item's lowest price.
PRICE_RANGES = {
    "lt10k": (_("1万元以下"), None, 10_000),
    "10k-100k": (_("1万–10万元"), 10_000, 100_000),
    "100k-1m": (_("10万–100万元"), 100_000, 1_000_000),
    "1m-10m": (_("100万–1000万元"), 1_000_000, 10_000_000),
    "gt10m": (_("1000万元以上"), 10_000_000, None),
}
SORTS = {
    "relevance": _("相关度"),
    "newest": _("最新"),
    "price_asc": _("价格从低到高"),
    "price_desc": _("价格从高到低"),
}
# Facets and the SearchDoc field each counts.
TERM_FACETS = {"type": "doc_type", "category": "category", "district": "district", "status": "status"}
FACETS = [*TERM_FACETS, "date", "price"]


def today():
    return timezone.localdate()


def date_bounds(key):
    """(from, before) dates of a date range key: from inclusive, before exclusive."""
    if key not in DATE_RANGES:
        return None, None
    days = DATE_RANGES[key][1]
    if days is None:
        return None, today() - timedelta(days=365)
    return today() - timedelta(days=days), None


def price_bounds(key):
    if key not in PRICE_RANGES:
        return None, None
    return PRICE_RANGES[key][1], PRICE_RANGES[key][2]


@dataclass
class SearchQuery:
    text: str = ""
    types: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    districts: list = field(default_factory=list)
    statuses: list = field(default_factory=list)
    date_range: str = ""
    price_range: str = ""
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10

    def __post_init__(self):
        self.text = " ".join((self.text or "").split())[:200]
        if self.sort not in SORTS:
            self.sort = "relevance"
        if self.date_range not in DATE_RANGES:
            self.date_range = ""
        if self.price_range not in PRICE_RANGES:
            self.price_range = ""
        self.page = max(1, int(self.page or 1))
        self.per_page = max(1, min(int(self.per_page or 10), 100))

    @property
    def effective_sort(self):
        """Without words to rank by, relevance means newest first."""
        return "newest" if self.sort == "relevance" and not self.text else self.sort

    @property
    def offset(self):
        return (self.page - 1) * self.per_page

    def term_filters(self):
        """Selected values of each term facet."""
        return {"type": self.types, "category": self.categories, "district": self.districts, "status": self.statuses}


@dataclass
class BackendResult:
    """A backend's raw answer: one page of (SearchDoc, score), the total, and facet counts
    ({facet: {value: count}}), each facet counted under every filter but its own."""

    total: int
    docs: list
    facets: dict
