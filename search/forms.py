from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin

from .query import DATE_RANGES, PRICE_RANGES, SORTS, SearchQuery

PER_PAGE = 10
MAX_PAGE = 100


class SearchForm(StyledFormMixin, forms.Form):
    """The search page's GET parameters: the query and filters live in the URL."""

    optional_empty_label = _("全部")

    q = forms.CharField(label=_("关键词"), required=False, max_length=200)
    type = forms.MultipleChoiceField(label=_("类型"), required=False, choices=())
    category = forms.MultipleChoiceField(label=_("类别"), required=False, choices=())
    district = forms.MultipleChoiceField(label=_("地区"), required=False, choices=())
    status = forms.MultipleChoiceField(label=_("状态"), required=False, choices=())
    date = forms.ChoiceField(
        label=_("日期"), required=False, choices=[("", "")] + [(k, v[0]) for k, v in DATE_RANGES.items()]
    )
    price = forms.ChoiceField(
        label=_("价格"), required=False, choices=[("", "")] + [(k, v[0]) for k, v in PRICE_RANGES.items()]
    )
    sort = forms.ChoiceField(label=_("排序"), required=False, choices=list(SORTS.items()))
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        # Facet values are whatever the index holds; any value is accepted and simply matches nothing.
        for name in ("type", "category", "district", "status"):
            self.fields[name].valid_value = lambda value: bool(value) and len(value) <= 100

    def to_query(self, types=None, per_page=PER_PAGE):
        self.is_valid()  # invalid parameters are dropped, the valid ones still apply
        data = self.cleaned_data
        return SearchQuery(
            text=data.get("q", ""),
            types=types if types is not None else data.get("type", []),
            categories=data.get("category", []),
            districts=data.get("district", []),
            statuses=data.get("status", []),
            date_range=data.get("date", ""),
            price_range=data.get("price", ""),
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
            per_page=per_page,
        )
