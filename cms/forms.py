"""Filter forms of the listing pages. A value that does not validate is dropped, never raised."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from core.forms import StyledFormMixin

from .models import IssuingAgency, NewsPage, PatentInfoPage, PolicyPage


class ListingFilterForm(StyledFormMixin, forms.Form):
    """A GET filter form; `filter(queryset)` applies the fields that validated and ignores the rest."""

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

    def filter(self, queryset):
        raise NotImplementedError


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

    def filter(self, queryset):
        values = self.valid_values()
        if "q" in values:
            text = values["q"]
            queryset = queryset.filter(
                Q(title__icontains=text) | Q(document_number__icontains=text) | Q(index_number__icontains=text)
            )
        if "agency" in values:
            queryset = queryset.filter(issuing_agency=values["agency"])
        if "year" in values:
            queryset = queryset.filter(issue_date__year=values["year"])
        if "validity" in values:
            queryset = queryset.filter(validity=values["validity"])
        if "topic" in values:
            queryset = queryset.filter(tags__name=values["topic"])
        return queryset


class NewsFilterForm(ListingFilterForm):
    category = forms.ChoiceField(label=_("类别"), required=False, choices=[("", _("全部")), *NewsPage.Category.choices])
    tag = forms.ChoiceField(label=_("标签"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = _tag_choices(NewsPage.tags.through, self.index_page)

    def filter(self, queryset):
        values = self.valid_values()
        if "category" in values:
            queryset = queryset.filter(category=values["category"])
        if "tag" in values:
            queryset = queryset.filter(tags__name=values["tag"])
        return queryset


class PatentInfoFilterForm(ListingFilterForm):
    kind = forms.ChoiceField(label=_("类型"), required=False, choices=[("", _("全部")), *PatentInfoPage.Kind.choices])
    tag = forms.ChoiceField(label=_("标签"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = _tag_choices(PatentInfoPage.tags.through, self.index_page)

    def filter(self, queryset):
        values = self.valid_values()
        if "kind" in values:
            queryset = queryset.filter(kind=values["kind"])
        if "tag" in values:
            queryset = queryset.filter(tags__name=values["tag"])
        return queryset
