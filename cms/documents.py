"""Wagtail pages in cross-search: every live, public page, as a SearchDoc.

Policies, news and patent information get types of their own (so the type facet can tell them apart);
every other page type (the home page, section index pages...) is a plain "page". A page type another app
registers itself (e.g. training's course pages) is left to that app. Text comes from each page model's
own `search_fields`, so a new field added there is searched without touching this file; a policy's
document number and index number are also terms, weighted like the title.

The section pages list their children through the search (`cms.models.listing`), filtering by the
filters each page type declares where it is registered: `parent` on every page, and a policy's
validity, issuing agency and topics, a news item's category and tags, a patent information page's kind
and tags. Tags are edited on the page itself; a tag renamed or an item added or removed outside a page
save re-indexes the pages concerned, and so does a view restriction added or removed (`depends_on`).
"""

from django.apps import apps
from django.utils.html import strip_tags
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from search import registry
from search.documents import SearchDoc
from search.registry import Filter


def _parent(page):
    """The page's parent: the section page whose list shows it."""
    return Page.objects.filter(path=page.path[: -page.steplen]).values_list("pk", flat=True).first()


def _tag_names(page):
    return [tag.name for tag in page.tags.all()]


# Every page is listed by the section page above it (training's courses too).
parent_filter = Filter("parent", _parent)

# Page models with a cross-search type of their own: (model, type name, the filters of its section's list,
# by the names of the list's filter form fields).
TYPED_PAGES = [
    (
        "cms.PolicyPage",
        "policy",
        (
            Filter("validity", lambda page: page.validity),
            Filter("agency", lambda page: page.issuing_agency_id),
            Filter("topic", _tag_names),
        ),
    ),
    ("cms.NewsPage", "news", (Filter("category", lambda page: page.category), Filter("tag", _tag_names))),
    ("cms.PatentInfoPage", "patent_info", (Filter("kind", lambda page: page.kind), Filter("tag", _tag_names))),
]


def _model(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _display(page, name):
    display = getattr(page, f"get_{name}_display", None)
    if display is not None:
        return str(display())
    value = getattr(page, name, "")
    return str(value) if value and isinstance(value, str) else ""


def _field_text(page, field_name):
    value = getattr(page, field_name, None)
    if value is None or callable(value):
        return ""
    try:
        model_field = page._meta.get_field(field_name)
    except Exception:
        model_field = None
    if model_field is not None and hasattr(model_field, "get_searchable_content"):
        return " ".join(str(part) for part in model_field.get_searchable_content(value))
    return strip_tags(str(value))


def page_body(page):
    """The page's searchable text other than its title, from its model's search_fields."""
    parts = []
    for search_field in getattr(page, "search_fields", []):
        if isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            text = _field_text(page, search_field.field_name)
            if text and text not in parts:
                parts.append(text)
    return " ".join(" ".join(parts).split())


def page_to_document(page, doc_type="page"):
    page = page.specific
    day = getattr(page, "issue_date", None) or getattr(page, "date", None) or page.last_published_at
    facts = []
    for label_field in ("document_number", "source", "author"):
        value = getattr(page, label_field, "")
        if value and isinstance(value, str):
            facts.append((page._meta.get_field(label_field).verbose_name, value))
    terms = [str(tag) for tag in page.tags.all()] if hasattr(page, "tags") else []
    for number_field in ("document_number", "index_number"):
        value = getattr(page, number_field, "")
        if value and isinstance(value, str):
            terms.append(value)
    category = _display(page, "category") or _display(page, "kind") or str(page._meta.verbose_name)
    return SearchDoc(
        type=doc_type,
        id=page.pk,
        url=page.get_url() or page.url_path,
        title=page.title,
        body=" ".join(filter(None, [page.search_description, page_body(page)])),
        category=category,
        district=str(getattr(page, "district", "") or ""),
        status=_display(page, "validity"),
        date=day,
        # Pages dated by day (issue date, news date) are ordered within the day by first publication.
        moment=page.first_published_at,
        facts=facts,
        terms=terms,
    )


def _live_public(model):
    return model.objects.live().public().exclude(depth=1)


def below_restriction(model):
    """A depends_on entry: a view restriction added or removed changes which pages below it are public."""

    def affected(restriction):
        page = Page.objects.filter(pk=restriction.page_id).first()
        return model.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True) if page else []

    return {PageViewRestriction: affected}


def _tagged_pages(model):
    """depends_on entries: a tag renamed, or a tag added to or removed from a page outside a page save."""
    through = model.tags.through
    return {
        Tag: lambda tag: model.objects.filter(tags=tag).values_list("pk", flat=True),
        through: lambda item: [item.content_object_id],
    }


def _register_typed(model, name, filters):
    registry.register(
        registry.SearchType(
            name=name,
            model=model,
            public_queryset=lambda: _live_public(model).specific(),
            to_document=lambda page: page_to_document(page, name),
            depends_on={**_tagged_pages(model), **below_restriction(model)},
            filters=(parent_filter, *filters),
        )
    )


for _label, _name, _filters in TYPED_PAGES:
    _found = _model(_label)
    if _found is not None:
        _register_typed(_found, _name, _filters)


def other_pages():
    """Live public pages no other search type claims."""
    page_type = registry.get("page")
    claimed = [model for model in registry.claimed_models(excluding=page_type) if issubclass(model, Page)]
    return _live_public(Page).not_type(*claimed).specific() if claimed else _live_public(Page).specific()


registry.register(
    registry.SearchType(
        name="page",
        model=Page,
        public_queryset=other_pages,
        to_document=page_to_document,
        depends_on=below_restriction(Page),
        filters=(parent_filter,),
    )
)
