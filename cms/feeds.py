"""Feeds of the section pages (news, policy library, patent information): each holds what the page lists
for the filters in its query string, through the page's own `filtered_listing` (one filter rule for both)."""

from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from core.feeds import PageFeed, day_as_datetime

FEED_LENGTH = 20


class SectionFeed(PageFeed):
    """The newest items of a section page; with its filters in the query string, those that match them."""

    def description(self):
        return self.index_page.intro or self.index_page.title

    def items(self):
        return self.index_page.filtered_listing(self.filters, page=1, per_page=FEED_LENGTH)[2].object_list

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        # The date the article carries, not when it was imported or last edited here.
        return day_as_datetime(item.date)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)


class NewsRssFeed(SectionFeed):
    def item_author_name(self, item):
        return item.source or None

    def item_categories(self, item):
        return [item.get_category_display()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


class PatentInfoRssFeed(SectionFeed):
    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [item.get_kind_display()]


class PolicyRssFeed(SectionFeed):
    def description(self):
        return self.index_page.intro or _("政策法规")

    def item_title(self, item):
        return f"{item.title}（{item.document_number}）" if item.document_number else item.title

    def item_pubdate(self, item):
        # The date the document was issued.
        return day_as_datetime(item.issue_date)

    def item_author_name(self, item):
        return item.issuing_agency.name

    def item_categories(self, item):
        return [item.issuing_agency.name, item.get_validity_display()]
