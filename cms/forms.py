"""Filter forms of the listing pages, turned into the section's search (each field chooses the filter of
the same name that the page type declares in `cms.documents`). A value that does not validate is
dropped, never raised."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from core.forms import StyledFormMixin
from search.query import SearchQuery
from search.registry import filter_tags

from .models import IssuingAgency, NewsPage, PatentInfoPage, PolicyPage


class ListingFilterForm(StyledFormMixin, forms.Form):
    """A GET filter form of a section page; `search_query()` searches the section's own live children
    (`search_type`, below the section page) with the fields that validated, newest first, and ignores
    the rest. Fields named like the type's filters choose them; subclasses say what their other fields
    ask for in `search_filters(values)`."""

    optional_empty_label = _("全部")

    search_type = None

    def __init__(self, *args, index_page=None, **kwargs):
        self.index_page = index_page
        super().__init__(*args, **kwargs)

    def invalid_labels(self):
        return "、".join(str(self.fields[name].label) for name in self.errors if name in self.fields)

    def valid_values(self):
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "", [])}

    def search_filters(self, values):
        """SearchQuery arguments other than the type's filters (text, dates) for the valid values."""
        return {}

    def search_query(self, page=1, per_page=10):
        values = self.valid_values()
        tags = filter_tags([self.search_type], {**values, "parent": self.index_page})
        return SearchQuery(
            scope=[self.search_type],
            tags=tags,
            sort="newest",
            page=page,
            per_page=per_page,
            **self.search_filters(values),
        )


def _tag_choices(through_model, index_page):
    """The tags used by live pages of this section, as choices."""
    items = f"{through_model._meta.app_label}_{through_model._meta.model_name}_items__content_object"
    tags = Tag.objects.filter(**{f"{items}__live": True})
    if index_page is not None:
        tags = tags.filter(**{f"{items}__path__startswith": index_page.path})
    return [("", _("全部"))] + [
        (name, name) for name in tags.order_by("name").values_list("name", flat=True).distinct()
    ]


class PolicyFilterForm(ListingFilterForm):
    search_type = "policy"

    q = forms.CharField(label=_("标题或文号"), required=False, max_length=100)
    agency = forms.ModelChoiceField(
        label=_("发布机构"),
        queryset=IssuingAgency.objects.all(),
        required=False,
        empty_label=_("全部"),
        to_field_name="pk",
    )
    year = forms.TypedChoiceField(label=_("年份"), required=False, coerce=int, empty_value=None)
    validity = forms.ChoiceField(
        label=_("时效"), required=False, choices=[("", _("全部")), *PolicyPage.Validity.choices]
    )
    topic = forms.ChoiceField(label=_("主题"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        policies = PolicyPage.objects.live()
        if self.index_page is not None:
            policies = policies.child_of(self.index_page)
        self.fields["year"].choices = [("", _("全部"))] + [(year, str(year)) for year in policies.issue_years()]
        self.fields["topic"].choices = _tag_choices(PolicyPage.tags.through, self.index_page)

    def search_filters(self, values):
        year = values.get("year")
        return {
            "text": values.get("q", ""),
            # The issue year: the document date of a policy is its issue date.
            "date_from": datetime.date(year, 1, 1) if year else None,
            "date_before": datetime.date(year + 1, 1, 1) if year else None,
        }


class NewsFilterForm(ListingFilterForm):
    search_type = "news"

    category = forms.ChoiceField(label=_("类别"), required=False, choices=[("", _("全部")), *NewsPage.Category.choices])
    tag = forms.ChoiceField(label=_("标签"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = _tag_choices(NewsPage.tags.through, self.index_page)


class PatentInfoFilterForm(ListingFilterForm):
    search_type = "patent_info"

    kind = forms.ChoiceField(label=_("类型"), required=False, choices=[("", _("全部")), *PatentInfoPage.Kind.choices])
    tag = forms.ChoiceField(label=_("标签"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = _tag_choices(PatentInfoPage.tags.through, self.index_page)
