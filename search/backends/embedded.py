"""The embedded backend: searches the platform's own database (SQLite FTS5 or PostgreSQL full-text on
search_searchentry); always available, and kept up to date also when Elasticsearch is the primary
backend, so that searching falls back to it while Elasticsearch is down. The full-text SQL of each
database is in `sqlite.py` and `postgresql.py`; matching and ranking happen there, the filters, facet
counts and order here, over the matches' narrow rows."""

import json
from collections import Counter
from datetime import UTC, date, datetime

from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction

from ..analysis import analysed, batches
from ..documents import SearchDoc
from ..query import PRICE_RANGES, TERM_FACETS, AggregationResult, BackendResult, date_bounds, price_bounds, today
from .aggregations import count as count_aggregations
from .aggregations import tag_values
from .facets import cumulative_dates, date_bucket, date_bucket_keys, price_bucket
from .postgresql import PostgreSQLFullText
from .sqlite import SQLiteFullText

FULL_TEXT = {"sqlite": SQLiteFullText(), "postgresql": PostgreSQLFullText()}

ENTRY_COLUMNS = (
    "doc_type, object_id, url, title, body, category, district, status, date, expires, price_min, price_max, "
    "facts, terms, tags, rank, moment"
)


def _as_date(value):
    return date.fromisoformat(value) if isinstance(value, str) else value


def _as_datetime(value):
    """A stored moment as an aware datetime (SQLite answers naive UTC text)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def _entry_doc(row):
    (doc_type, object_id, url, title, body, category, district, status, day, expires, pmin, pmax, facts, terms) = row[
        :14
    ]
    tags, rank, moment = row[14:]
    as_date = _as_date

    def as_list(value):
        return json.loads(value) if isinstance(value, str) else value or []

    return SearchDoc(
        type=doc_type,
        id=object_id,
        url=url,
        title=title,
        body=body,
        category=category,
        district=district,
        status=status,
        date=as_date(day),
        expires=as_date(expires),
        price_min=pmin,
        price_max=pmax,
        facts=[tuple(pair) for pair in as_list(facts)],
        terms=as_list(terms),
        tags=[tag for tag in tags.split("\n") if tag],
        rank=rank,
        moment=_as_datetime(moment),
    )


# Positions in the embedded backend's candidate rows (see EmbeddedBackend._candidates): id, score, the
# facet columns, then the columns only some orders read (NULL unless the order needs them).
FACET_POSITIONS = {"type": 2, "category": 3, "district": 4, "status": 5, "date": 6, "price": 7}
PRICE_MAX, EXPIRES, RANK, TITLE, MOMENT = 8, 9, 10, 11, 12
ORDER_COLUMNS = {"rank": ("rank", "title"), "title": ("title",), "newest": ("moment",), "date_asc": ("moment",)}


def _newest(row):
    return -(row[6] or date.min).toordinal()


def _order(rows, sort):
    """Sorts candidate rows in place. Moments (text on SQLite, datetimes on PostgreSQL) cannot be negated,
    so an order by day then moment sorts twice: by the moment first, then stably by the day."""
    if sort == "newest":
        rows.sort(key=lambda row: (row[MOMENT] is not None, row[MOMENT] or "", row[0]), reverse=True)
        rows.sort(key=_newest)
    elif sort == "date_asc":
        rows.sort(key=lambda row: (row[MOMENT] is None, row[MOMENT] or "", row[0]))
        rows.sort(key=lambda row: (row[6] is None, row[6] or date.max))
    else:
        rows.sort(key=SORT_KEYS[sort])


SORT_KEYS = {
    "relevance": lambda row: (-row[1], _newest(row), row[0]),
    "price_asc": lambda row: (row[7] is None, row[7] or 0, row[0]),
    "price_desc": lambda row: (row[PRICE_MAX] is None, -(row[PRICE_MAX] or 0), row[0]),
    "expiring": lambda row: (row[EXPIRES] is None, row[EXPIRES] or date.max, _newest(row), -row[0]),
    "rank": lambda row: (row[RANK] is None, -(row[RANK] or 0), row[TITLE], row[0]),
    "title": lambda row: (row[TITLE], row[0]),
}


def _like_tag(tag):
    escaped = tag.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%\n{escaped}\n%"


def _scope_sql(query):
    """WHERE clauses and parameters of a query's fixed scope and listing filters (see SearchQuery)."""
    clauses, params = ["(e.expires IS NULL OR e.expires >= %s)"], [today()]
    if query.scope:
        clauses.append(f"e.doc_type IN ({', '.join(['%s'] * len(query.scope))})")
        params.extend(query.scope)
    for accepted in query.required_tags():
        clauses.append("(" + " OR ".join(["e.tags LIKE %s ESCAPE '\\'"] * len(accepted)) + ")")
        params.extend(_like_tag(tag) for tag in sorted(accepted))
    within = query.within_by_type()
    if within is not None:
        # The unique (doc_type, object_id) index finds these rows; no match at all when none is given.
        alternatives = [
            f"(e.doc_type = %s AND e.object_id IN ({', '.join(['%s'] * len(ids))}))" for ids in within.values()
        ]
        clauses.append("(" + (" OR ".join(alternatives) or "1 = 0") + ")")
        for doc_type, ids in within.items():
            params.extend([doc_type, *ids])
    if query.date_from:
        clauses.append("e.date >= %s")
        params.append(query.date_from)
    if query.date_before:
        clauses.append("e.date < %s")
        params.append(query.date_before)
    if query.price_from is not None:
        clauses.append("COALESCE(e.price_max, e.price_min) >= %s")
        params.append(query.price_from)
    if query.price_to is not None:
        clauses.append("e.price_min <= %s")
        params.append(query.price_to)
    if query.min_rank is not None:
        clauses.append("e.rank >= %s")
        params.append(query.min_rank)
    return " AND ".join(clauses), params


class EmbeddedBackend:
    """Searches the platform's own database; always available."""

    name = "embedded"

    def health(self):
        from ..models import SearchEntry

        return {"ok": True, "backend": self.name, "documents": SearchEntry.objects.count()}

    @property
    def vendor(self):
        return connection.vendor

    @property
    def full_text(self):
        try:
            return FULL_TEXT[self.vendor]
        except KeyError:
            raise ImproperlyConfigured(
                f"The embedded search backend needs SQLite (FTS5) or PostgreSQL, not {self.vendor}; "
                "set ELASTICSEARCH_URL or use one of those databases."
            ) from None

    # Writing -----------------------------------------------------------------
    def index(self, docs, tokens=None):
        """Replaces the entries of these documents (delete, then insert in bulk), keeping their analysed
        text with its fingerprint. `tokens` ({uid: tokens}) gives text already analysed."""
        from ..models import SearchEntry

        docs = list({doc.uid: doc for doc in docs}.values())
        if not docs:
            return
        tokens = tokens or {}
        with transaction.atomic():
            by_type = {}
            for doc in docs:
                by_type.setdefault(doc.type, []).append(doc.id)
            for doc_type, ids in by_type.items():
                self.delete(doc_type, ids)
            analysed = [(doc, tokens.get(doc.uid) or doc.tokens()) for doc in docs]
            entries = SearchEntry.objects.bulk_create([self._entry(doc, tokens) for doc, tokens in analysed])
            self._write_fulltext([(entry.pk, tokens) for entry, (_doc, tokens) in zip(entries, analysed, strict=True)])

    def kept_tokens(self, docs):
        """{uid: tokens} of the documents whose entry holds analysed text of exactly their current text
        (the same fingerprint); see search.analysis."""
        from ..models import SearchEntry

        wanted = {(doc.type, doc.id): doc for doc in docs}
        found = {}
        by_type = {}
        for doc_type, object_id in wanted:
            by_type.setdefault(doc_type, []).append(object_id)
        for doc_type, ids in by_type.items():
            for start in range(0, len(ids), 500):
                rows = SearchEntry.objects.filter(doc_type=doc_type, object_id__in=ids[start : start + 500])
                for object_id, fingerprint, title, body, terms in rows.values_list(
                    "object_id", "analysed_from", "title_tokens", "body_tokens", "terms_tokens"
                ):
                    doc = wanted[(doc_type, object_id)]
                    if fingerprint and fingerprint == doc.analysis_fingerprint():
                        found[doc.uid] = {"title": title, "body": body, "terms": terms}
        return found

    @staticmethod
    def _entry(doc, tokens):
        from ..models import SearchEntry

        return SearchEntry(
            doc_type=doc.type,
            object_id=doc.id,
            url=doc.url,
            title=doc.title[:300],
            body=doc.body[:5000],
            category=doc.category[:100],
            district=doc.district[:40],
            status=doc.status[:40],
            date=doc.date,
            expires=doc.expires,
            price_min=doc.price_min,
            price_max=doc.price_max,
            facts=[list(pair) for pair in doc.facts],
            terms=doc.terms,
            tags="\n" + "\n".join(doc.tags) + "\n" if doc.tags else "",
            rank=doc.rank,
            moment=doc.moment,
            suggest="\n" + "\n".join(doc.suggestions()) + "\n",
            title_tokens=tokens["title"],
            body_tokens=tokens["body"],
            terms_tokens=tokens["terms"],
            analysed_from=doc.analysis_fingerprint(),
        )

    def _write_fulltext(self, rows):
        with connection.cursor() as cursor:
            self.full_text.write(cursor, rows)

    def delete(self, doc_type, object_ids):
        from ..models import SearchEntry

        object_ids = [str(pk) for pk in object_ids]
        with transaction.atomic():
            for start in range(0, len(object_ids), 500):
                entries = SearchEntry.objects.filter(doc_type=doc_type, object_id__in=object_ids[start : start + 500])
                pks = list(entries.values_list("pk", flat=True))
                if pks:
                    with connection.cursor() as cursor:
                        self.full_text.delete(cursor, pks)
                SearchEntry.objects.filter(pk__in=pks).delete()

    def rebuild(self, doc_type, docs, progress=None, chunk_size=500):
        """Replaces every document of a type, in one transaction: searches never see a partial set. The
        analysed text an entry keeps is reused when its document's text is unchanged."""
        from ..models import SearchEntry

        count = 0
        seen = set()
        with transaction.atomic():
            for batch in batches(analysed(docs, batch_size=chunk_size, kept=self.kept_tokens), chunk_size):
                self.index([doc for doc, _tokens in batch], tokens={doc.uid: tokens for doc, tokens in batch})
                seen.update(doc.id for doc, _tokens in batch)
                count += len(batch)
                if progress:
                    progress(count)
            gone = set(SearchEntry.objects.filter(doc_type=doc_type).values_list("object_id", flat=True)) - seen
            self.delete(doc_type, gone)
            if progress:
                progress(count)
        return count

    def refresh(self):
        """Writes are visible at once in the database."""

    def object_ids(self, doc_type):
        from ..models import SearchEntry

        return set(SearchEntry.objects.filter(doc_type=doc_type).values_list("object_id", flat=True))

    def counts(self):
        from django.db.models import Count

        from ..models import SearchEntry

        return dict(SearchEntry.objects.values_list("doc_type").annotate(n=Count("id")).values_list("doc_type", "n"))

    # Reading -----------------------------------------------------------------
    def _match(self, groups):
        """(SQL selecting id and score of matching entries, SQL selecting only their ids, params), or None
        to match everything. Counting and facets use the second: ranking every match once is enough."""
        if not groups:
            return None
        return self.full_text.match(groups)

    @staticmethod
    def _predicates(query):
        """{facet: row -> bool} of the selected filters; a row is (id, score, type, category, district,
        status, date, price_min, price_max)."""
        predicates = {}
        for facet, values in query.term_filters().items():
            if values:
                position = FACET_POSITIONS[facet]
                chosen = set(values)
                predicates[facet] = lambda row, p=position, c=chosen: row[p] in c
        if query.date_range:
            start, before = date_bounds(query.date_range)
            if start:
                predicates["date"] = lambda row, s=start: row[6] is not None and row[6] >= s
            else:
                predicates["date"] = lambda row, b=before: row[6] is not None and row[6] < b
        if query.price_range:
            low, high = price_bounds(query.price_range)
            predicates["price"] = lambda row, lo=low, hi=high: (
                row[7] is not None and (lo is None or row[7] >= lo) and (hi is None or row[7] < hi)
            )
        return predicates

    def _candidates(self, query, groups, extra=""):
        """Every visible match as a narrow row, with its rank: one pass over the full-text index. `extra`
        columns (SQL) come last."""
        needed = ORDER_COLUMNS.get(query.effective_sort, ())
        ordering = ", ".join(f"e.{name}" if name in needed else "NULL" for name in ("rank", "title", "moment"))
        columns = (
            f"e.doc_type, e.category, e.district, e.status, e.date, e.price_min, e.price_max, e.expires, {ordering}"
        )
        if extra:
            columns = f"{columns}, {extra}"
        where, params = _scope_sql(query)
        match = self._match(groups)
        with connection.cursor() as cursor:
            if match:
                cursor.execute(
                    f"SELECT e.id, m.score, {columns} FROM search_searchentry e JOIN ({match[0]}) m ON m.id = e.id "
                    f"WHERE {where}",
                    [*match[2], *params],
                )
            else:
                cursor.execute(f"SELECT e.id, 0.0, {columns} FROM search_searchentry e WHERE {where}", params)
            rows = cursor.fetchall()
        if rows and self.full_text.dates_as_text:
            rows = [(*row[:6], _as_date(row[6]), row[7], row[8], _as_date(row[9]), *row[10:]) for row in rows]
        return rows

    def search(self, query, groups):
        """Matching and ranking happen in the database; the filters, facet counts and order are then worked
        out from the matches' narrow rows, so the full-text index is read once per search."""
        rows = self._candidates(query, groups)
        predicates = self._predicates(query)
        date_keys, price_keys = date_bucket_keys(), list(PRICE_RANGES)
        facets = {}
        for facet in FACET_POSITIONS:
            others = [test for name, test in predicates.items() if name != facet]
            counted = [row for row in rows if all(test(row) for test in others)] if others else rows
            if facet in TERM_FACETS:
                position = FACET_POSITIONS[facet]
                facets[facet] = dict(Counter(row[position] for row in counted if row[position]))
            elif facet == "date":
                buckets = Counter(date_bucket(row[6], date_keys) for row in counted if row[6] is not None)
                facets[facet] = cumulative_dates(buckets)
            else:
                buckets = Counter(price_bucket(row[7], price_keys) for row in counted if row[7] is not None)
                facets[facet] = {key: n for key, n in buckets.items() if key}
        selected = [row for row in rows if all(test(row) for test in predicates.values())] if predicates else rows
        _order(selected, query.effective_sort)
        page = selected[query.offset : query.offset + query.per_page]
        docs = self._documents([row[0] for row in page])
        return BackendResult(
            total=len(selected), docs=[(docs[row[0]], row[1]) for row in page if row[0] in docs], facets=facets
        )

    def aggregate(self, query, groups, aggregations):
        """Counts `aggregations` (search.query.Terms, Years) over every match of `query`: the matches are
        selected once with their dates and tags, then counted like the facets (backends.aggregations)."""
        rows = self._candidates(query, groups, extra="e.tags")
        predicates = self._predicates(query)
        if predicates:
            rows = [row for row in rows if all(test(row) for test in predicates.values())]
        matches = [(row[6], tag_values(row[-1] or "")) for row in rows]
        return AggregationResult(total=len(matches), buckets=count_aggregations(matches, aggregations))

    def match_many(self, searches):
        """For each (query, groups) of `searches`, the set of uids it matches: one statement per search
        reading only the matching rows' facet columns (no counts, no order, no documents), then the
        uids of every match read at once."""
        selected = []
        for query, groups in searches:
            rows = self._candidates(query, groups)
            predicates = list(self._predicates(query).values())
            selected.append([row[0] for row in rows if all(test(row) for test in predicates)])
        uids = self._uids({pk for pks in selected for pk in pks})
        return [{uids[pk] for pk in pks} for pks in selected]

    @staticmethod
    def _uids(pks):
        from ..models import SearchEntry

        pks, found = list(pks), {}
        for start in range(0, len(pks), 500):
            rows = SearchEntry.objects.filter(pk__in=pks[start : start + 500])
            found.update(
                (pk, f"{doc_type}:{object_id}")
                for pk, doc_type, object_id in rows.values_list("pk", "doc_type", "object_id")
            )
        return found

    @staticmethod
    def _documents(pks):
        if not pks:
            return {}
        columns = ", ".join(c.strip() for c in ENTRY_COLUMNS.split(","))
        placeholders = ", ".join(["%s"] * len(pks))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, {columns} FROM search_searchentry WHERE id IN ({placeholders})", pks)
            return {row[0]: _entry_doc(row[1:]) for row in cursor.fetchall()}

    def suggest(self, prefix, limit=8):
        from ..models import SearchEntry

        found = Counter()
        entries = SearchEntry.objects.filter(suggest__contains=f"\n{prefix}").values_list("suggest", flat=True)[:200]
        for suggest in entries:
            for term in suggest.split("\n"):
                if term.startswith(prefix):
                    found[term] += 1
        return found

    def vocabulary(self):
        from ..models import SearchEntry

        words = Counter()
        for title, terms in SearchEntry.objects.values_list("title_tokens", "terms_tokens").iterator(chunk_size=2000):
            words.update({w for w in f"{title} {terms}".split() if len(w) > 1 and not w.isdigit()})
        return words
