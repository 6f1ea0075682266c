"""Which Wagtail pages anyone may read, decided without a query per list.

Wagtail's `PageQuerySet.public()` reads every view restriction each time a queryset is built, so a page
listing four kinds of pages asked four times. The restricted paths are few and change only when an
editor restricts or frees a page, which changes the page cache's generation: they are kept with it.
"""

from django.db.models import Q
from django.http import Http404

from .pagecache import current_request, frame_value


def _read_restricted_paths():
    from wagtail.models import PageViewRestriction

    return sorted(PageViewRestriction.objects.values_list("page__path", flat=True))


def restricted_paths(request=None):
    """Tree paths of the pages with a view restriction; each restricts its descendants too."""
    return frame_value(request, "view-restrictions", _read_restricted_paths)


def public_pages(queryset, request=None):
    """`queryset` without the pages a view restriction covers: Wagtail's `.public()`, from the cache."""
    condition = Q()
    for path in restricted_paths(request):
        condition |= Q(path__startswith=path)
    return queryset.exclude(condition) if condition else queryset


class RestrictionsFromCacheMixin:
    """For page models: serving a page asks the cached restricted paths before querying its restrictions,
    and its URL is worked out from the site root paths of the request being served.

    Wagtail checks a page's view restrictions (two queries) each time it serves one; almost no page has
    any. Aliases take their source page's restrictions, so they are always asked of the database.
    `page.url` without a request reads Wagtail's site root paths from the cache each time; with the
    request they are read once per request.
    """

    def _get_site_root_paths(self, cache_object=None):
        return super()._get_site_root_paths(cache_object if cache_object is not None else current_request())

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if self.alias_of_id is None and not self.path.startswith(tuple(restricted_paths())):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class ChildrenOfOneTypeMixin:
    """For index pages whose children are all of one page type (policies, news): a child is routed to after
    one query, read as its own type; Wagtail reads it as a plain page, then again as its type."""

    def route(self, request, path_components):
        child_types = self.allowed_subpage_models()
        if not path_components or len(child_types) != 1:
            return super().route(request, path_components)
        child_type = child_types[0]
        try:
            child = child_type.objects.child_of(self).get(slug=path_components[0])
        except child_type.DoesNotExist as error:
            raise Http404 from error
        # As Wagtail does: the parent is known, treebeard's get_parent need not read it again.
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])
