"""Wagtail's database search backend with Chinese queries cut into words.

Pages index their text as jieba words (`cms.segmentation.segmented` search fields); this backend cuts
the query the same way, so typing 质押 or 知识产权质押 in the admin's page search finds the pages about
质押融资. Everything else is the database backend of the `default` database (PostgreSQL, SQLite FTS5 or
the plain fallback), unchanged.
"""

from modelsearch.backends.database import SearchBackend as database_backend_for
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

from .segmentation import segment_query as segment_text


def segment_query(query):
    """The query with the text of its plain-text parts segmented; phrases and structure kept."""
    if isinstance(query, str):
        return segment_text(query)
    if isinstance(query, PlainText):
        return PlainText(segment_text(query.query_string), operator=query.operator, boost=query.boost)
    if isinstance(query, And | Or):
        return type(query)([segment_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(segment_query(query.subquery))
    if isinstance(query, Boost):
        return Boost(segment_query(query.subquery), query.boost)
    if isinstance(query, Phrase):
        return query
    return query


class SegmentingBackendMixin:
    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(segment_query(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(segment_query(query), model_or_queryset, *args, **kwargs)


_classes = {}


def SearchBackend(params):  # Wagtail looks the backend up by this name.
    # The database package picks its backend class by the default database's vendor; we extend that class.
    base_class = type(database_backend_for(params))
    cls = _classes.get(base_class)
    if cls is None:
        cls = _classes[base_class] = type(f"Segmenting{base_class.__name__}", (SegmentingBackendMixin, base_class), {})
    return cls(params)
