"""RSS of the institution directory: the institutions the directory shows for the filters in the query
string, in its order (`services.directory.directory_page`, as the directory itself)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.feeds import SiteFeed

from .directory import directory_page

FEED_LENGTH = 30


class DirectoryFeed(SiteFeed):
    title = _("连云港知识产权服务机构")
    description = _("在平台上公开展示的知识产权服务机构。")

    def get_object(self, request, *args, **kwargs):
        return request.GET

    def link(self, filters):
        query = filters.copy()
        query.pop("page", None)
        return reverse("services:directory") + (f"?{query.urlencode()}" if query else "")

    def items(self, filters):
        return directory_page(filters, page=1, per_page=FEED_LENGTH)[1].object_list

    def item_title(self, item):
        return item.name

    def item_description(self, item):
        return item.description[:300]

    def item_pubdate(self, item):
        # When the institution was approved and listed.
        return item.approved_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.name

    def item_categories(self, item):
        return [item.get_institution_type_display(), str(item.district), *(str(c) for c in item.categories.all())]
