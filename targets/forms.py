from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.dates import DateRangeMixin
from core.forms import StyledFormMixin
from core.uploads import CheckedFileField
from reference.models import District, ResponsibleUnit

from .entries import ATTACHMENT_KINDS, EVIDENCE_KINDS, MAX_BYTES
from .imports import MAX_BYTES as IMPORT_MAX_BYTES


class DashboardFilterForm(DateRangeMixin, StyledFormMixin, forms.Form):
    past_dates = ("on",)
    optional_empty_label = _("全部")

    unit = forms.ModelChoiceField(
        ResponsibleUnit.objects.all(), label=_("责任单位"), required=False, empty_label=_("全部")
    )
    district = forms.ModelChoiceField(
        District.objects.all(), label=_("县区"), required=False, empty_label=_("全市"), to_field_name="code"
    )
    on = forms.DateField(
        label=_("统计截至"), required=False, widget=forms.DateInput(attrs={"type": "date"}), help_text=_("留空为今天")
    )

    def filters(self):
        """(unit, district, day) from valid input, else no filter."""
        if not self.is_valid():
            return None, None, timezone.localdate()
        data = self.cleaned_data
        return data.get("unit"), data.get("district"), data.get("on") or timezone.localdate()


class EntryForm(DateRangeMixin, StyledFormMixin, forms.Form):
    past_dates = ("as_of",)

    as_of = forms.DateField(label=_("统计日期"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.DecimalField(label=_("数值"), max_digits=14, decimal_places=4)
    district = forms.ModelChoiceField(District.objects.all(), label=_("县区"), required=False, empty_label=_("全市"))
    source_note = forms.CharField(
        label=_("数据来源说明"), max_length=200, help_text=_("如：市统计局《2015年统计公报》")
    )
    attachment = CheckedFileField(label=_("附件"), required=False, kinds=ATTACHMENT_KINDS, max_bytes=MAX_BYTES)

    def __init__(self, *args, indicator, **kwargs):
        self.indicator = indicator
        super().__init__(*args, **kwargs)
        if indicator.is_percent:
            self.fields["value"].help_text = _("百分比，填 0–100 之间的数。")
        self.fields["value"].label = _("数值（%(unit)s）") % {"unit": indicator.unit}

    def clean_value(self):
        value = self.cleaned_data["value"]
        problem = self.indicator.validate_value(value)
        if problem:
            raise forms.ValidationError(problem)
        return value


class CorrectionForm(EntryForm):
    reason = forms.CharField(label=_("更正原因"), max_length=200)


class ImportForm(StyledFormMixin, forms.Form):
    file = CheckedFileField(
        label=_("数据文件"),
        kinds=("csv", "spreadsheet"),
        max_bytes=IMPORT_MAX_BYTES,
        help_text=_("CSV（UTF-8）或 XLSX，首行为表头"),
    )


class CertificationForm(DateRangeMixin, StyledFormMixin, forms.Form):
    past_dates = ("certified_on",)

    enterprise = forms.ModelChoiceField(
        Organisation.objects.filter(kind=Organisation.Kind.ENTERPRISE).select_related("district"), label=_("企业")
    )
    certificate_number = forms.CharField(label=_("证书编号"), max_length=60)
    certified_on = forms.DateField(label=_("认定日期"), widget=forms.DateInput(attrs={"type": "date"}))
    issued_by = forms.CharField(label=_("认定单位"), max_length=60, initial="市科技局、连云港质监局")
    evidence = CheckedFileField(label=_("证明材料"), kinds=EVIDENCE_KINDS, max_bytes=MAX_BYTES)


class RevocationForm(DateRangeMixin, StyledFormMixin, forms.Form):
    past_dates = ("revoked_on",)

    revoked_on = forms.DateField(label=_("撤销日期"), widget=forms.DateInput(attrs={"type": "date"}))
