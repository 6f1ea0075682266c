"""The site's main sections, in the order the navigation shows them.

A section points either at a URL name or, for sections that are Wagtail pages, at the page model
("page:app_label.ModelName") whose first live page is the section. A section whose target does not
exist yet is shown as "coming soon" rather than as a dead link.
"""

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

MAIN_SECTIONS = [
    ("policies", _("政策法规"), "page:cms.PolicyIndexPage"),
    ("news", _("新闻动态"), "page:cms.NewsIndexPage"),
    ("patents", _("专利信息"), "page:cms.PatentInfoIndexPage"),
    ("training", _("培训"), "page:training.CourseIndexPage"),
    ("institutions", _("服务机构"), "services:directory"),
    ("transactions", _("交易信息"), "listings:transactions"),
    ("financing", _("质押融资"), "listings:financing"),
    ("rights", _("维权援助"), "rights:index"),
    ("targets", _("试点城市建设"), "targets:summary"),
    ("search", _("综合搜索"), "search:results"),
]


def resolve_section_url(target):
    if target.startswith("page:"):
        try:
            model = apps.get_model(target.removeprefix("page:"))
        except LookupError:
            return None
        page = model.objects.live().order_by("path").first()
        return page.url if page else None
    try:
        return reverse(target)
    except NoReverseMatch:
        return None


def main_navigation(current_path):
    items = []
    for key, label, target in MAIN_SECTIONS:
        url = resolve_section_url(target)
        items.append({"key": key, "label": label, "url": url, "active": bool(url) and current_path.startswith(url)})
    return items


def section_label(page):
    """The navigation's name for `page` when it is the index page of a main section, else None."""
    # Templates also call this with whatever `page` a view put in the context (a paginator's page, say).
    specific_class = getattr(page, "specific_class", None)
    target = f"page:{specific_class._meta.label}" if specific_class else None
    for _key, label, section_target in MAIN_SECTIONS:
        if target and section_target == target and page.depth == 3:
            return label
    return None
