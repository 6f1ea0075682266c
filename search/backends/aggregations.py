"""Aggregations (search.query.Terms, Years) counted in Python from the embedded backend's matching rows,
as its facets are: the database selects the matches once, with their dates and tags, and the counting
runs over those narrow rows. Elasticsearch counts the same buckets with its own aggregations."""

import re
from collections import defaultdict

from ..query import Bucket, Terms, Years


def tag_values(tags):
    """{key: [values]} of an entry's stored tags ("\\nkey:value\\n…")."""
    found = defaultdict(list)
    for tag in tags.split("\n"):
        key, sep, value = tag.partition(":")
        if sep:
            found[key].append(value)
    return found


def _keys(aggregation, day, tags):
    if isinstance(aggregation, Years):
        return [day.year] if day is not None else []
    values = tags.get(aggregation.key, ())
    if aggregation.values:
        wanted = set(aggregation.values)
        return [value for value in values if value in wanted]
    if aggregation.include:
        pattern = re.compile(aggregation.include)
        return [value for value in values if pattern.fullmatch(value)]
    return list(values)


def count(rows, aggregations):
    """{name: [Bucket]} of (date, tags) rows."""
    return {aggregation.name: _buckets(rows, aggregation) for aggregation in aggregations}


def _buckets(rows, aggregation):
    members = defaultdict(list)
    for row in rows:
        for key in dict.fromkeys(_keys(aggregation, *row)):
            members[key].append(row)
    buckets = [Bucket(key, len(found), count(found, aggregation.sub)) for key, found in members.items()]
    if isinstance(aggregation, Terms):
        buckets.sort(key=lambda bucket: (-bucket.count, bucket.key))
        return buckets[: aggregation.size]
    return sorted(buckets, key=lambda bucket: bucket.key)
