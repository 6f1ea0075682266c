"""RSS of the register of works: the works the list shows for the filters in the query string, newest first."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.feeds import SiteFeed, day_as_datetime

from .lists import works_page

FEED_LENGTH = 30


class WorkFeed(SiteFeed):
    title = _("连云港作品登记公告")
    description = _("经市文广新局审查准予登记的作品。")

    def get_object(self, request, *args, **kwargs):
        return request.GET

    def link(self, filters):
        query = filters.copy()
        query.pop("page", None)
        return reverse("copyrights:works") + (f"?{query.urlencode()}" if query else "")

    def items(self, filters):
        return works_page(filters, page=1, per_page=FEED_LENGTH)[1].object_list

    def item_title(self, item):
        return f"{item.number} {item.title}"

    def item_link(self, item):
        return item.get_public_url()

    def item_description(self, item):
        return f"{item.get_work_type_display()} · {item.owners}"

    def item_pubdate(self, item):
        return day_as_datetime(item.registered_on)

    def item_categories(self, item):
        return [item.get_work_type_display(), str(item.district)]
