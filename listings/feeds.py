"""RSS of published postings: all sections (newest first), and the transaction and financing lists, each
holding what its list shows for the filters in the query string (`listings.lists.filtered`)."""

from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.feeds import SiteFeed

from . import lists
from .models import Listing

FEED_LENGTH = 30


class AllListingsFeed(SiteFeed):
    title = _("连云港知识产权交易与质押融资信息")
    link = reverse_lazy("listings:index")
    description = _("平台新发布的知识产权交易信息、融资需求和金融产品。")

    def items(self):
        return lists.with_card_data(Listing.objects.public()).order_by("-published_at")[:FEED_LENGTH]

    def item_title(self, item):
        return f"[{item.get_section_display()}] {item.title}"

    def item_description(self, item):
        return item.description[:300]

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.organisation.name

    def item_categories(self, item):
        return [str(category) for category in (item.industry, item.district) if category]


class FilteredListFeed(AllListingsFeed):
    """One public list's postings for the filters in the query string, in the list's order."""

    list_name = None
    list_url = None

    def get_object(self, request, *args, **kwargs):
        return request.GET

    def link(self, filters):
        query = filters.copy()
        query.pop("page", None)
        return reverse(self.list_url) + (f"?{query.urlencode()}" if query else "")

    def items(self, filters):
        return lists.filtered(self.list_name, filters, page=1, per_page=FEED_LENGTH)[2].object_list


class TransactionFeed(FilteredListFeed):
    title = _("连云港知识产权交易信息")
    list_name = "transactions"
    list_url = "listings:transactions"


class FinancingFeed(FilteredListFeed):
    title = _("连云港知识产权质押融资信息")
    list_name = "financing"
    list_url = "listings:financing"
