from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin

from .models import ImportBatch, ImportSource


class ImportForm(StyledFormMixin, forms.Form):
    record_kind = forms.ChoiceField(label=_("记录类型"), choices=ImportBatch.RecordKind.choices)
    source_kind = forms.ChoiceField(
        label=_("数据来源"), choices=[c for c in ImportSource.Kind.choices if c[0] != ImportSource.Kind.DEMO]
    )
    # The content is checked by `register.reading.file_type` (encoding, workbook, XML) and
    # `register.images.unpack` (a ZIP of a sheet and its trademark images), not the name.
    file = forms.FileField(
        label=_("文件"),
        help_text=_(
            "CSV（UTF-8 或 GBK）、XLSX 或 XML，最大 50 MB；带商标图样时，将表格与图片一起打包为 ZIP（最大 500 MB）"
        ),
    )


class CustomsRecordForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("知识产权类型"), choices=[("patent", _("专利")), ("trademark", _("商标"))])
    right_number = forms.CharField(label=_("专利申请号或商标注册号"), max_length=40)
    number = forms.CharField(label=_("海关备案号"), max_length=40)
    holder_name = forms.CharField(label=_("备案权利人"), max_length=200)
    recorded_on = forms.DateField(label=_("备案核准日期"), widget=forms.DateInput(attrs={"type": "date"}))
    valid_until = forms.DateField(label=_("备案有效期至"), widget=forms.DateInput(attrs={"type": "date"}))


class CustomsImportForm(StyledFormMixin, forms.Form):
    # The content is checked by `register.reading` (encoding, workbook), not the name.
    file = forms.FileField(
        label=_("海关备案名单"),
        help_text=_("CSV（UTF-8 或 GBK）或 XLSX；列：备案号、知识产权类型、专利号/注册号、权利人、核准日期、有效期至"),
    )
