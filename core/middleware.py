from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.middleware.gzip import GZipMiddleware
from django.utils import translation
from django.utils.translation import gettext as _

from .translations import compact_languages
from .views import ROBOTS_DISALLOWED

PRIVATE_PATHS = (*ROBOTS_DISALLOWED, "/rights/report/submitted/")


class ChineseFirstLocaleMiddleware:
    """Serve Chinese unless the visitor chose another language with the language switch.

    Django's LocaleMiddleware also follows the browser's Accept-Language, which would show English to
    many visitors of a Chinese municipal platform; here only an explicit choice (the cookie) counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}
        # Each miss of a string would otherwise walk every app's catalogue (core.translations).
        compact_languages()

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        try:
            response = self.get_response(request)
        finally:
            # The thread serves other requests (and, in tests, runs other tests) next: leave no language behind.
            translation.deactivate()
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response


class AdminAccessMiddleware:
    """A logged-in person without admin access gets 403 from the Wagtail admin, not its log-in form.

    Wagtail would send them to /admin/login/, which reads as "log in again" to someone already logged in;
    anonymous visitors still get Wagtail's log-in page.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = "/admin/"

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith(self.prefix)
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            raise PermissionDenied(_("管理后台仅供平台工作人员使用。"))
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the Wagtail admin's own policy for paths under /admin/.

    The public site allows no inline script. The Wagtail admin still writes some inline scripts and
    style attributes of its own, so its pages get `CONTENT_SECURITY_POLICY_ADMIN_REPLACE` on top of the
    site's policy; a view that sets its own policy (django-csp's decorators) keeps it.
    """

    admin_prefix = "/admin/"

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.replace is None and request.path_info.startswith(self.admin_prefix):
            parts.replace = settings.CONTENT_SECURITY_POLICY_ADMIN_REPLACE
        return parts


class PublicGZipMiddleware(GZipMiddleware):
    """Compresses only what anyone may see: GET responses to visitors who are not signed in, outside the
    private areas that robots.txt keeps out.

    Compression next to a secret in the same response lets an attacker who can inject text guess the secret
    from the length (BREACH). Pages of a signed-in person hold their private data, and a few anonymous
    pages hold a secret of their own (the tracking secret shown after a report), so those go uncompressed.
    What is left carries only Django's CSRF token, which is masked afresh in every response, and Django
    pads every compressed response with random bytes ("Heal the Breach")."""

    def process_response(self, request, response):
        user = getattr(request, "user", None)
        if (
            request.method not in ("GET", "HEAD")
            or (user is not None and user.is_authenticated)
            or request.path.startswith(PRIVATE_PATHS)
        ):
            return response
        return super().process_response(request, response)


class NonAtomicReadsMiddleware:
    """Requests that only read run outside a transaction; the others stay in ATOMIC_REQUESTS' one.

    On SQLite every transaction begins IMMEDIATE (it takes the write lock at once, see the database
    settings), so wrapping page views in ATOMIC_REQUESTS' transaction would make every page wait for
    every other request of every gunicorn worker. For a safe method (GET, HEAD, OPTIONS) this calls the
    view itself, before Django wraps it in the transaction: Django then uses the response as the view's,
    renders it and runs the response middleware as usual, and an exception becomes the error page as
    usual. A POST goes on to Django's own atomic view, rolled back when it raises. Last in MIDDLEWARE, so
    every other view middleware (CSRF) has run; no middleware of ours needs `process_exception` for a
    safe request (allauth's handles its log-in flow's POSTs).
    """

    SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in self.SAFE_METHODS:
            return None
        return view_func(request, *view_args, **view_kwargs)
