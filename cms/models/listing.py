"""What every listing page (policy library, news, patent information) shares: a filter form and pages."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.utils.translation import gettext as _


class ListingPageMixin:
    """A section page that lists its children, filtered by `filter_form_class` and paginated.

    Subclasses define `filter_form_class` (a form with `filter(queryset)`) and `listing_queryset()`.
    Invalid filter values are dropped with a message rather than failing the page.
    """

    per_page = 10
    filter_form_class = None

    def listing_queryset(self):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.filter_form_class(request.GET or None, index_page=self)
        items = self.listing_queryset()
        if form.is_bound:
            if not form.is_valid():
                messages.warning(request, _("部分筛选条件无效，已忽略：%(fields)s") % {"fields": form.invalid_labels()})
            items = form.filter(items)
        page_obj = Paginator(items, self.per_page).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context.update(filter_form=form, page_obj=page_obj, items=page_obj.object_list, query=query.urlencode())
        return context
