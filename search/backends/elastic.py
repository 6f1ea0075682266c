"""The Elasticsearch backend: one versioned index per type behind an alias; a rebuild fills a new index
and swaps the alias, so searches never see a partial set."""

import time
from collections import Counter
from datetime import timedelta

from django.conf import settings

from ..analysis import analysed
from ..documents import IndexedDocument, doc_from_source
from ..query import (
    DATE_RANGES,
    PRICE_RANGES,
    TERM_FACETS,
    AggregationResult,
    BackendResult,
    Bucket,
    Terms,
    date_bounds,
    price_bounds,
    today,
)
from .base import WEIGHTS, SearchUnavailable

# Searches sent in one multi-search request when many are matched at once (saved searches): enough to
# spare a round trip per search, few enough that one request stays a few megabytes.
MSEARCH_BATCH = 200


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
        # Several nodes may be named, comma-separated: a request a stopped node refuses goes to the next.
        hosts = [host.strip() for host in url.split(",") if host.strip()]
        self.client = Elasticsearch(hosts, request_timeout=settings.SEARCH_REQUEST_TIMEOUT, max_retries=len(hosts) - 1)
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
        settings_ = {
            "number_of_shards": settings.SEARCH_INDEX_SHARDS,
            "number_of_replicas": settings.SEARCH_INDEX_REPLICAS,
        }
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
    def _actions(self, docs, index_for, tokens):
        for doc in docs:
            source = IndexedDocument.source(doc, tokens.get(doc.uid))
            yield {"_op_type": "index", "_index": index_for(doc.type), "_id": doc.uid, **source}

    def index(self, docs, tokens=None):
        """Indexes these documents; `tokens` ({uid: tokens}) gives text already analysed."""
        from elasticsearch import helpers

        docs = list(docs)
        if not docs:
            return
        aliases = {doc_type: self.ensure_index(doc_type) for doc_type in {d.type for d in docs}}
        helpers.bulk(
            self.client,
            self._actions(docs, aliases.__getitem__, tokens or {}),
            refresh=self.refresh_on_write,
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
            refresh=self.refresh_on_write,
        )

    def _rebuild_actions(self, docs, name, batch_size, kept):
        for doc, tokens in analysed(docs, batch_size=batch_size, kept=kept):
            yield {"_op_type": "index", "_index": name, "_id": doc.uid, **IndexedDocument.source(doc, tokens)}

    def rebuild(self, doc_type, docs, progress=None, chunk_size=1000, kept=None):
        """Builds a new index with bulk requests, then swaps the alias in one step and drops the old index:
        searches see the old documents until the new index is complete. `kept(batch)` gives the analysed
        text kept for a batch's unchanged documents (the embedded backend's `kept_tokens`); the rest are
        analysed (search.analysis)."""
        from elasticsearch import helpers

        name = self.new_index_name(doc_type)
        self._create_index(name, loading=True)
        count = 0
        try:
            actions = self._rebuild_actions(docs, name, chunk_size, kept)
            for _ok, _item in helpers.streaming_bulk(self.client, actions, chunk_size=chunk_size, raise_on_error=True):
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
        if query.within is not None:
            scope.append({"terms": {"uid": [str(uid) for uid in query.within]}})
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

    def match_body(self, query, groups):
        """What `search_body` asks, reduced to which documents match: every filter (the facets' too), no
        facet counts, no scores, no order, no source (the hit's `_id` is the document's uid)."""
        filters, scope = self._filters(query)
        return {
            "query": {"bool": {"must": self._text_query(groups), "filter": [*scope, *filters.values()]}},
            "size": len(query.within) if query.within is not None else query.per_page,
            "sort": ["_doc"],
            "track_total_hits": False,
            "_source": False,
        }

    def match_requests(self, searches, batch_size=None):
        """The multi-search requests (lists of header and body lines) matching `searches` takes."""
        batch_size = batch_size or MSEARCH_BATCH
        lines = []
        for query, groups in searches:
            lines.append({"index": self.indices_for(query), "ignore_unavailable": True, "allow_no_indices": True})
            lines.append(self.match_body(query, groups))
        step = 2 * batch_size
        return [lines[start : start + step] for start in range(0, len(lines), step)]

    def match_many(self, searches):
        """For each (query, groups) of `searches`, the set of uids it matches, through multi-search."""
        found = []
        try:
            for request in self.match_requests(searches):
                for answer in self.client.msearch(searches=request)["responses"]:
                    if "error" in answer:
                        raise SearchUnavailable(str(answer["error"]))
                    found.append({hit["_id"] for hit in answer["hits"]["hits"]})
        except _es_errors() as error:
            raise SearchUnavailable(str(error)) from error
        return found

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

    @classmethod
    def _aggregation_body(cls, aggregation):
        """The Elasticsearch aggregation of a search.query.Terms or Years, with its sub-aggregations."""
        if isinstance(aggregation, Terms):
            prefix = f"{aggregation.key}:"
            if aggregation.values:
                include = [prefix + str(value) for value in aggregation.values]
            else:
                include = prefix + (aggregation.include or ".*")
            body = {
                "terms": {
                    "field": "tags",
                    "size": aggregation.size,
                    "include": include,
                    "order": [{"_count": "desc"}, {"_key": "asc"}],
                }
            }
        else:
            body = {
                "date_histogram": {"field": "date", "calendar_interval": "year", "format": "yyyy", "min_doc_count": 1}
            }
        if aggregation.sub:
            body["aggs"] = {sub.name: cls._aggregation_body(sub) for sub in aggregation.sub}
        return body

    @classmethod
    def _buckets(cls, aggregation, answer):
        found = []
        for bucket in answer["buckets"]:
            if isinstance(aggregation, Terms):
                key = bucket["key"].partition(":")[2]
            else:
                key = int(bucket["key_as_string"])
            sub = {s.name: cls._buckets(s, bucket[s.name]) for s in aggregation.sub}
            found.append(Bucket(key, bucket["doc_count"], sub))
        return found

    def aggregation_body(self, query, groups, aggregations):
        """The request counting `aggregations` over every match of `query` (facet choices included)."""
        filters, scope = self._filters(query)
        return {
            "query": {"bool": {"must": self._text_query(groups), "filter": [*scope, *filters.values()]}},
            "aggs": {aggregation.name: self._aggregation_body(aggregation) for aggregation in aggregations},
            "size": 0,
            "track_total_hits": True,
        }

    def aggregate(self, query, groups, aggregations):
        try:
            response = self.client.search(
                index=self.indices_for(query),
                ignore_unavailable=True,
                allow_no_indices=True,
                **self.aggregation_body(query, groups, aggregations),
            )
        except _es_errors() as error:
            raise SearchUnavailable(str(error)) from error
        answers = response.get("aggregations", {})
        # With no index at all, the answer has no aggregations.
        buckets = {
            aggregation.name: self._buckets(aggregation, answers[aggregation.name])
            if aggregation.name in answers
            else []
            for aggregation in aggregations
        }
        return AggregationResult(total=response["hits"]["total"]["value"], buckets=buckets)

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
