from django.conf import settings

from .navigation import main_navigation


def site_frame(request):
    return {
        "main_navigation": main_navigation(request.path),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "language_cookie_name": settings.LANGUAGE_COOKIE_NAME,
    }
