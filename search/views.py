from django.http import JsonResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from core.naming import english_wanted

from . import service
from .forms import SearchForm
from .query import FACETS, SORTS

FACET_TITLES = {
    "type": gettext_lazy("类型"),
    "category": gettext_lazy("类别 / 产业"),
    "district": gettext_lazy("地区"),
    "status": gettext_lazy("状态 / 时效"),
    "date": gettext_lazy("发布日期"),
    "price": gettext_lazy("价格"),
}
# URL parameter of each facet, and whether several values may be selected at once.
FACET_PARAMS = {
    "type": ("type", True),
    "category": ("category", True),
    "district": ("district", True),
    "status": ("status", True),
    "date": ("date", False),
    "price": ("price", False),
}


def _url(params, **changes):
    query = params.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        elif isinstance(value, list):
            query.setlist(key, value)
        else:
            query[key] = value
    if "page" not in changes:
        query.pop("page", None)
    return "?" + query.urlencode()


def facet_value(facet, key, names):
    label = service.facet_label(facet, key, names)
    # A value the index holds in Chinese with no translation is shown as written, marked as Chinese.
    return {"label": label, "language": "zh" if english_wanted() and service.HAN.search(str(label)) else ""}


def facet_panels(params, results, names=None):
    """Each facet's values with counts, whether selected, and the URL that toggles it."""
    panels = []
    for facet in FACETS:
        counts = results.facets.get(facet, {})
        param, multiple = FACET_PARAMS[facet]
        selected = params.getlist(param)
        values = []
        for key, count in sorted(counts.items(), key=lambda item: (-item[1], str(item[0]))):
            is_selected = key in selected
            if multiple:
                chosen = [v for v in selected if v != key] if is_selected else [*selected, key]
            else:
                chosen = [] if is_selected else [key]
            values.append(
                {
                    **facet_value(facet, key, names),
                    "count": count,
                    "selected": is_selected,
                    "url": _url(params, **{param: chosen}),
                }
            )
        for key in selected:
            if key not in counts:
                chosen = [v for v in selected if v != key]
                values.append(
                    {
                        **facet_value(facet, key, names),
                        "count": 0,
                        "selected": True,
                        "url": _url(params, **{param: chosen}),
                    }
                )
        if values:
            panels.append({"name": facet, "title": FACET_TITLES[facet], "values": values})
    return panels


def pagination(params, results):
    current, last = results.query.page, results.pages
    window = range(max(1, current - 3), min(last, current + 3) + 1)
    return {
        "pages": [{"number": n, "current": n == current, "url": _url(params, page=str(n))} for n in window],
        "previous": _url(params, page=str(current - 1)) if current > 1 else None,
        "next": _url(params, page=str(current + 1)) if current < last else None,
    }


def search_context(request, types=None, per_page=10):
    """Everything a search page renders: the form and the query at once, the rest (`found`) searched only
    when the page's public fragment is not kept (core.pagecache.public_fragment)."""
    form = SearchForm(request.GET)
    query = form.to_query(types=types, per_page=per_page)
    return {"form": form, "query": query, "found": SimpleLazyObject(lambda: found(request, query))}


def found(request, query):
    """The search's answer and what the page builds from it: results, facet panels, pages, sorts."""
    results = service.search(query)
    params = request.GET.copy()
    names = service.reference_display_names()
    for hit in results.hits:
        hit.display_facts = service.display_facts(hit, names)
    return {
        "results": results,
        "facet_panels": facet_panels(params, results, names),
        "pagination": pagination(params, results),
        "sorts": [
            {"label": label, "current": key == query.sort, "url": _url(params, sort=key)}
            for key, label in SORTS.items()
        ],
        "did_you_mean_url": _url(params, q=results.did_you_mean) if results.did_you_mean else "",
        "clear_url": _url(params, **{p: None for p, _m in FACET_PARAMS.values()}),
        "has_filters": any(params.getlist(p) for p, _m in FACET_PARAMS.values()),
    }


@require_GET
def results(request):
    return render(request, "search/results.html", search_context(request))


@require_GET
def suggest(request):
    term = request.GET.get("q", "")
    if len(term) > 50:
        return JsonResponse({"error": _("输入过长")}, status=400, json_dumps_params={"ensure_ascii": False})
    return JsonResponse({"q": term, "suggestions": service.suggest(term)}, json_dumps_params={"ensure_ascii": False})
