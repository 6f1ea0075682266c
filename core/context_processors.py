from django.conf import settings
from django.utils.translation import gettext

from .navigation import main_navigation


def site_frame(request):
    return {
        "main_navigation": main_navigation(request.path),
        # The name is Chinese in settings (the admin and e-mails use it); English readers get its translation.
        "site_name": gettext(settings.WAGTAIL_SITE_NAME),
        "language_cookie_name": settings.LANGUAGE_COOKIE_NAME,
    }
