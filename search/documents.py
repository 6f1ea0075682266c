"""The one shape every searchable thing is turned into, whichever app it comes from.

Each content app declares, in its own `documents.py`, a `SearchType` (see `search.registry`): the public
queryset and a function turning an instance into a `SearchDoc`. Backends only ever see `SearchDoc`s, so
cross-search ranks, filters and facets every type the same way. `IndexedDocument` is the Elasticsearch
mapping shared by every type (one versioned index per type behind an alias).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from elasticsearch_dsl import Date, Document, Double, Keyword, Object, Text

from .text import analyser_signature, analyze_joined, normalise

# Labels of the types cross-search knows; an app registering a new type adds its own label.
TYPE_LABELS = {
    "policy": _("政策法规"),
    "news": _("新闻资讯"),
    "patent_info": _("专利信息"),
    "course": _("培训课程"),
    "institution": _("服务机构"),
    "offering": _("服务产品"),
    "transaction": _("交易信息"),
    "financing": _("融资信息"),
    "page": _("其他页面"),
}


@dataclass
class SearchDoc:
    """A searchable item: what is shown in a result and what facets count. Only public data goes here."""

    type: str
    id: str
    url: str
    title: str
    body: str = ""
    category: str = ""
    district: str = ""
    status: str = ""
    date: date | None = None
    price_min: float | None = None
    price_max: float | None = None
    # The day after which the item is no longer shown (a posting's validity), if any.
    expires: date | None = None
    # Extra key facts shown under the title, as (label, value) pairs.
    facts: list = field(default_factory=list)
    # Keywords weighted like the title and offered as completions (service names, patent numbers...).
    terms: list = field(default_factory=list)
    # "key:value" tags a listing page filters by (e.g. "grade:A+", "ip_type:patent"); never shown.
    tags: list = field(default_factory=list)
    # The type's own "best first" order (an institution's rating), if it has one.
    rank: float | None = None
    # The exact time of `date` (publication, start), ordering the items of one day; set from `date` when
    # that is given as a datetime.
    moment: datetime | None = None

    def __post_init__(self):
        self.id = str(self.id)
        if isinstance(self.date, datetime):
            # A moment gives the day (in local time) and orders the items of that day.
            self.moment = self.moment or self.date
            self.date = timezone.localdate(self.date) if timezone.is_aware(self.date) else self.date.date()
        if isinstance(self.expires, datetime):
            self.expires = self.expires.date()
        for name in ("price_min", "price_max"):
            value = getattr(self, name)
            setattr(self, name, None if value is None else float(value))
        self.facts = [(str(label), str(value)) for label, value in self.facts if value not in (None, "")]
        self.terms = [str(term) for term in self.terms if term]
        self.tags = sorted({str(tag) for tag in self.tags if tag})
        self.rank = None if self.rank is None else float(self.rank)

    @property
    def uid(self):
        return f"{self.type}:{self.id}"

    def analysed_fields(self):
        """The text of each weighted field as it is analysed (title, body, terms)."""
        return {
            "title": self.title,
            "body": self.body[:MAX_BODY],
            "terms": " ".join([self.category, *self.terms]),
        }

    def tokens(self):
        """The analysed text of each weighted field (title, body, terms)."""
        return {name: analyze_joined(value) for name, value in self.analysed_fields().items()}

    def analysis_fingerprint(self):
        """Names what `tokens()` analyses, and with which analyser: kept analysed text is reused only for
        a document with the same fingerprint (see search.analysis)."""
        digest = hashlib.blake2b(analyser_signature().encode(), digest_size=16)
        for value in self.analysed_fields().values():
            digest.update(value.encode())
            digest.update(b"\0")
        return digest.hexdigest()

    def suggestions(self):
        """Normalised strings offered as completions: the title and the terms."""
        return list(dict.fromkeys(normalise(s).strip() for s in [self.title, *self.terms] if s.strip()))


# Only the start of a long body is indexed; the rest rarely changes what a search should find.
MAX_BODY = 5000


class IndexedDocument(Document):
    """Elasticsearch mapping of a SearchDoc. Text arrives segmented, normalised and lower-cased (see
    search.text), so the built-in `whitespace` analyser is all the node needs: no Chinese analysis plugin,
    not even the analysis-common module (which a bare node may lack)."""

    doc_type = Keyword()
    object_id = Keyword()
    uid = Keyword()
    url = Keyword(index=False)
    title = Text(index=False)
    title_sort = Keyword()
    body = Text(index=False)
    title_tokens = Text(analyzer="whitespace")
    body_tokens = Text(analyzer="whitespace")
    terms_tokens = Text(analyzer="whitespace")
    category = Keyword()
    district = Keyword()
    status = Keyword()
    date = Date()
    moment = Date()
    expires = Date()
    price_min = Double()
    price_max = Double()
    facts = Object(enabled=False)
    terms = Keyword(index=False)
    tags = Keyword()
    rank = Double()
    suggest = Keyword()
    vocabulary = Keyword()

    @classmethod
    def source(cls, doc, tokens=None):
        tokens = tokens or doc.tokens()
        return {
            "doc_type": doc.type,
            "object_id": doc.id,
            "uid": doc.uid,
            "url": doc.url,
            "title": doc.title,
            "title_sort": doc.title[:300],
            "body": doc.body[:MAX_BODY],
            "title_tokens": tokens["title"],
            "body_tokens": tokens["body"],
            "terms_tokens": tokens["terms"],
            "category": doc.category,
            "district": doc.district,
            "status": doc.status,
            "date": doc.date.isoformat() if doc.date else None,
            "moment": doc.moment.isoformat() if doc.moment else None,
            "expires": doc.expires.isoformat() if doc.expires else None,
            "price_min": doc.price_min,
            "price_max": doc.price_max,
            "facts": [list(pair) for pair in doc.facts],
            "terms": doc.terms,
            "tags": doc.tags,
            "rank": doc.rank,
            "suggest": doc.suggestions(),
            "vocabulary": vocabulary_words(tokens),
        }


def vocabulary_words(tokens):
    """Words a "did you mean" may propose: the title's and the terms' words of two characters or more."""
    words = f"{tokens['title']} {tokens['terms']}".split()
    return sorted({w for w in words if len(w) > 1 and not w.isdigit()})


def doc_from_source(source):
    def parse_date(value):
        return date.fromisoformat(value[:10]) if value else None

    return SearchDoc(
        type=source["doc_type"],
        id=source["object_id"],
        url=source["url"],
        title=source["title"],
        body=source.get("body") or "",
        category=source.get("category") or "",
        district=source.get("district") or "",
        status=source.get("status") or "",
        date=parse_date(source.get("date")),
        expires=parse_date(source.get("expires")),
        price_min=source.get("price_min"),
        price_max=source.get("price_max"),
        facts=[tuple(pair) for pair in source.get("facts") or []],
        terms=source.get("terms") or [],
        tags=source.get("tags") or [],
        rank=source.get("rank"),
        moment=datetime.fromisoformat(source["moment"]) if source.get("moment") else None,
    )
