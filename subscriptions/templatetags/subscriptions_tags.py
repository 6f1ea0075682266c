from django import template
from django.http import QueryDict
from django.utils.translation import gettext as _

from ..forms import SaveSearchForm
from ..models import SavedSearch
from ..sources import SOURCES, clean_querystring

register = template.Library()


@register.inclusion_tag("subscriptions/includes/save_search.html", takes_context=True)
def save_search(context, source):
    """The "save this search" control of a list page: `source` names the list (subscriptions.sources); a
    section page (policies, news, courses...) is the `page` in the context."""
    request = context["request"]
    page = context.get("page") if SOURCES[source].page_model else None
    querystring = clean_querystring(request.GET.urlencode())
    keyword = QueryDict(querystring).get("q", "")
    label = str(SOURCES[source].label)
    name = f"{label}：{keyword}" if keyword else label
    form = None
    if request.user.is_authenticated:
        form = SaveSearchForm(
            initial={
                "name": name[:80],
                "source": source,
                "page": page.pk if page else None,
                "querystring": querystring,
                "frequency": SavedSearch.Frequency.DAILY,
            },
            auto_id="id_save_search_%s",
        )
    return {
        "request": request,
        "form": form,
        "next": request.get_full_path(),
        "login_label": _("登录后保存此检索"),
    }
