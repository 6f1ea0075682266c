"""Feeds whose links, guids and self link are on the site named by SITE_URL."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone

from .site import site_scheme


class _OnSite:
    """The request as the feed framework sees it: Django's Feed takes the scheme from the request and the
    host from django.contrib.sites' record (kept to SITE_URL by core.site.sync_site_records)."""

    def __init__(self, request):
        self._request = request

    def __getattr__(self, name):
        return getattr(self._request, name)

    def is_secure(self):
        return site_scheme() == "https"


class SiteFeed(Feed):
    def get_feed(self, obj, request):
        return super().get_feed(obj, _OnSite(request))


class PageFeed(SiteFeed):
    """The feed of a listing page (a section, the course list): its title and address, the items it lists for
    the filters in the query string."""

    def __init__(self, index_page, filters=None):
        super().__init__()
        self.index_page = index_page
        self.filters = filters

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.url


def day_as_datetime(day):
    """A date (an article's or a document's) as the aware datetime feeds need: eight in the morning, local."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))
