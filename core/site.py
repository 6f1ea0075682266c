"""The site's own name and address, from settings: what links in e-mails, feeds, sitemaps, canonical links
and Open Graph tags print, and what django.contrib.sites' and Wagtail's Site records hold."""

from urllib.parse import urljoin, urlsplit

from django.conf import settings


def site_url():
    """Scheme, host and port, without a trailing slash: `https://ip.lyg.example`."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(path):
    return urljoin(site_url() + "/", path)


def site_domain():
    """Host and port as people type them (`127.0.0.1:8000`, `ip.lyg.example`)."""
    return urlsplit(site_url()).netloc


def site_scheme():
    return urlsplit(site_url()).scheme


def sync_site_records(django_site_model, wagtail_site_model):
    """Writes the name and address from settings into both Site records, so that nothing falls back to
    django.contrib.sites' "example.com" or to Wagtail's "localhost"; callable from migrations."""
    parts = urlsplit(site_url())
    port = parts.port or (443 if parts.scheme == "https" else 80)
    django_site_model.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": parts.netloc, "name": settings.WAGTAIL_SITE_NAME}
    )
    wagtail_site_model.objects.filter(is_default_site=True).update(
        hostname=parts.hostname, port=port, site_name=settings.WAGTAIL_SITE_NAME
    )
