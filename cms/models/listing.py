"""What every listing page (policy library, news, patent information) shares: a filter form, searched
through cross-search's index (`search.listing`), and pages."""

from django.contrib import messages
from django.utils.translation import gettext as _

from search.listing import listing_page, page_number


class ListingPageMixin:
    """A section page that lists its children, filtered by `filter_form_class` and paginated.

    Subclasses define `filter_form_class` (a `cms.forms.ListingFilterForm`, which turns its values into
    the search) and `listing_queryset()` (the live children, with what the cards need). The search decides
    what is listed, in which order and how many; the queryset supplies the objects. Invalid filter values
    are dropped with a message rather than failing the page.
    """

    per_page = 10
    filter_form_class = None

    def listing_queryset(self):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.filter_form_class(request.GET or None, index_page=self)
        if form.is_bound and not form.is_valid():
            messages.warning(request, _("部分筛选条件无效，已忽略：%(fields)s") % {"fields": form.invalid_labels()})
        search = form.search_query(page=page_number(request.GET.get("page")), per_page=self.per_page)
        page_obj = listing_page(search, {form.search_type: self.listing_queryset()})
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
