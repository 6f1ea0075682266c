"""The search service every page uses: cross-search, each listing page's own filters, completions.

It parses the query once (search.text), asks the primary backend, falls back to the embedded backend
with a notice when Elasticsearch cannot answer, and turns raw documents into hits with highlighted
titles, snippets and key facts. Listing pages call `search(SearchQuery(types=["transaction"], ...))`.
"""

import logging
import re
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.naming import english_wanted

from . import registry, text
from .backends import SearchUnavailable, embedded_backend, get_search_backend
from .query import DATE_RANGES, FACETS, PRICE_RANGES, SearchQuery

logger = logging.getLogger(__name__)

VOCABULARY_CACHE_SECONDS = 300
HAN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@dataclass
class Hit:
    doc: object
    score: float
    title_html: str
    snippet_html: str

    @property
    def type_label(self):
        return registry.type_label(self.doc.type)

    @property
    def actions_template(self):
        search_type = registry.get(self.doc.type)
        return search_type.hit_actions if search_type else ""

    @property
    def key_facts(self):
        """(label, value) pairs shown under the title: district, price, date, validity, then the type's own."""
        facts = []
        if self.doc.district:
            facts.append((_("地区"), self.doc.district))
        if self.doc.category:
            facts.append((_("类别"), self.doc.category))
        price = format_price(self.doc.price_min, self.doc.price_max)
        if price:
            facts.append((_("价格"), price))
        if self.doc.date:
            facts.append((_("日期"), date_format(self.doc.date, "Y-m-d")))
        if self.doc.status:
            facts.append((_("状态"), self.doc.status))
        if self.doc.expires:
            facts.append((_("有效期至"), date_format(self.doc.expires, "Y-m-d")))
        return facts + list(self.doc.facts)


@dataclass
class SearchResults:
    query: SearchQuery
    hits: list
    total: int
    facets: dict
    backend: str
    fallback: bool = False
    did_you_mean: str = ""
    groups: list = field(default_factory=list)

    @property
    def pages(self):
        return max(1, -(-self.total // self.query.per_page))


def format_price(low, high):
    def yuan(value):
        if value >= 10_000:
            amount = value / 10_000
            return _("%(amount)s万元") % {"amount": f"{amount:,.2f}".rstrip("0").rstrip(".")}
        return _("%(amount)s元") % {"amount": f"{value:,.0f}"}

    if low is None and high is None:
        return ""
    if low is not None and high is not None and high != low:
        return f"{yuan(low)} – {yuan(high)}"
    return yuan(low if low is not None else high)


def _backend_call(method, *args):
    """Calls the primary backend; on Elasticsearch failure, the embedded one. Returns (result, backend, fell_back)."""
    primary = get_search_backend()
    try:
        return getattr(primary, method)(*args), primary.name, False
    except SearchUnavailable as error:
        logger.warning("Search falls back to the embedded backend: %s", error)
        fallback = embedded_backend()
        return getattr(fallback, method)(*args), fallback.name, True


def search(query):
    groups = text.parse_query(query.text) if query.text else []
    result, backend_name, fell_back = _backend_call("search", query, groups)
    hits = [
        Hit(
            doc=doc,
            score=score,
            title_html=mark_safe(text.highlight(doc.title, groups)),  # text.highlight escapes the text
            snippet_html=mark_safe(text.snippet(doc.body, groups)),  # text.snippet escapes the text
        )
        for doc, score in result.docs
    ]
    facets = {name: result.facets.get(name, {}) for name in FACETS}
    results = SearchResults(
        query=query,
        hits=hits,
        total=result.total,
        facets=facets,
        backend=backend_name,
        fallback=fell_back,
        groups=groups,
    )
    if result.total == 0 and query.text:
        results.did_you_mean = did_you_mean(query)
    return results


def aggregate(query, aggregations):
    """Counts `aggregations` (search.query.Terms, Years) over every document `query` matches, in the
    primary backend (Elasticsearch aggregations, or the embedded backend's count of its matches); returns
    (AggregationResult, backend name)."""
    groups = text.parse_query(query.text) if query.text else []
    result, backend_name, _fell_back = _backend_call("aggregate", query, groups, list(aggregations))
    return result, backend_name


def refresh():
    """Makes every document indexed so far searchable now (Elasticsearch shows a write only after its next
    refresh), for work that searches what was just indexed."""
    _backend_call("refresh")


def match_each(queries):
    """For each query, restricted to a set of documents (`SearchQuery.within`, see subscriptions), the
    uids of the documents among them it matches. Nothing is ranked, counted or highlighted, and the
    searches go to the backend together (Elasticsearch's multi-search, in batches), so that thousands of
    saved searches cost a few requests, not one each."""
    parsed = {}
    searches = []
    for query in queries:
        if query.text not in parsed:
            parsed[query.text] = text.parse_query(query.text) if query.text else []
        searches.append((query, parsed[query.text]))
    if not searches:
        return []
    found, _name, _fell_back = _backend_call("match_many", searches)
    return found


def vocabulary(backend_name=None):
    key = f"search:vocabulary:{backend_name or get_search_backend().name}"
    words = cache.get(key)
    if words is None:
        words, _name, _fell_back = _backend_call("vocabulary")
        cache.set(key, words, VOCABULARY_CACHE_SECONDS)
    return words


def forget_vocabulary():
    cache.delete_many([f"search:vocabulary:{name}" for name in ("embedded", "elasticsearch")])


def did_you_mean(query):
    """A corrected query that finds something, built from the indexed vocabulary, or ""."""
    words = vocabulary()
    if not words:
        return ""
    parts = text.correction_candidates(query.text)
    corrected = []
    changed = False
    for part in parts:
        replacement = text.closest_word(part, words) if part not in words else None
        if replacement is None and part not in words:
            # A run that is not one indexed word: try its segmented words one by one.
            pieces = [w for g in text.parse_query(part) for w in [g.word]]
            fixed = [text.closest_word(p, words) or p for p in pieces]
            if fixed != pieces:
                replacement = "".join(fixed)
        if replacement:
            corrected.append(replacement)
            changed = True
        else:
            corrected.append(part)
    if not changed:
        return ""
    suggestion = " ".join(corrected)
    probe = SearchQuery(text=suggestion, types=query.types, per_page=1)
    groups = text.parse_query(suggestion)
    result, _name, _fell_back = _backend_call("search", probe, groups)
    return suggestion if result.total else ""


def suggest(prefix, limit=8):
    """Completions for what the user is typing: titles and keywords starting with it, most common first."""
    prefix = text.normalise(" ".join((prefix or "").split()))[:50]
    if not prefix:
        return []
    found, _name, _fell_back = _backend_call("suggest", prefix, limit)
    ranked = sorted(found.items(), key=lambda item: (-item[1], len(item[0]), item[0]))
    return [term for term, _count in ranked[:limit]]


def reference_display_names():
    """Chinese name -> English name of the reference rows whose names the index holds (districts, service
    categories, industries); empty, and no query, unless the reader reads English."""
    from listings.models import Industry
    from reference.models import District
    from services.models import ServiceCategory

    if not english_wanted():
        return {}
    names = {}
    for model in (District, ServiceCategory, Industry):
        names.update(model.objects.exclude(name_en="").values_list("name", "name_en"))
    return names


def display_value(value, names):
    """An indexed value (written in Chinese when the document was indexed) in the reader's language: a
    reference row by its English name, a choice label by its translation; with "zh" when it stays Chinese."""
    if not isinstance(value, str) or not value:  # gettext("") would be the catalogue's header
        return value, ""
    shown = names.get(value) or _(value)
    return shown, "zh" if english_wanted() and HAN.search(shown) else ""


def display_facts(hit, names):
    """A hit's key facts as (label, value, language of the value) in the reader's language."""
    return [(_(label), *display_value(value, names)) for label, value in hit.key_facts]


def facet_label(facet, key, names=None):
    if facet == "type":
        return registry.type_label(key)
    if facet == "date":
        return str(DATE_RANGES[key][0]) if key in DATE_RANGES else key
    if facet == "price":
        return str(PRICE_RANGES[key][0]) if key in PRICE_RANGES else key
    return display_value(key, names or {})[0]
