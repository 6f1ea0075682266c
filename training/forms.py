"""The course list's filter form, turned into the course search (the filters are those the course type
declares in `training.documents`)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin
from search.query import SearchQuery
from search.registry import filter_tags

from .models import CourseType


class CourseFilterForm(StyledFormMixin, forms.Form):
    """The course list's filters; an unknown value is ignored rather than shown as an error."""

    optional_empty_label = _("全部")

    WHEN = [("upcoming", _("即将开课")), ("past", _("往期课程")), ("all", _("全部课程"))]
    MODE = [("", _("不限形式")), ("online", _("线上")), ("venue", _("线下"))]
    FEE = [("", _("不限费用")), ("free", _("免费")), ("paid", _("收费"))]

    when = forms.ChoiceField(label=_("时间"), choices=WHEN, required=False)
    type = forms.ChoiceField(label=_("培训类型"), choices=[("", _("全部类型")), *CourseType.choices], required=False)
    mode = forms.ChoiceField(label=_("形式"), choices=MODE, required=False)
    fee = forms.ChoiceField(label=_("费用"), choices=FEE, required=False)

    def valid_values(self):
        """The values that validated; an invalid one is left out without dropping the others."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    @property
    def selected_when(self):
        return self.valid_values().get("when", "upcoming")

    def search_query(self, index_page, page=1, per_page=10):
        """The courses below `index_page`: upcoming ones (starting today or later) soonest first, past
        ones (started before today) or all of them newest first."""
        values = self.valid_values()
        today = timezone.localdate()
        when = {
            "upcoming": {"date_from": today, "sort": "date_asc"},
            "past": {"date_before": today, "sort": "newest"},
            "all": {"sort": "newest"},
        }[self.selected_when]
        tags = filter_tags(["course"], {**values, "parent": index_page})
        return SearchQuery(scope=["course"], tags=tags, page=page, per_page=per_page, **when)
