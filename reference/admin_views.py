"""Importing the list of abnormal patent applications in the Wagtail admin (mounted by `wagtail_hooks`).

Whoever may add rows of the list (`reference.add_abnormalapplication`) may import a file of them."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.dates import DateRangeMixin
from core.forms import StyledFormMixin
from core.uploads import CheckedFileField

from .abnormal import import_abnormal_applications

IMPORT_PERMISSION = "reference.add_abnormalapplication"


class AbnormalListForm(DateRangeMixin, StyledFormMixin, forms.Form):
    past_dates = ("published_on",)

    file = CheckedFileField(
        label=gettext_lazy("名单文件"),
        kinds=("csv", "spreadsheet"),
        max_bytes=5 * 1024 * 1024,
        help_text=gettext_lazy("CSV（UTF-8 或 GBK）或 XLSX，首行为表头：申请号（必填）、通报日期、通报文件"),
    )
    published_on = forms.DateField(
        label=gettext_lazy("通报日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("文件中没有“通报日期”列时，所有行取此日期"),
    )
    notice = forms.CharField(label=gettext_lazy("通报文件"), max_length=200, required=False)


def import_abnormal_list(request):
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied
    form = AbnormalListForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = import_abnormal_applications(
                data["file"], published_on=data["published_on"], notice=data["notice"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            if result.errors:
                for error in result.errors:
                    form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("已导入非正常专利申请名单：新增或提前 %(written)s 件，已在名单中 %(unchanged)s 件。")
                    % {"written": result.written, "unchanged": result.unchanged},
                )
                return redirect("wagtailsnippets_reference_abnormalapplication:list")
    return render(request, "reference/admin/abnormal_import.html", {"form": form})
