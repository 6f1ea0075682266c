"""The site's main sections, in the order the navigation shows them.

A section whose URL name does not resolve yet is shown as "coming soon" rather than as a dead link;
each app makes its section live by providing the URL name.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

MAIN_SECTIONS = [
    ("policies", _("政策法规"), "cms:policy_index"),
    ("news", _("新闻动态"), "cms:news_index"),
    ("training", _("培训"), "cms:course_index"),
    ("institutions", _("服务机构"), "services:directory"),
    ("transactions", _("交易信息"), "listings:transactions"),
    ("financing", _("质押融资"), "listings:financing"),
    ("rights", _("维权援助"), "rights:index"),
    ("search", _("综合搜索"), "search:results"),
]


def main_navigation(current_path):
    items = []
    for key, label, url_name in MAIN_SECTIONS:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            url = None
        items.append(
            {
                "key": key,
                "label": label,
                "url": url,
                "active": bool(url) and current_path.startswith(url),
            }
        )
    return items
