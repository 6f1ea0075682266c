"""API keys on requests: `Authorization: Api-Key <key>` or `X-API-Key: <key>`.

A key only raises the request limit (`api.throttling`): the request stays anonymous (`request.user` is
an anonymous user) and `request.auth` is the key, so nothing a key's owner could see when logged in to
the site is ever served through the API. A wrong or revoked key is refused with 401, not silently
treated as anonymous, so a client learns at once that its key no longer works."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed

from . import keys

SCHEME = "Api-Key"


def presented_key(request):
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _space, value = header.partition(" ")
    if scheme.lower() == SCHEME.lower():
        return value.strip()
    return request.META.get("HTTP_X_API_KEY", "").strip() or None


class APIKeyAuthentication(BaseAuthentication):
    def authenticate(self, request):
        raw = presented_key(request)
        if raw is None:
            return None
        key = keys.active_key(raw)
        if key is None:
            raise AuthenticationFailed(_("接口密钥无效或已吊销。"))
        keys.record_use(key)
        return AnonymousUser(), key

    def authenticate_header(self, request):
        return SCHEME


class APIKeyScheme(OpenApiAuthenticationExtension):
    target_class = APIKeyAuthentication
    name = "apiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "X-API-Key",
            "description": str(_("可选。在账户页面创建的接口密钥，使用更高的请求限额。")),
        }
