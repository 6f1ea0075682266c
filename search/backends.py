"""The search backends: Elasticsearch when ELASTICSEARCH_URL is set, else embedded in the database.

Both take SearchDocs to index and a SearchQuery plus the parsed token groups (search.text) to search,
and answer a BackendResult: ranked documents, a total and facet counts. Highlighting, snippets,
completions ranking and "did you mean" are done above them (search.service), the same for both.

The embedded backend is always kept up to date, also when Elasticsearch is the primary one: searching
falls back to it while Elasticsearch is down.
"""

import itertools
import logging
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction

from .documents import IndexedDocument, SearchDoc, doc_from_source
from .query import DATE_RANGES, PRICE_RANGES, TERM_FACETS, BackendResult, date_bounds, price_bounds, today

logger = logging.getLogger(__name__)

# Field weights: a word in the title counts ten times one in the body; keywords five times.
WEIGHTS = {"title": 10.0, "body": 1.0, "terms": 5.0}


class SearchUnavailable(Exception):
    """The backend cannot answer right now (Elasticsearch down); the caller falls back."""


# ------------------------------------------------------------------------------
# Embedded: SQLite FTS5 or PostgreSQL full-text on search_searchentry
# ------------------------------------------------------------------------------
ENTRY_COLUMNS = (
    "doc_type, object_id, url, title, body, category, district, status, date, expires, price_min, price_max, "
    "facts, terms, tags, rank, moment"
)


def _fts5_expression(groups):
    def quote(token):
        return '"' + token.replace('"', '""') + '"'

    parts = []
    for group in groups:
        options = []
        for alternative in group.alternatives:
            options.append(
                " AND ".join(quote(t) for t in alternative) if len(alternative) > 1 else quote(alternative[0])
            )
            if len(alternative) > 1:
                options[-1] = f"({options[-1]})"
        options.extend(f"{quote(p)}*" for p in group.prefixes)
        parts.append("(" + " OR ".join(options) + ")")
    return " AND ".join(parts)


def _lexeme(token):
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _tsquery_expression(groups):
    parts = []
    for group in groups:
        options = []
        for alternative in group.alternatives:
            joined = " & ".join(_lexeme(t) for t in alternative)
            options.append(f"({joined})" if len(alternative) > 1 else joined)
        options.extend(f"{_lexeme(p)}:*" for p in group.prefixes)
        parts.append("(" + " | ".join(options) + ")")
    return " & ".join(parts)


def _tsvector_literal(tokens):
    """A tsvector written out lexeme by lexeme (no text parser, so no locale can split Chinese)."""
    positions = {}
    position = 0
    for field_name, weight in (("title", "A"), ("terms", "B"), ("body", "C")):
        for token in tokens[field_name].split():
            position = min(position + 1, 16383)
            positions.setdefault(token, []).append(f"{position}{weight}")
    return " ".join(f"{_lexeme(token)}:{','.join(places[:256])}" for token, places in positions.items())


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
        if isinstance(value, str):
            import json

            return json.loads(value)
        return value or []

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


def _date_bucket_keys():
    """(start date, key) of the disjoint date buckets, newest first."""
    return [(date_bounds(key)[0], key) for key, (_label, days) in DATE_RANGES.items() if days]


def _date_bucket(day, keys):
    for start, key in keys:
        if day >= start:
            return key
    return "older"


def _cumulative_dates(counts):
    """Date buckets counted disjointly, reported as the overlapping ranges the filter applies."""
    found, running = {}, 0
    for key in DATE_RANGES:
        if key == "older":
            found[key] = counts.get(key, 0)
        else:
            running += counts.get(key, 0)
            found[key] = running
    return {key: n for key, n in found.items() if n}


def _price_bucket(price, keys):
    for key in keys:
        low, high = price_bounds(key)
        if (low is None or price >= low) and (high is None or price < high):
            return key
    return None


class EmbeddedBackend:
    """Searches the platform's own database; always available."""

    name = "embedded"

    def health(self):
        from .models import SearchEntry

        return {"ok": True, "backend": self.name, "documents": SearchEntry.objects.count()}

    @property
    def vendor(self):
        return connection.vendor

    # Writing -----------------------------------------------------------------
    def index(self, docs):
        """Replaces the entries of these documents (delete, then insert in bulk)."""
        from .models import SearchEntry

        docs = list({doc.uid: doc for doc in docs}.values())
        if not docs:
            return
        with transaction.atomic():
            by_type = {}
            for doc in docs:
                by_type.setdefault(doc.type, []).append(doc.id)
            for doc_type, ids in by_type.items():
                self.delete(doc_type, ids)
            analysed = [(doc, doc.tokens()) for doc in docs]
            entries = SearchEntry.objects.bulk_create([self._entry(doc, tokens) for doc, tokens in analysed])
            self._write_fulltext([(entry.pk, tokens) for entry, (_doc, tokens) in zip(entries, analysed, strict=True)])

    @staticmethod
    def _entry(doc, tokens):
        from .models import SearchEntry

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
        )

    def _write_fulltext(self, rows):
        with connection.cursor() as cursor:
            if self.vendor == "sqlite":
                cursor.executemany(
                    "INSERT INTO search_fts (rowid, title, body, terms) VALUES (%s, %s, %s, %s)",
                    [(pk, tokens["title"], tokens["body"], tokens["terms"]) for pk, tokens in rows],
                )
            elif self.vendor == "postgresql":
                cursor.executemany(
                    "UPDATE search_searchentry SET vector = %s::tsvector WHERE id = %s",
                    [(_tsvector_literal(tokens), pk) for pk, tokens in rows],
                )

    def delete(self, doc_type, object_ids):
        from .models import SearchEntry

        object_ids = [str(pk) for pk in object_ids]
        with transaction.atomic():
            for start in range(0, len(object_ids), 500):
                entries = SearchEntry.objects.filter(doc_type=doc_type, object_id__in=object_ids[start : start + 500])
                pks = list(entries.values_list("pk", flat=True))
                if pks and self.vendor == "sqlite":
                    with connection.cursor() as cursor:
                        placeholders = ", ".join(["%s"] * len(pks))
                        cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({placeholders})", pks)
                SearchEntry.objects.filter(pk__in=pks).delete()

    def rebuild(self, doc_type, docs, progress=None, chunk_size=500):
        """Replaces every document of a type, in one transaction: searches never see a partial set."""
        from .models import SearchEntry

        count = 0
        with transaction.atomic():
            self.delete(doc_type, SearchEntry.objects.filter(doc_type=doc_type).values_list("object_id", flat=True))
            chunk = []
            for doc in docs:
                chunk.append(doc)
                if len(chunk) >= chunk_size:
                    self.index(chunk)
                    count += len(chunk)
                    chunk = []
                    if progress:
                        progress(count)
            self.index(chunk)
            count += len(chunk)
            if progress:
                progress(count)
        return count

    def refresh(self):
        """Writes are visible at once in the database."""

    def object_ids(self, doc_type):
        from .models import SearchEntry

        return set(SearchEntry.objects.filter(doc_type=doc_type).values_list("object_id", flat=True))

    def counts(self):
        from django.db.models import Count

        from .models import SearchEntry

        return dict(SearchEntry.objects.values_list("doc_type").annotate(n=Count("id")).values_list("doc_type", "n"))

    # Reading -----------------------------------------------------------------
    def _match(self, groups):
        """(SQL selecting id and score of matching entries, SQL selecting only their ids, params), or None
        to match everything. Counting and facets use the second: ranking every match once is enough."""
        if not groups:
            return None
        if self.vendor == "sqlite":
            weights = ", ".join(str(WEIGHTS[f]) for f in ("title", "body", "terms"))
            return (
                f"SELECT rowid AS id, -bm25(search_fts, {weights}) AS score FROM search_fts WHERE search_fts MATCH %s",
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s",
                [_fts5_expression(groups)],
            )
        if self.vendor == "postgresql":
            return (
                "SELECT id, ts_rank('{0.1, 0.1, 0.5, 1.0}', vector, q, 1) AS score "
                "FROM search_searchentry, CAST(%s AS tsquery) AS q WHERE vector @@ q",
                "SELECT id FROM search_searchentry WHERE vector @@ CAST(%s AS tsquery)",
                [_tsquery_expression(groups)],
            )
        raise ImproperlyConfigured(
            f"The embedded search backend needs SQLite (FTS5) or PostgreSQL, not {self.vendor}; "
            "set ELASTICSEARCH_URL or use one of those databases."
        )

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

    def _candidates(self, query, groups):
        """Every visible match as a narrow row, with its rank: one pass over the full-text index."""
        needed = ORDER_COLUMNS.get(query.effective_sort, ())
        ordering = ", ".join(f"e.{name}" if name in needed else "NULL" for name in ("rank", "title", "moment"))
        columns = (
            f"e.doc_type, e.category, e.district, e.status, e.date, e.price_min, e.price_max, e.expires, {ordering}"
        )
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
        if rows and self.vendor == "sqlite":  # SQLite returns dates as text
            rows = [(*row[:6], _as_date(row[6]), row[7], row[8], _as_date(row[9]), *row[10:]) for row in rows]
        return rows

    def search(self, query, groups):
        """Matching and ranking happen in the database; the filters, facet counts and order are then worked
        out from the matches' narrow rows, so the full-text index is read once per search."""
        rows = self._candidates(query, groups)
        predicates = self._predicates(query)
        date_keys, price_keys = _date_bucket_keys(), list(PRICE_RANGES)
        facets = {}
        for facet in FACET_POSITIONS:
            others = [test for name, test in predicates.items() if name != facet]
            counted = [row for row in rows if all(test(row) for test in others)] if others else rows
            if facet in TERM_FACETS:
                position = FACET_POSITIONS[facet]
                facets[facet] = dict(Counter(row[position] for row in counted if row[position]))
            elif facet == "date":
                buckets = Counter(_date_bucket(row[6], date_keys) for row in counted if row[6] is not None)
                facets[facet] = _cumulative_dates(buckets)
            else:
                buckets = Counter(_price_bucket(row[7], price_keys) for row in counted if row[7] is not None)
                facets[facet] = {key: n for key, n in buckets.items() if key}
        selected = [row for row in rows if all(test(row) for test in predicates.values())] if predicates else rows
        _order(selected, query.effective_sort)
        page = selected[query.offset : query.offset + query.per_page]
        docs = self._documents([row[0] for row in page])
        return BackendResult(
            total=len(selected), docs=[(docs[row[0]], row[1]) for row in page if row[0] in docs], facets=facets
        )

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
        from .models import SearchEntry

        found = Counter()
        entries = SearchEntry.objects.filter(suggest__contains=f"\n{prefix}").values_list("suggest", flat=True)[:200]
        for suggest in entries:
            for term in suggest.split("\n"):
                if term.startswith(prefix):
                    found[term] += 1
        return found

    def vocabulary(self):
        from .models import SearchEntry

        words = Counter()
        for title, terms in SearchEntry.objects.values_list("title_tokens", "terms_tokens").iterator(chunk_size=2000):
            words.update({w for w in f"{title} {terms}".split() if len(w) > 1 and not w.isdigit()})
        return words


# ------------------------------------------------------------------------------
# Elasticsearch: one versioned index per type behind an alias
# ------------------------------------------------------------------------------
def _source(doc):
    return IndexedDocument.source(doc)


def analysed_sources(docs, batch_size=1000, workers=None):
    """Elasticsearch sources of `docs`, in order. Analysis (jieba, in Python) is what a rebuild spends
    its time on, so a rebuild larger than one batch analyses in worker processes, one batch ahead of the
    bulk requests: the documents are still read in this process (its database connection and transaction),
    only the text work moves. Small rebuilds, and `SEARCH_ANALYSIS_WORKERS = 1`, stay in this process."""
    workers = workers or settings.SEARCH_ANALYSIS_WORKERS
    batches = _batches(docs, batch_size)
    head = list(itertools.islice(batches, 2))
    if workers <= 1 or len(head) < 2:
        for batch in itertools.chain(head, batches):
            yield from map(_source, batch)
        return
    import multiprocessing

    # fork: workers inherit the loaded dictionary; they touch no database connection.
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        chunk = max(1, batch_size // (workers * 4))
        pending = pool.map_async(_source, head[0], chunksize=chunk)
        for batch in itertools.chain(head[1:], batches):
            following = pool.map_async(_source, batch, chunksize=chunk)
            yield from pending.get()
            pending = following
        yield from pending.get()


def _batches(items, size):
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _es_errors():
    from elasticsearch import ApiError, TransportError

    return (TransportError, ApiError, ConnectionError, OSError)


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, url, prefix=None, refresh=False):
        from elasticsearch import Elasticsearch

        self.url = url
        self.prefix = prefix or settings.SEARCH_INDEX_PREFIX
        # Tests ask for every write to be visible at once; production relies on the refresh interval.
        self.refresh_on_write = refresh
        self.client = Elasticsearch(url, request_timeout=10, max_retries=0)
        # Aliases known to exist with the current mapping in this process.
        self._ready = set()

    def health(self):
        info = self.client.cluster.health()
        # The version comes from the nodes API: some distributions answer GET / with 405.
        nodes = self.client.nodes.info(filter_path="nodes.*.version")["nodes"]
        return {
            "ok": info["status"] in ("green", "yellow"),
            "backend": self.name,
            "cluster_status": info["status"],
            "version": next(iter(nodes.values()))["version"] if nodes else None,
        }

    # Names -------------------------------------------------------------------
    def alias(self, doc_type):
        return f"{self.prefix}_search_{doc_type}"

    def new_index_name(self, doc_type):
        return f"{self.prefix}_index_{doc_type}_{time.strftime('%Y%m%d%H%M%S')}_{time.time_ns() % 1_000_000:06d}"

    @property
    def search_pattern(self):
        """Matches the aliases only: an index being rebuilt is never searched before it is swapped in."""
        return f"{self.prefix}_search_*"

    def _create_index(self, name, loading=False):
        settings_ = {"number_of_shards": 1, "number_of_replicas": 0}
        if loading:
            settings_["refresh_interval"] = "-1"
        self.client.indices.create(
            index=name,
            settings=settings_,
            mappings=IndexedDocument._doc_type.mapping.to_dict(),
        )

    def ensure_index(self, doc_type):
        """The type's alias, created with its index if missing. An index made by an older version gets the
        fields added since (adding fields is allowed in place; their values arrive with `search_reindex`)."""
        alias = self.alias(doc_type)
        if alias in self._ready:
            return alias
        if self.client.indices.exists_alias(name=alias):
            self.client.indices.put_mapping(index=alias, **IndexedDocument._doc_type.mapping.to_dict())
        else:
            name = self.new_index_name(doc_type)
            self._create_index(name)
            self.client.indices.put_alias(index=name, name=alias)
        self._ready.add(alias)
        return alias

    def indices_of(self, doc_type):
        alias = self.alias(doc_type)
        if not self.client.indices.exists_alias(name=alias):
            return []
        return list(self.client.indices.get_alias(name=alias))

    # Writing -----------------------------------------------------------------
    def _actions(self, docs, index_for):
        for doc in docs:
            yield {"_op_type": "index", "_index": index_for(doc.type), "_id": doc.uid, **IndexedDocument.source(doc)}

    def index(self, docs):
        from elasticsearch import helpers

        docs = list(docs)
        if not docs:
            return
        aliases = {doc_type: self.ensure_index(doc_type) for doc_type in {d.type for d in docs}}
        helpers.bulk(
            self.client,
            self._actions(docs, aliases.__getitem__),
            refresh="wait_for" if self.refresh_on_write else False,
            chunk_size=500,
        )

    def delete(self, doc_type, object_ids):
        from elasticsearch import helpers

        object_ids = [str(pk) for pk in object_ids]
        if not object_ids or not self.client.indices.exists_alias(name=self.alias(doc_type)):
            return
        actions = (
            {"_op_type": "delete", "_index": self.alias(doc_type), "_id": f"{doc_type}:{pk}"} for pk in object_ids
        )
        # A document already gone is fine: the result is the same.
        helpers.bulk(
            self.client,
            actions,
            raise_on_error=False,
            refresh="wait_for" if self.refresh_on_write else False,
        )

    def _rebuild_actions(self, docs, name, batch_size):
        for source in analysed_sources(docs, batch_size=batch_size):
            yield {"_op_type": "index", "_index": name, "_id": source["uid"], **source}

    def rebuild(self, doc_type, docs, progress=None, chunk_size=1000, tokens=None):
        """Builds a new index with bulk requests, then swaps the alias in one step and drops the old index:
        searches see the old documents until the new index is complete."""
        from elasticsearch import helpers

        name = self.new_index_name(doc_type)
        self._create_index(name, loading=True)
        count = 0
        try:
            for _ok, _item in helpers.streaming_bulk(
                self.client, self._rebuild_actions(docs, name, chunk_size), chunk_size=chunk_size, raise_on_error=True
            ):
                count += 1
                if progress and count % chunk_size == 0:
                    progress(count)
            self.client.indices.put_settings(index=name, settings={"refresh_interval": None})
            self.client.indices.refresh(index=name)
        except Exception:
            self.client.indices.delete(index=name, ignore_unavailable=True)
            raise
        if progress:
            progress(count)
        alias = self.alias(doc_type)
        old = self.indices_of(doc_type)
        actions = [{"remove": {"index": index, "alias": alias}} for index in old]
        actions.append({"add": {"index": name, "alias": alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            self.client.indices.delete(index=index, ignore_unavailable=True)
        return count

    def refresh(self):
        self.client.indices.refresh(index=self.search_pattern, allow_no_indices=True, ignore_unavailable=True)

    def object_ids(self, doc_type):
        from elasticsearch import helpers

        if not self.client.indices.exists_alias(name=self.alias(doc_type)):
            return set()
        return {
            hit["_source"]["object_id"]
            for hit in helpers.scan(
                self.client, index=self.alias(doc_type), query={"query": {"match_all": {}}}, _source=["object_id"]
            )
        }

    def counts(self):
        response = self.client.search(
            index=self.search_pattern,
            size=0,
            aggs={"types": {"terms": {"field": "doc_type", "size": 100}}},
            ignore_unavailable=True,
            allow_no_indices=True,
        )
        # With no index at all, the answer has no aggregations.
        buckets = response.get("aggregations", {}).get("types", {}).get("buckets", [])
        return {b["key"]: b["doc_count"] for b in buckets}

    def delete_all_indices(self):
        """Removes every index under this backend's prefix (tests, and a full reset)."""
        self._ready.clear()
        for pattern in (f"{self.prefix}_index_*", f"{self.prefix}_search_*"):
            found = self.client.indices.get(index=pattern, ignore_unavailable=True, allow_no_indices=True)
            for name in found:
                self.client.indices.delete(index=name, ignore_unavailable=True)

    # Reading -----------------------------------------------------------------
    @staticmethod
    def _token_clause(token, prefix=False):
        kind = "prefix" if prefix else "term"
        return {
            "bool": {
                "should": [
                    {kind: {f"{field}_tokens": {"value": token, "boost": weight}}} for field, weight in WEIGHTS.items()
                ],
                "minimum_should_match": 1,
            }
        }

    def _text_query(self, groups):
        if not groups:
            return {"match_all": {}}
        musts = []
        for group in groups:
            options = []
            for alternative in group.alternatives:
                if len(alternative) == 1:
                    options.append(self._token_clause(alternative[0]))
                else:
                    options.append({"bool": {"must": [self._token_clause(t) for t in alternative]}})
            options.extend(self._token_clause(p, prefix=True) for p in group.prefixes)
            musts.append({"bool": {"should": options, "minimum_should_match": 1}})
        return {"bool": {"must": musts}}

    def _filters(self, query):
        filters = {}
        for facet, values in query.term_filters().items():
            if values:
                filters[facet] = {"terms": {TERM_FACETS[facet]: list(values)}}
        if query.date_range:
            start, before = date_bounds(query.date_range)
            filters["date"] = {"range": {"date": {"gte": start.isoformat()} if start else {"lt": before.isoformat()}}}
        if query.price_range:
            low, high = price_bounds(query.price_range)
            bounds = {}
            if low is not None:
                bounds["gte"] = low
            if high is not None:
                bounds["lt"] = high
            filters["price"] = {"range": {"price_min": bounds}}
        return filters, self._scope_filters(query)

    @staticmethod
    def _scope_filters(query):
        """The query's fixed scope and listing filters, applied to the results and every facet alike."""
        day = today().isoformat()
        scope = [
            {
                "bool": {
                    "should": [
                        {"bool": {"must_not": {"exists": {"field": "expires"}}}},
                        {"range": {"expires": {"gte": day}}},
                    ],
                    "minimum_should_match": 1,
                }
            }
        ]
        if query.scope:
            scope.append({"terms": {"doc_type": list(query.scope)}})
        scope.extend({"terms": {"tags": sorted(accepted)}} for accepted in query.required_tags())
        dates = {}
        if query.date_from:
            dates["gte"] = query.date_from.isoformat()
        if query.date_before:
            dates["lt"] = query.date_before.isoformat()
        if dates:
            scope.append({"range": {"date": dates}})
        if query.price_from is not None:
            scope.append(
                {
                    "bool": {
                        "should": [
                            {"range": {"price_max": {"gte": query.price_from}}},
                            {
                                "bool": {
                                    "must_not": {"exists": {"field": "price_max"}},
                                    "filter": {"range": {"price_min": {"gte": query.price_from}}},
                                }
                            },
                        ],
                        "minimum_should_match": 1,
                    }
                }
            )
        if query.price_to is not None:
            scope.append({"range": {"price_min": {"lte": query.price_to}}})
        if query.min_rank is not None:
            scope.append({"range": {"rank": {"gte": query.min_rank}}})
        return scope

    def _aggregations(self):
        aggs = {facet: {"terms": {"field": field, "size": 50}} for facet, field in TERM_FACETS.items()}
        day = today()
        ranges = [
            {"key": "older", "to": (day - timedelta(days=1) * 365).isoformat()},
            *(
                {"key": key, "from": (day - timedelta(days=1) * days).isoformat()}
                for key, (_l, days) in DATE_RANGES.items()
                if days
            ),
        ]
        aggs["date"] = {"date_range": {"field": "date", "format": "yyyy-MM-dd", "ranges": ranges}}
        price_ranges = []
        for key, (_label, low, high) in PRICE_RANGES.items():
            bucket = {"key": key}
            if low is not None:
                bucket["from"] = low
            if high is not None:
                bucket["to"] = high
            price_ranges.append(bucket)
        aggs["price"] = {"range": {"field": "price_min", "ranges": price_ranges}}
        return aggs

    def search_body(self, query, groups):
        filters, scope = self._filters(query)
        sort = {
            "relevance": ["_score", {"date": {"order": "desc", "missing": "_last"}}, {"uid": "asc"}],
            "newest": [
                {"date": {"order": "desc", "missing": "_last"}},
                {"moment": {"order": "desc", "missing": "_last"}},
                {"uid": "desc"},
            ],
            "price_asc": [{"price_min": {"order": "asc", "missing": "_last"}}, {"uid": "asc"}],
            "price_desc": [{"price_max": {"order": "desc", "missing": "_last"}}, {"uid": "asc"}],
            "date_asc": [
                {"date": {"order": "asc", "missing": "_last"}},
                {"moment": {"order": "asc", "missing": "_last"}},
                {"uid": "asc"},
            ],
            "expiring": [
                {"expires": {"order": "asc", "missing": "_last"}},
                {"date": {"order": "desc", "missing": "_last"}},
                {"uid": "desc"},
            ],
            "rank": [{"rank": {"order": "desc", "missing": "_last"}}, {"title_sort": "asc"}, {"uid": "asc"}],
            "title": [{"title_sort": "asc"}, {"uid": "asc"}],
        }[query.effective_sort]
        aggs = {}
        for facet, agg in self._aggregations().items():
            others = [f for name, f in filters.items() if name != facet]
            aggs[facet] = {"filter": {"bool": {"filter": others}}, "aggs": {"values": agg}}
        return {
            "query": {"bool": {"must": self._text_query(groups), "filter": scope}},
            "post_filter": {"bool": {"filter": list(filters.values())}},
            "aggs": aggs,
            "sort": sort,
            "from": query.offset,
            "size": query.per_page,
            "track_total_hits": True,
            "_source": {"excludes": ["*_tokens", "suggest", "vocabulary"]},
        }

    def indices_for(self, query):
        """The aliases a query reads: its scope's types only, or every type."""
        return ",".join(self.alias(t) for t in query.scope) if query.scope else self.search_pattern

    def search(self, query, groups):
        try:
            response = self.client.search(
                index=self.indices_for(query),
                ignore_unavailable=True,
                allow_no_indices=True,
                **self.search_body(query, groups),
            )
        except _es_errors() as error:
            raise SearchUnavailable(str(error)) from error
        docs = [(doc_from_source(hit["_source"]), hit.get("_score") or 0.0) for hit in response["hits"]["hits"]]
        facets = {}
        for facet, result in response.get("aggregations", {}).items():
            buckets = result["values"]["buckets"]
            facets[facet] = {b["key"]: b["doc_count"] for b in buckets if b["doc_count"]}
        return BackendResult(total=response["hits"]["total"]["value"], docs=docs, facets=facets)

    def suggest(self, prefix, limit=8):
        try:
            response = self.client.search(
                index=self.search_pattern,
                ignore_unavailable=True,
                allow_no_indices=True,
                query={"prefix": {"suggest": prefix}},
                size=200,
                _source=["suggest"],
            )
        except _es_errors() as error:
            raise SearchUnavailable(str(error)) from error
        found = Counter()
        for hit in response["hits"]["hits"]:
            for term in hit["_source"].get("suggest", []):
                if term.startswith(prefix):
                    found[term] += 1
        return found

    def vocabulary(self):
        try:
            response = self.client.search(
                index=self.search_pattern,
                ignore_unavailable=True,
                allow_no_indices=True,
                size=0,
                aggs={"words": {"terms": {"field": "vocabulary", "size": 20000}}},
            )
        except _es_errors() as error:
            raise SearchUnavailable(str(error)) from error
        buckets = response.get("aggregations", {}).get("words", {}).get("buckets", [])
        return Counter({b["key"]: b["doc_count"] for b in buckets})


@cache
def embedded_backend():
    return EmbeddedBackend()


@cache
def _elasticsearch_backend(url, prefix, refresh):
    return ElasticsearchBackend(url, prefix=prefix, refresh=refresh)


def get_search_backend():
    """The primary backend, as the settings say (read on every call, so tests can switch it)."""
    if settings.ELASTICSEARCH_URL:
        return _elasticsearch_backend(
            settings.ELASTICSEARCH_URL,
            settings.SEARCH_INDEX_PREFIX,
            getattr(settings, "SEARCH_REFRESH_ON_WRITE", False),
        )
    return embedded_backend()


def write_backends():
    """Where index updates go: the embedded backend always, Elasticsearch too when configured."""
    primary = get_search_backend()
    return [embedded_backend()] if primary.name == "embedded" else [embedded_backend(), primary]
