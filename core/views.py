from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache

from .health import health_report


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
