"""RSS of the course list: the courses the list shows for the filters in the query string (upcoming ones
when there is none), through the same `CourseIndexPage.filtered_courses` as the list."""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from core.feeds import PageFeed

FEED_LENGTH = 20


class CourseFeed(PageFeed):
    def description(self):
        return _("连云港知识产权培训课程")

    def items(self):
        return self.index_page.filtered_courses(self.filters, page=1, per_page=FEED_LENGTH)[1].object_list

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        starts = date_format(localtime(item.starts_at), "DATETIME_FORMAT")
        return f"{_('开始时间')}：{starts}\n{item.summary}"

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        # When the course was announced here; its start is in the description.
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.organiser or None

    def item_categories(self, item):
        return [item.get_course_type_display()]
