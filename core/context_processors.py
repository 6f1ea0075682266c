from django.conf import settings
from django.utils.translation import gettext

from .navigation import main_navigation
from .pagecache import frame_value


def _footer(request):
    from wagtail.models import Site

    from cms.models import SiteFooterSettings

    # The platform serves one site (core.site keeps the records in line with SITE_URL), so one footer.
    return frame_value(request, "footer", lambda: SiteFooterSettings.for_site(Site.find_for_request(request)))


def site_frame(request):
    return {
        "main_navigation": main_navigation(request),
        # The name is Chinese in settings (the admin and e-mails use it); English readers get its translation.
        "site_name": gettext(settings.WAGTAIL_SITE_NAME),
        "language_cookie_name": settings.LANGUAGE_COOKIE_NAME,
        "site_footer": lambda: _footer(request),
    }
