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
