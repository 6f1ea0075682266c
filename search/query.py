"""What a search asks for and what a backend answers, independent of the backend."""

from dataclasses import dataclass, field
from datetime import date, timedelta

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
# The orders the cross-search page offers.
SORTS = {
    "relevance": _("相关度"),
    "newest": _("最新"),
    "price_asc": _("价格从低到高"),
    "price_desc": _("价格从高到低"),
}
# Further orders listing pages use for their own types: soonest date first (upcoming courses), validity
# ending first (postings), a type's own rank (an institution's rating), title (an institution's name).
LISTING_SORTS = {
    "date_asc": _("日期从早到晚"),
    "expiring": _("即将到期"),
    "rank": _("评分最高"),
    "title": _("名称"),
}
ALL_SORTS = {**SORTS, **LISTING_SORTS}
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
    """What one search asks for. `types` … `price_range` are the facets a person narrows by (each facet
    is counted under the others). The fields after them are a listing page's fixed scope and its own
    filters: they narrow the results and every facet count alike.

    scope: the only types searched (a listing page's own, e.g. ["transaction"]);
    tags: {key: [values]}, documents carrying a "key:value" tag for one of the values of every key (a
    listing page builds them with `search.registry.filter_tags` from the filters its types declare);
    date_from / date_before: the document date, inclusive / exclusive;
    price_from / price_to: a price (range) reaching into these yuan bounds; unpriced documents drop out;
    min_rank: the type's own rank at least this (an institution's rating);
    within: only these documents ("type:id" uids), e.g. what became public since a saved search last ran
    (subscriptions): the search then reads only them, not the whole index."""

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
    scope: list = field(default_factory=list)
    tags: dict = field(default_factory=dict)
    date_from: date | None = None
    date_before: date | None = None
    price_from: float | None = None
    price_to: float | None = None
    min_rank: float | None = None
    within: list | None = None

    def __post_init__(self):
        self.text = " ".join((self.text or "").split())[:200]
        self.tags = {key: [str(v) for v in values] for key, values in self.tags.items() if values}
        for name in ("price_from", "price_to", "min_rank"):
            value = getattr(self, name)
            setattr(self, name, None if value is None else float(value))
        if self.sort not in ALL_SORTS:
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

    def within_by_type(self):
        """The `within` uids as {type: [ids]}, or None when the search is not restricted."""
        if self.within is None:
            return None
        by_type = {}
        for uid in self.within:
            doc_type, _sep, object_id = str(uid).partition(":")
            by_type.setdefault(doc_type, []).append(object_id)
        return by_type

    def required_tags(self):
        """The tag filter as sets of acceptable "key:value" tags, one set per key."""
        return [{f"{key}:{value}" for value in values} for key, values in sorted(self.tags.items())]


@dataclass
class BackendResult:
    """A backend's raw answer: one page of (SearchDoc, score), the total, and facet counts
    ({facet: {value: count}}), each facet counted under every filter but its own."""

    total: int
    docs: list
    facets: dict


@dataclass(frozen=True)
class Terms:
    """An aggregation counting the documents that carry each value of a tag ("key:value", see
    search.registry): the `size` most frequent values (ties by value), only those matching `include`
    (a regular expression both Python's `re` and Elasticsearch read alike: literals, `.`, `[…]`, `{n}`,
    `*`, `+`) or only `values` when given; `sub` aggregations are counted within each value's documents."""

    name: str
    key: str
    size: int = 10
    include: str = ""
    values: tuple = ()
    sub: tuple = ()


@dataclass(frozen=True)
class Years:
    """An aggregation counting the documents of each year of their date, oldest first; `sub` aggregations
    are counted within each year's documents."""

    name: str
    sub: tuple = ()


@dataclass
class Bucket:
    key: object
    count: int
    sub: dict = field(default_factory=dict)


@dataclass
class AggregationResult:
    """A backend's answer to aggregations: the number of matching documents and {name: [Bucket]}."""

    total: int
    buckets: dict
