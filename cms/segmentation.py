"""Chinese word segmentation for the Wagtail admin's database search.

The database backends split text on spaces and punctuation only, so "关于开展知识产权质押融资工作的通知" is
one "word" to them and typing 质押 finds nothing. Both sides are therefore cut into words with jieba's
search mode (which also emits the shorter words inside long ones: 知识产权 → 知识, 产权, 知识产权):
the indexed text through `SegmentedSearchField` / `SegmentedAutocompleteField` in each page's
`search_fields`, the query in `cms.search_backend`.

The cross-search's analyser (`search.text.analyze_joined`: normalisation, the platform's IP dictionary)
is used when that app provides it, so the admin and the public search cut words the same way; otherwise a
plain jieba tokenizer does.
"""

import re
from functools import cache, lru_cache
from importlib import import_module

import jieba
from wagtail.search import index

# Runs of CJK ideographs; everything else (Latin words, numbers, document numbers) is left as it is.
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@cache
def _tokenizer():
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@cache
def _shared_analyser():
    try:
        return import_module("search.text").analyze_joined
    except (ImportError, AttributeError):
        return None


@lru_cache(maxsize=4096)
def segment(text):
    """`text` with every run of Chinese characters replaced by its words, space-separated.

    Cached: the indexer reads each field several times (title, body and autocomplete columns).
    """
    if not text or not CJK_RUN.search(text):
        return text or ""
    shared = _shared_analyser()
    if shared is not None:
        return shared(text)
    tokenizer = _tokenizer()

    def words(match):
        return " " + " ".join(w for w in tokenizer.cut_for_search(match.group(0)) if w.strip()) + " "

    return " ".join(CJK_RUN.sub(words, text).split())


def segment_query(text):
    """The query's words, finest grained: a compound is dropped when its parts are there too.

    Search mode emits both 知识产权 and its parts 知识, 产权; the index holds the parts of every compound but
    not every compound a query may form (知识产权质押), so the query asks for the parts, all of them.
    """
    words = segment(text).split()
    kept = [word for word in words if not any(other != word and other in word for other in words)]
    return " ".join(dict.fromkeys(kept))


def _segmented_value(value):
    if isinstance(value, str):
        return segment(value)
    if isinstance(value, list | tuple):
        return [_segmented_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _segmented_value(item) for key, item in value.items()}
    return segment(str(value)) if value is not None else value


class SegmentedSearchField(index.SearchField):
    """A full-text field whose text is indexed as jieba words."""

    def get_value(self, obj):
        return _segmented_value(super().get_value(obj))


class SegmentedAutocompleteField(index.AutocompleteField):
    """An as-you-type field whose text is indexed as jieba words, so a prefix of any word matches."""

    def get_value(self, obj):
        return _segmented_value(super().get_value(obj))


def segmented(search_fields):
    """The same `search_fields` with every SearchField/AutocompleteField segmented (filters unchanged).

    Wagtail's core Page fields stay in the list as they are (its system check looks for them) and get a
    segmented copy beside them.
    """
    from wagtail.models import Page

    core = Page.search_fields
    result = []
    for field in search_fields:
        if any(field is core_field for core_field in core):
            result.append(field)
        if type(field) is index.SearchField:
            result.append(SegmentedSearchField(field.field_name, boost=field.boost, **field.kwargs))
        elif type(field) is index.AutocompleteField:
            result.append(SegmentedAutocompleteField(field.field_name, **field.kwargs))
        elif not any(field is core_field for core_field in core):
            result.append(field)
    return result
