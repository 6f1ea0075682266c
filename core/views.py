from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from .health import health_report
from .site import absolute_url


@never_cache
def healthz(request):
    report = health_report()
    # Without its database the platform cannot serve anything; other services degrade gracefully.
    status = 200 if report["database"]["ok"] else 503
    return JsonResponse(report, status=status, json_dumps_params={"ensure_ascii": False})


def switch_language(request, language):
    """Remember the visitor's language in a cookie and go back to the page they were on.

    A plain link (GET) rather than Django's set_language form, so that pages show the switch without a
    CSRF token and stay the same for every anonymous visitor (core.pagecache can keep them).
    """
    if language not in dict(settings.LANGUAGES):
        raise Http404
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = redirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def permission_denied(request, exception):
    return render(request, "403.html", {"reason": str(exception) if exception else ""}, status=403)


def server_error(request):
    # Rendered without context processors: the error may have come from one of them.
    return HttpResponseServerError(loader.get_template("500.html").render())


# What search engines may not crawl: accounts, the editors' admin, handling queues, orders, payments and
# everything else that belongs to one person or organisation. Public pages are all listed in the sitemap.
ROBOTS_DISALLOWED = (
    "/admin/",
    "/accounts/",
    "/account/",
    "/payments/",
    "/documents/",
    "/search/suggest",
    "/language/",
    "/institutions/mine/",
    "/institutions/inquiries/",
    "/institutions/orders/",
    "/institutions/inbox/",
    "/institutions/dashboard/",
    "/institutions/apply/",
    "/institutions/documents/",
    "/listings/mine/",
    "/listings/new/",
    "/listings/cases/",
    "/rights/handling/",
    "/rights/mine/",
    "/rights/status/",
    "/training/mine/",
    "/training/enrolments/",
    "/training/certificates/",
)


def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOWED), ""]
    lines.append(f"Sitemap: {absolute_url(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request):
    # Browsers ask for /favicon.ico whatever a page links; the icon itself is a fingerprinted static file.
    return redirect(static("icons/favicon.ico"), permanent=True)


# Wagtail documents may belong to private collections: only Wagtail's document view serves them.
MEDIA_NOT_SERVED = ("documents/",)


def public_media(request, path):
    """Public uploads (images, renditions) read from the bucket, for deployments whose files are in object
    storage (S3_BUCKET): the bucket stays private and the proxy in front may cache what this answers."""
    if path.startswith(MEDIA_NOT_SERVED) or ".." in path.split("/"):
        raise Http404
    try:
        handle = default_storage.open(path, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(handle)
    response["X-Content-Type-Options"] = "nosniff"
    # Stored names never change their content (uploads never overwrite): a day is safe.
    response["Cache-Control"] = "public, max-age=86400"
    return response
