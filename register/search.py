"""The register's search page (专利检索): a form turned into one `SearchQuery` over the patent and
trademark documents (`register.documents`), on whichever backend answers cross-search."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin
from reference.models import District
from search import registry
from search.query import SearchQuery

from .classification import normalise_ipc, normalise_nice_class
from .models import Patent, Trademark
from .numbers import normalise_application_number
from .terms import LegalStatus, PatentType

SORTS = {"relevance": _("相关度"), "newest": _("申请日从新到旧"), "date_asc": _("申请日从旧到新"), "title": _("名称")}
KINDS = {"patent": _("专利"), "trademark": _("商标")}
EXPORT_LIMIT = 5000
# The filters that apply to the other kind of record only.
OTHER_KINDS_FIELDS = {"patent": ("nice",), "trademark": ("inventor", "ipc", "patent_type")}


def _year_choices():
    return [("", _("不限"))] + [(str(y), str(y)) for y in range(timezone.localdate().year, 1984, -1)]


class RegisterSearchForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("关键词或号码"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("类型"), choices=list(KINDS.items()), required=False)
    applicant = forms.CharField(label=_("申请（专利权）人"), required=False, max_length=200)
    inventor = forms.CharField(label=_("发明人"), required=False, max_length=100)
    ipc = forms.CharField(label=_("IPC分类"), required=False, max_length=20, help_text=_("如 C03B 或 H01L 21/02"))
    nice = forms.CharField(label=_("尼斯分类"), required=False, max_length=5)
    district = forms.ModelChoiceField(
        label=_("县区"), queryset=District.objects.all(), required=False, to_field_name="code"
    )
    patent_type = forms.ChoiceField(label=_("专利类型"), choices=[("", _("不限")), *PatentType.choices], required=False)
    status = forms.ChoiceField(
        label=_("法律状态"),
        choices=[("", _("不限")), *LegalStatus.choices, *Trademark.Status.choices[1:]],
        required=False,
    )
    year_from = forms.TypedChoiceField(label=_("年份从"), coerce=int, required=False, empty_value=None)
    year_to = forms.TypedChoiceField(label=_("年份至"), coerce=int, required=False, empty_value=None)
    sort = forms.ChoiceField(label=_("排序"), choices=list(SORTS.items()), required=False)

    def __init__(self, *args, kind=None, **kwargs):
        """`kind` ("patent" or "trademark") makes the form of one kind of record: without the kind choice,
        the other kind's filters and its statuses (the open API's patent and trademark lists)."""
        super().__init__(*args, **kwargs)
        self.fields["year_from"].choices = self.fields["year_to"].choices = _year_choices()
        self.only_kind = kind
        if kind is not None:
            for name in ("kind", *OTHER_KINDS_FIELDS[kind]):
                del self.fields[name]
            statuses = LegalStatus.choices if kind == "patent" else Trademark.Status.choices
            self.fields["status"].choices = [("", _("不限")), *statuses]

    def clean_ipc(self):
        value = self.cleaned_data["ipc"].strip()
        return normalise_ipc(value) if value else ""

    def clean_nice(self):
        value = self.cleaned_data["nice"].strip()
        return normalise_nice_class(value) if value else None


def number_in(text):
    """The stored application number if `text` is one written in any usual form, else None."""
    try:
        return normalise_application_number(text)
    except ValidationError:
        return None


def build_query(data, page=1, per_page=20, only=None):
    """The SearchQuery for a valid form's cleaned data; `only` keeps it to one kind of record, whatever
    the words look like (a short number is otherwise taken for a trademark's)."""
    kind = data.get("kind") or ""
    scope = [kind] if kind else ["patent", "trademark"]
    if data.get("ipc") or data.get("patent_type") or data.get("inventor"):
        scope = ["patent"]
    if data.get("nice"):
        scope = ["trademark"]
    text = data.get("q") or ""
    chosen = {
        "patent_type": data.get("patent_type"),
        "register_status": data.get("status"),
        "ipc": data.get("ipc"),
        "nice": data.get("nice"),
        "applicant": (data.get("applicant") or "").strip(),
        "inventor": (data.get("inventor") or "").strip(),
        "district_code": data["district"].code if data.get("district") else None,
    }
    number = number_in(text)
    if number is None and text.strip().upper().removeprefix("第").removesuffix("号").isdigit():
        number = str(int(text.strip().upper().removeprefix("第").removesuffix("号")))
        scope = ["trademark"] if len(number) <= 9 else scope
    if number:
        chosen["number"], text = number, ""
    if only is not None:
        scope = [only]
    return SearchQuery(
        text=text,
        scope=scope,
        tags=registry.filter_tags(scope, chosen),
        date_from=date(data["year_from"], 1, 1) if data.get("year_from") else None,
        date_before=date(data["year_to"] + 1, 1, 1) if data.get("year_to") else None,
        sort=data.get("sort") or "relevance",
        page=page,
        per_page=per_page,
    )


def querysets():
    return {
        "patent": Patent.objects.select_related("district").prefetch_related("parties"),
        "trademark": Trademark.objects.select_related("district"),
    }
