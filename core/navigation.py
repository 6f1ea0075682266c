"""The site's main sections, in the order the navigation shows them.

A section points either at a URL name or, for sections that are Wagtail pages, at the page model
("page:app_label.ModelName") whose first live page is the section. A section whose target does not
exist yet is shown as "coming soon" rather than as a dead link.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .pagecache import frame_value

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


def _resolve_section_urls():
    """{section key: URL or None}, the page sections read in one query."""
    from wagtail.models import Page

    page_models = {}
    for key, _label, target in MAIN_SECTIONS:
        if target.startswith("page:"):
            try:
                page_models[key] = apps.get_model(target.removeprefix("page:"))
            except LookupError:
                continue
    content_types = ContentType.objects.get_for_models(*page_models.values())
    first_pages = {}
    pages = Page.objects.live().filter(content_type__in=content_types.values()).order_by("path")
    for page in pages.only("id", "path", "url_path", "content_type"):
        first_pages.setdefault(page.content_type_id, page)
    urls = {}
    for key, _label, target in MAIN_SECTIONS:
        if key in page_models:
            page = first_pages.get(content_types[page_models[key]].pk)
            urls[key] = page.url if page else None
        elif not target.startswith("page:"):
            try:
                urls[key] = reverse(target)
            except NoReverseMatch:
                urls[key] = None
        else:
            urls[key] = None
    return urls


def section_urls(request=None):
    """The URL of each main section, kept in the cache until a public record changes (core.pagecache)."""
    return frame_value(request, "navigation", _resolve_section_urls)


def main_navigation(request):
    urls = section_urls(request)
    current_path = request.path
    items = []
    for key, label, _target in MAIN_SECTIONS:
        url = urls.get(key)
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
