"""Request limits of the API, counted in the Django cache (Redis in production): anonymous requests per
client address, read with the platform's trusted-proxy rule (`core.network.client_ip`), and keyed
requests per key, with a higher limit. An exceeded limit answers 429 with Retry-After (REST framework)."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from core.network import client_ip


class AnonymousAddressThrottle(SimpleRateThrottle):
    scope = "api_anonymous"

    def get_rate(self):
        return settings.API_ANONYMOUS_RATE

    def get_cache_key(self, request, view):
        if request.auth is not None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request) or "unknown"}


class APIKeyThrottle(SimpleRateThrottle):
    scope = "api_key"

    def get_rate(self):
        return settings.API_KEY_RATE

    def get_cache_key(self, request, view):
        if request.auth is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
