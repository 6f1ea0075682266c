"""Fixed-window counters per client address (`core.network.client_ip`), kept in the cache (Redis in production)."""

from django.core.cache import cache

from core.network import client_ip

WINDOW_SECONDS = 3600


def client_address(request):
    """The address the counters are kept for; requests without one share a bucket."""
    return client_ip(request) or "unknown"


def _key(scope, address):
    return f"rights:{scope}:{address}"


def is_exhausted(scope, address, limit):
    return cache.get(_key(scope, address), 0) >= limit


def count(scope, address):
    key = _key(scope, address)
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:
        # The window expired between add and incr: start a new one.
        cache.set(key, 1, WINDOW_SECONDS)
        return 1
