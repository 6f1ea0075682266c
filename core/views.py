from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache

from .health import health_report
from .site import absolute_url


@never_cache
def healthz(request):
    report = health_report()
    # Without its database the platform cannot serve anything; other services degrade gracefully.
    status = 200 if report["database"]["ok"] else 503
    return JsonResponse(report, status=status, json_dumps_params={"ensure_ascii": False})


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
