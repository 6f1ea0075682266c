"""Sitemaps print the address named by SITE_URL, not the host a request came in on."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from .site import site_domain, site_scheme


class SiteAddressMixin:
    def get_protocol(self, protocol=None):
        return site_scheme()

    def get_domain(self, site=None):
        return site_domain()


class ModelSitemap(SiteAddressMixin, Sitemap):
    """Public records of one model, each at its `get_absolute_url`, dated by its last change."""

    lastmod_field = "updated_at"

    def lastmod(self, item):
        return getattr(item, self.lastmod_field)


class PagesSitemap(SiteAddressMixin, WagtailSitemap):
    """Every live public Wagtail page (home, policies, news, patent information, courses)."""


class StaticViewSitemap(SiteAddressMixin, Sitemap):
    """Public pages that are views rather than records or Wagtail pages."""

    def __init__(self, url_names):
        self.url_names = url_names

    def items(self):
        return self.url_names

    def location(self, item):
        return reverse(item)
