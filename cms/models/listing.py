"""What every listing page (policy library, news, patent information) shares: a filter form, searched
through cross-search's index (`search.listing`), and pages."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import path

from search.listing import listing_page, page_number


class ListingPageMixin:
    """A section page that lists its children, filtered by `filter_form_class` and paginated.

    Subclasses define `filter_form_class` (a `cms.forms.ListingFilterForm`, which turns its values into
    the search), `listing_queryset()` (the live children, with what the cards need) and `feed_class` (a
    `cms.feeds.SectionFeed`, served at `rss/` with the list's query string; the page must also be a
    `RoutablePageMixin`). The search decides
    what is listed, in which order and how many; the queryset supplies the objects. Invalid filter values
    are dropped with a message rather than failing the page.
    """

    per_page = 10
    filter_form_class = None
    feed_class = None

    def listing_queryset(self):
        raise NotImplementedError

    def filtered_listing(self, data, page=1, per_page=None):
        """The filter form bound to `data` (a query string), its search and one page of what matches: what
        the list shows and what its feed (`rss/`, same query string) holds."""
        form = self.filter_form_class(data or None, index_page=self)
        search = form.search_query(page=page, per_page=per_page or self.per_page)
        return form, search, listing_page(search, {form.search_type: self.listing_queryset()})

    @path("rss/")
    def rss_feed(self, request):
        return self.feed_class(self, filters=request.GET)(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, search, page_obj = self.filtered_listing(request.GET, page=page_number(request.GET.get("page")))
        if form.is_bound and not form.is_valid():
            messages.warning(request, _("部分筛选条件无效，已忽略：%(fields)s") % {"fields": form.invalid_labels()})
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=form,
            page_obj=page_obj,
            items=page_obj.object_list,
            keyword=search.text,
            query=query.urlencode(),
        )
        return context
