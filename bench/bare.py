"""The yardstick of `bench/pages.py`: a bare Django view returning 20 KB of HTML, no middleware, no database.

Served by the same gunicorn command as the platform (`gunicorn bench.bare:application`), so the ratio of
the two throughputs says how much of the server's capacity the platform's own work takes.
"""

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-bare-view",
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
    )

from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

BODY = ("<!DOCTYPE html><html><body>" + "<p>知识产权公共服务平台</p>" * 600 + "</body></html>").encode()[:20_000]


def page(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("", page)]
application = get_wsgi_application()
