"""Which models are searchable, how each becomes a SearchDoc, and what its listing page filters by.

An app makes a model searchable by registering a SearchType in its `documents.py`; cross-search imports
every app's `documents` module when it starts (see SearchConfig.ready). Only registered models are
queued for indexing.

A type declares its listing page's filters once, as `Filter`s: a name and what an instance carries for
it. The documents get their tags from the declaration, and a listing page passes the values its filter
form chose, by the same names, to `filter_tags`; "name:value" tags are written only here.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from django.apps import apps
from django.db.models import Model, QuerySet

from .documents import TYPE_LABELS, SearchDoc


@dataclass(frozen=True)
class Filter:
    """name: the filter's name, which is also the name of the filter form's field that chooses it;
    values: instance -> what it carries for the filter (one value or several). A model instance stands
    for its primary key and True for "yes"; None, "" and False carry nothing. The form's chosen values
    are read the same way, so a record and a choice meet without either spelling the tag."""

    name: str
    values: Callable[[Model], object]


def filter_values(value):
    """The tag values of what a record carries or a form chose (see Filter)."""
    if value is None or value is False or value == "":
        return []
    if isinstance(value, list | tuple | set | frozenset | QuerySet):
        return sorted({tag for item in value for tag in filter_values(item)})
    if value is True:
        return ["yes"]
    if isinstance(value, Model):
        return [str(value.pk)]
    return [str(value)]


@dataclass
class SearchType:
    """name: the type's key (e.g. "transaction"); model: the model class (or "app_label.Model");
    public_queryset: what may be shown to anyone, right now; to_document: instance -> SearchDoc (its
    tags come from `filters`, the type's listing filters); depends_on: other models whose changes change
    this type's documents, each with a function returning the primary keys of the affected instances
    (e.g. an organisation suspended hides its institution); hit_actions: a template shown under each of
    the type's search results, given the `hit` (e.g. choosing an institution for comparison)."""

    name: str
    model: type[Model] | str
    public_queryset: Callable[[], QuerySet]
    to_document: Callable[[Model], SearchDoc]
    label: str = ""
    depends_on: dict = field(default_factory=dict)
    filters: tuple = ()
    batch_size: int = 500
    hit_actions: str = ""

    def get_model(self):
        if isinstance(self.model, str):
            self.model = apps.get_model(self.model)
        return self.model

    def public_documents(self, pks=None) -> Iterable[SearchDoc]:
        queryset = self.public_queryset()
        if pks is not None:
            queryset = queryset.filter(pk__in=list(pks))
        for instance in queryset.iterator(chunk_size=self.batch_size):
            yield self.document(instance)

    def document(self, instance):
        """The instance's SearchDoc, tagged with what it carries for each of the type's filters."""
        tags = [f"{item.name}:{value}" for item in self.filters for value in filter_values(item.values(instance))]
        return replace(self.to_document(instance), tags=tags)


_types: dict[str, SearchType] = {}


def register(search_type):
    if search_type.label:
        TYPE_LABELS[search_type.name] = search_type.label
    _types[search_type.name] = search_type
    return search_type


def filter_tags(scope, chosen):
    """A listing page's tag filter (SearchQuery.tags): for each filter the types in `scope` declare, the
    values chosen for it in `chosen` (a filter form's valid values: other names are not looked at)."""
    declared = {item.name for name in scope for item in _types[name].filters}
    tags = {name: filter_values(chosen.get(name)) for name in sorted(declared)}
    return {name: values for name, values in tags.items() if values}


def unregister(name):
    _types.pop(name, None)


def get(name):
    return _types.get(name)


def all_types():
    return list(_types.values())


def type_label(name):
    return str(TYPE_LABELS.get(name, name))


def type_for_model(model):
    """The registered type whose model is the nearest ancestor of `model` (a page type claims its
    subclasses unless a subclass has a type of its own)."""
    by_model = {st.get_model(): st for st in _types.values()}
    for klass in model.__mro__:
        if klass in by_model:
            return by_model[klass]
    return None


def claimed_models(excluding=None):
    """Models that have a type of their own, other than `excluding`'s."""
    return [st.get_model() for st in _types.values() if st.name != getattr(excluding, "name", None)]


def types_for_model(model):
    """Every type an instance of `model` may belong to: the nearest registered ancestor, and every
    registered proxy of the same concrete model (a saved `Listing` may be a transaction or a financing
    posting; processing re-reads each type's public queryset, so the others simply drop it)."""
    found = []
    nearest = type_for_model(model)
    if nearest is not None:
        found.append(nearest)
    concrete = model._meta.concrete_model
    for search_type in _types.values():
        registered = search_type.get_model()
        if registered._meta.proxy and registered._meta.concrete_model is concrete and search_type not in found:
            found.append(search_type)
    return found


def dependants(model):
    """(type, pks-function) pairs whose documents depend on instances of `model`."""
    found = []
    for st in _types.values():
        for dependency, function in st.depends_on.items():
            if isinstance(dependency, str):
                dependency = apps.get_model(dependency)
            if issubclass(model, dependency):
                found.append((st, function))
    return found
