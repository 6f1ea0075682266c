"""The pages a search can be saved from, and how each turns a saved query string back into its search.

Each source calls the list's own filter form (the one its page and its feed use), so a saved search
matches exactly what the list would show for the same query string. Section pages (policies, news,
patent information, courses) are Wagtail pages: the saved search keeps the page it came from.
"""

from dataclasses import dataclass

from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    # (query string as a QueryDict, the section page or None) -> SearchQuery, or None when it is not valid
    build: object
    # the section page or None -> the list's address
    address: object
    # the section page class a saved search of this source must come from, as "app_label.Model"
    page_model: str = ""


def _cross_search(data, page):
    from search.forms import SearchForm

    return SearchForm(data).to_query()


def _posting_list(name):
    def build(data, page):
        from listings.lists import LISTS

        form_class, _querysets = LISTS[name]
        return form_class(data or None).search_query()

    return build


def _section(data, page):
    return page.filter_form_class(data or None, index_page=page).search_query()


def _courses(data, page):
    from training.forms import CourseFilterForm

    return CourseFilterForm(data or None).search_query(page)


def _directory(data, page):
    from services.directory import institution_query
    from services.forms import DirectoryFilterForm

    return institution_query(DirectoryFilterForm(data or None))


def _offerings(data, page):
    from services.directory import offering_query
    from services.forms import OfferingFilterForm
    from services.models import ServiceCategory

    return offering_query(OfferingFilterForm(data, categories=list(ServiceCategory.objects.all())))


def _register(data, page):
    from register.search import RegisterSearchForm, build_query

    form = RegisterSearchForm(data)
    return build_query(form.cleaned_data) if form.is_valid() else None


SOURCES = {
    source.key: source
    for source in [
        Source("search", _("全站检索"), _cross_search, lambda page: reverse("search:results")),
        Source("policies", _("政策法规"), _section, lambda page: page.url, "cms.PolicyIndexPage"),
        Source("news", _("新闻资讯"), _section, lambda page: page.url, "cms.NewsIndexPage"),
        Source("patent_info", _("专利信息"), _section, lambda page: page.url, "cms.PatentInfoIndexPage"),
        Source("courses", _("培训课程"), _courses, lambda page: page.url, "training.CourseIndexPage"),
        Source("directory", _("服务机构名录"), _directory, lambda page: reverse("services:directory")),
        Source("offerings", _("服务产品"), _offerings, lambda page: reverse("services:offering_list")),
        Source(
            "transactions", _("交易信息"), _posting_list("transactions"), lambda page: reverse("listings:transactions")
        ),
        Source("financing", _("融资信息"), _posting_list("financing"), lambda page: reverse("listings:financing")),
        Source("register", _("专利商标检索"), _register, lambda page: reverse("register:search")),
    ]
}
CHOICES = [(source.key, source.label) for source in SOURCES.values()]


def clean_querystring(querystring):
    """The query string without what only moves through the results (the page number)."""
    data = QueryDict(querystring or "", mutable=True)
    data.pop("page", None)
    return data.urlencode()


def search_query(source_key, querystring, page=None):
    """The SearchQuery a saved search runs, or None when its filters no longer make a valid search."""
    source = SOURCES[source_key]
    if source.page_model and page is None:
        return None
    return source.build(QueryDict(querystring or ""), page)
