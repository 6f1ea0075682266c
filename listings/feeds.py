"""RSS of newly published postings: all, transactions only, financing only."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.feeds import SiteFeed

from .models import Listing


class AllListingsFeed(SiteFeed):
    title = _("连云港知识产权交易与质押融资信息")
    link = reverse_lazy("listings:index")
    description = _("平台新发布的知识产权交易信息、融资需求和金融产品。")
    sections = (Listing.Section.TRANSACTION, Listing.Section.FINANCING_NEED, Listing.Section.FINANCING_PRODUCT)

    def items(self):
        return (
            Listing.objects.public()
            .filter(section__in=self.sections)
            .select_related("organisation", "industry", "district")
            .order_by("-published_at")[:30]
        )

    def item_title(self, item):
        return f"[{item.get_section_display()}] {item.title}"

    def item_description(self, item):
        return item.description[:300]

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.organisation.name

    def item_categories(self, item):
        return [str(category) for category in (item.industry, item.district) if category]


class TransactionFeed(AllListingsFeed):
    title = _("连云港知识产权交易信息")
    link = reverse_lazy("listings:transactions")
    sections = (Listing.Section.TRANSACTION,)


class FinancingFeed(AllListingsFeed):
    title = _("连云港知识产权质押融资信息")
    link = reverse_lazy("listings:financing")
    sections = (Listing.Section.FINANCING_NEED, Listing.Section.FINANCING_PRODUCT)
