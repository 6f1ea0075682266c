"""Facet buckets counted in Python, from the embedded backend's candidate rows: the disjoint date buckets
reported as the overlapping ranges the filter applies (search.query.DATE_RANGES), and price buckets
(search.query.PRICE_RANGES). Elasticsearch counts the same buckets with its own aggregations."""

from ..query import DATE_RANGES, date_bounds, price_bounds


def date_bucket_keys():
    """(start date, key) of the disjoint date buckets, newest first."""
    return [(date_bounds(key)[0], key) for key, (_label, days) in DATE_RANGES.items() if days]


def date_bucket(day, keys):
    for start, key in keys:
        if day >= start:
            return key
    return "older"


def cumulative_dates(counts):
    """Date buckets counted disjointly, reported as the overlapping ranges the filter applies."""
    found, running = {}, 0
    for key in DATE_RANGES:
        if key == "older":
            found[key] = counts.get(key, 0)
        else:
            running += counts.get(key, 0)
            found[key] = running
    return {key: n for key, n in found.items() if n}


def price_bucket(price, keys):
    for key in keys:
        low, high = price_bounds(key)
        if (low is None or price >= low) and (high is None or price < high):
            return key
    return None
