"""RSS and Atom feeds of the news section (optionally one category) and RSS of the policy library."""

from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from core.feeds import SiteFeed, day_as_datetime
from search.listing import listing_page

from .models import NewsPage

FEED_LENGTH = 20


class NewsRssFeed(SiteFeed):
    def __init__(self, index_page, category=None):
        super().__init__()
        self.index_page = index_page
        self.category = category if category in NewsPage.Category.values else None

    def title(self):
        if self.category:
            return f"{self.index_page.title} · {NewsPage.Category(self.category).label}"
        return self.index_page.title

    def link(self):
        return self.index_page.url

    def description(self):
        return self.index_page.intro or self.index_page.title

    def items(self):
        news = NewsPage.objects.child_of(self.index_page).live().public().order_by("-date", "-pk")
        if self.category:
            news = news.filter(category=self.category)
        return news[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_author_name(self, item):
        return item.source or None

    def item_categories(self, item):
        return [item.get_category_display()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


class PolicyRssFeed(SiteFeed):
    """The policy library's newest documents; with the library's filters in the query string, those that
    match them (the feed each filtered list links to)."""

    def __init__(self, index_page, filters=None):
        super().__init__()
        self.index_page = index_page
        self.filters = filters

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.url

    def description(self):
        return self.index_page.intro or _("政策法规")

    def items(self):
        if not self.filters:
            return self.index_page.listing_queryset()[:FEED_LENGTH]
        # The same search the filtered list runs, so the feed holds what the list shows.
        form = self.index_page.filter_form_class(self.filters, index_page=self.index_page)
        search = form.search_query(page=1, per_page=FEED_LENGTH)
        return listing_page(search, {form.search_type: self.index_page.listing_queryset()}).object_list

    def item_title(self, item):
        return f"{item.title}（{item.document_number}）" if item.document_number else item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        # The date the document was issued, not when it was imported or last edited here.
        return day_as_datetime(item.issue_date)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.issuing_agency.name

    def item_categories(self, item):
        return [item.issuing_agency.name, item.get_validity_display()]
