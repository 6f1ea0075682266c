"""Anonymous pages kept whole in Django's cache, per language, until what they show changes.

Every public page reads from many apps (the navigation, the footer, headline figures, lists of postings,
courses and institutions), so instead of tracking which page shows which record, one *generation* names
the current state of everything public. A change to a record anyone may see replaces the generation
(`invalidate()`): every stored page, the navigation and the home page's figures then count as gone on
the very next request. Records nobody sees on a public page (orders, payments, messages, logs) are left
out, so a busy day of orders does not empty the cache.

Stored values carry the generation they were made in and are fetched together with the current one in
a single cache round trip (`get_many`), which also keeps a page's frame (`frame_value`) to one trip.
"""

import contextvars
import uuid

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.translation import get_language

# What the middleware fetched for the request being served, for code that has no request at hand.
_request_values = contextvars.ContextVar("pagecache_request_values", default=None)
_current_request = contextvars.ContextVar("pagecache_current_request", default=None)


def current_request():
    """The request being served in this thread, or None (a task, a command)."""
    return _current_request.get()


GENERATION_KEY = "pagecache:generation"
# The number changes with what a stored page holds, so pages stored by the code before are not served:
# since 2 a stored page carries its Content-Security-Policy (the policy's middleware sits inside this one).
PAGE_PREFIX = "pagecache:page:2:"
FRAME_PREFIX = "pagecache:frame:"
# django.contrib.messages' cookie storage: a visitor holding one is about to see a message.
MESSAGES_COOKIE_NAME = "messages"

# Apps whose records public pages show; new apps of ours count too (LOCAL_APPS).
PUBLIC_THIRD_PARTY_APPS = {"wagtailcore", "wagtailimages", "wagtaildocs", "taggit", "wagtailredirects"}
# Records of those apps that no public page shows, or that are written while pages are read.
PRIVATE_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailimages.rendition",
    "wagtailimages.uploadedfile",
    "core.submissionreceipt",
    "accounts.invitation",
    "payments.payment",
    "payments.refund",
    "payments.bankaccount",
    "payments.stripeevent",
    "rights.evidence",
    "rights.casenote",
    "rights.notification",
    "search.searchentry",
    "search.outboxentry",
    "services.inquiry",
    "services.inquirymessage",
    "services.invoice",
    "services.notification",
    "services.orderevent",
    "services.qualificationdocument",
    "listings.financingdocument",
    "listings.pledgeloan",
    "listings.loandocument",
    "targets.importbatch",
    "training.certificatesequence",
    "analysis.watch",
    "analysis.alert",
    "analysis.watchreport",
    "analysis.watchnotice",
    "analysis.portfoliocomparison",
}
# A log-in writes the user's last_login, which no page shows.
PRIVATE_FIELDS = {"last_login"}


def _new_generation():
    return uuid.uuid4().hex


def current_generation(values=None):
    """The generation named in `values` (a get_many result), else read; made anew if the cache lost it."""
    generation = (values or {}).get(GENERATION_KEY) or cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def invalidate():
    """What public pages show has changed: drop every stored page, the navigation and the figures.

    Done at once (the same request and the same process see the change) and again after the transaction
    commits, so that a page stored by another request between the two, from data not yet committed,
    does not outlive the change.
    """
    _replace_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_replace_generation)


def _replace_generation():
    cache.set(GENERATION_KEY, _new_generation(), timeout=None)


def frame_value(request, name, make):
    """A value every page (or the home page) shows, kept until the generation changes.

    The middleware has already fetched it with the generation when it is one of FRAME_NAMES; otherwise
    it costs one cache round trip.
    """
    prefetched = getattr(request, "_pagecache_values", None) if request is not None else _request_values.get()
    key = FRAME_PREFIX + name
    if prefetched is not None and key in prefetched.get("_asked", ()):
        values = prefetched
    else:
        values = cache.get_many([GENERATION_KEY, key])
    generation = current_generation(values)
    stored = values.get(key)
    if stored is not None and stored[0] == generation:
        return stored[1]
    value = make()
    cache.set(key, (generation, value), timeout=settings.PAGE_CACHE_TIMEOUT)
    if prefetched is not None:
        prefetched[key] = (generation, value)
    return value


def public_fragment(request, name, make):
    """The HTML of a part of a page that shows public records only and nothing of the person asking (a
    list's results, its filter form), made by `make`, kept per language and URL until the generation
    changes. Signed-in pages are never stored whole; this spares them rendering again what every visitor
    sees. Off with the page cache (PAGE_CACHE_ENABLED)."""
    if not settings.PAGE_CACHE_ENABLED or request is None or request.method != "GET":
        return make()
    # A preview shows a draft, never the public page.
    if getattr(request, "is_preview", False):
        return make()
    key = f"fragment:{name}:{get_language()}:{request.get_host()}:{request.get_full_path()}"
    return frame_value(request, key, make)


# Values every page's frame reads, fetched with the generation in the same round trip.
FRAME_NAMES = ["navigation", "view-restrictions", "footer"]


def _site_key(request):
    return f"{FRAME_PREFIX}site:{request._get_raw_host()}:{request.get_port()}"


def _reuse_site(request, values):
    """Wagtail looks up the site of every page request in the database (`Site.find_for_request`, which reads
    `request._wagtail_site` first): the site it found for this host and port is kept with the generation (a
    site or page saved replaces it) and handed to it, fetched with the frame's values, at no round trip."""
    stored = values.get(_site_key(request))
    if stored is not None and stored[0] == current_generation(values):
        request._wagtail_site = stored[1]
        return True
    return False


def _keep_site(request, values):
    """After a request in which Wagtail looked the site up itself: keep what it found, under the generation
    read before the request (a change meanwhile makes it stale at once)."""
    site = request.__dict__.get("_wagtail_site")
    if site is not None:
        cache.set(_site_key(request), (current_generation(values), site), timeout=settings.PAGE_CACHE_TIMEOUT)


def _is_public_record(sender, update_fields=None):
    meta = sender._meta
    if meta.label_lower in PRIVATE_MODELS:
        return False
    if meta.app_label not in _public_apps():
        return False
    return not (update_fields and set(update_fields) <= PRIVATE_FIELDS)


_PUBLIC_APPS = None


def _public_apps():
    global _PUBLIC_APPS
    if _PUBLIC_APPS is None:
        local = {apps.get_app_config(name.rpartition(".")[2]).label for name in settings.LOCAL_APPS}
        _PUBLIC_APPS = local | PUBLIC_THIRD_PARTY_APPS | {"auth"}
    return _PUBLIC_APPS


def _record_changed(sender, update_fields=None, **kwargs):
    if _is_public_record(sender, update_fields):
        invalidate()


def _relation_changed(sender, action, model, **kwargs):
    if action.startswith("post_") and (_is_public_record(model) or _is_public_record(kwargs["instance"].__class__)):
        invalidate()


def _page_tree_changed(**kwargs):
    invalidate()


def connect_signals():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_record_changed, dispatch_uid="pagecache_post_save")
    post_delete.connect(_record_changed, dispatch_uid="pagecache_post_delete")
    m2m_changed.connect(_relation_changed, dispatch_uid="pagecache_m2m_changed")
    # Unpublishing and moving also change descendants through queryset updates, which send no post_save.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_page_tree_changed, dispatch_uid=f"pagecache_{id(signal)}")


class AnonymousPageCacheMiddleware:
    """Serves a stored copy of a public page to visitors who are not signed in, and stores what it may.

    Sits outside the gzip, session, locale and CSRF middleware: a stored page is answered without them,
    and what it stores is the response those made, cookies and all, so a response that sets a cookie
    (a CSRF token, a message, a session) is never stored. Who is signed in is known from the cookies
    alone: a request carrying a session or a message cookie is never answered from the store.
    Responses it does not store as public are marked private, so no shared cache keeps them either.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}
        self.private_prefixes = None

    def __call__(self, request):
        key = self.key(request)
        values = self.fetch(request, key)
        request._pagecache_values = values
        token = _request_values.set(values)
        request_token = _current_request.set(request)
        try:
            return self.respond(request, key, values)
        finally:
            _current_request.reset(request_token)
            _request_values.reset(token)

    def respond(self, request, key, values):
        if key is None:
            return self.private(self.rendered(request, values))
        generation = current_generation(values)
        stored = values.get(key)
        if stored is not None and stored[0] == generation:
            return self.rebuild(stored)
        # Not stored: the page is rendered, and its frame is fetched in one more round trip.
        values.update(self.fetch(request, None))
        response = self.rendered(request, values)
        if self.may_store(request, response):
            self.public(response)
            cache.set(key, self.freeze(generation, response), timeout=settings.PAGE_CACHE_TIMEOUT)
            response["X-Page-Cache"] = "miss"
            return response
        return self.private(response)

    def rendered(self, request, values):
        site_was_kept = _reuse_site(request, values)
        response = self.get_response(request)
        if not site_was_kept:
            _keep_site(request, values)
        return response

    def key(self, request):
        if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES or MESSAGES_COOKIE_NAME in request.COOKIES:
            return None
        # Credentials sent another way (an API token) make the answer someone's own.
        if "HTTP_AUTHORIZATION" in request.META:
            return None
        if self.private_prefixes is None:
            from .middleware import PRIVATE_PATHS

            # The open API counts every request against its limits and answers conditional requests itself.
            self.private_prefixes = (*PRIVATE_PATHS, "/api/")
        if request.path.startswith(self.private_prefixes):
            return None
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        compressed = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "plain"
        return f"{PAGE_PREFIX}{language}:{compressed}:{request.get_host()}:{request.get_full_path()}"

    @staticmethod
    def fetch(request, key):
        """The generation with the stored page when there may be one, else with the frame's values."""
        if key is not None:
            asked = [GENERATION_KEY, key]
        else:
            asked = [GENERATION_KEY, *(FRAME_PREFIX + n for n in FRAME_NAMES), _site_key(request)]
        values = cache.get_many(asked)
        values["_asked"] = set(asked)
        return values

    @staticmethod
    def may_store(request, response):
        if request.method != "GET" or response.status_code != 200 or response.streaming:
            return False
        if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        if response.has_header("Cache-Control"):
            return False
        user = getattr(request, "user", None)
        return not (user is not None and user.is_authenticated)

    @staticmethod
    def public(response):
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)

    @staticmethod
    def private(response):
        directives = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
        if not directives & {"public", "private", "no-store"}:
            patch_cache_control(response, private=True)
        return response

    @staticmethod
    def freeze(generation, response):
        return (generation, response.status_code, list(response.items()), response.content)

    @staticmethod
    def rebuild(stored):
        _generation, status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
