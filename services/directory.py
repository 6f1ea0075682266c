"""The searches behind the public directory and the offerings list: each filter form's values as a
`SearchQuery` (see search.listing), so the keyword finds what the cross-search finds and the index
filters, orders and counts. The filters are those the institution type declares (services.documents)."""

from search.listing import listing_page
from search.query import SearchQuery
from search.registry import filter_tags

from .forms import DirectoryFilterForm
from .models import Institution

PAGE_SIZE = 12

# The directory's sort options and the search orders that reproduce them: the rank is the rating
# (average, then count, see services.documents.rating_rank), the title the organisation's name.
DIRECTORY_SORTS = {"rating": "rank", "newest": "newest", "name": "title"}


def valid_values(form):
    """The values of a filter form that passed validation: an invalid value is ignored like an empty one."""
    if not form.is_bound:
        return {}
    form.is_valid()
    return form.cleaned_data


def institution_query(form, page=1, per_page=PAGE_SIZE):
    """DirectoryFilterForm → the directory's search: institutions only, the type's filters chosen by the
    form's fields of the same names, the minimum rating a minimum rank."""
    values = valid_values(form)
    return SearchQuery(
        text=values.get("q") or "",
        scope=["institution"],
        tags=filter_tags(["institution"], values),
        min_rank=values.get("rating") or None,
        sort=DIRECTORY_SORTS[values.get("sort") or "rating"],
        page=page,
        per_page=per_page,
    )


def directory_page(data, page=1, per_page=PAGE_SIZE):
    """The directory's filter form bound to `data` (a query string) and one page of the public institutions
    it selects: what the directory shows and what its feed holds."""
    form = DirectoryFilterForm(data or None)
    institutions = (
        Institution.objects.public().select_related("organisation", "district").prefetch_related("categories")
    )
    return form, listing_page(institution_query(form, page, per_page), {"institution": institutions})


def offering_query(form, page=1, per_page=PAGE_SIZE):
    """OfferingFilterForm → the offerings list's search. The category is chosen through the `category`
    facet (the category's name), not a tag, so the facet still counts every other category under the
    keyword: the sidebar's count of a category is what the list shows once it is chosen."""
    values = valid_values(form)
    category = values.get("category")
    return SearchQuery(
        text=values.get("q") or "",
        scope=["offering"],
        categories=[category.name] if category else [],
        sort=values.get("sort") or "relevance",
        page=page,
        per_page=per_page,
    )
