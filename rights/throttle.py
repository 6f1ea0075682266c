"""Fixed-window counters per client address, kept in the cache (Redis in production)."""

from django.core.cache import cache

WINDOW_SECONDS = 3600


def client_address(request):
    # REMOTE_ADDR is the address the server saw; a proxy in front must set it (e.g. gunicorn's
    # --forwarded-allow-ips), never trust a header a visitor can forge.
    return request.META.get("REMOTE_ADDR") or "unknown"


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
