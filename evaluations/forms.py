from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin
from core.submissions import OnceOnlyFormMixin
from core.uploads import CheckedFileField

from .access import evaluating_institutions
from .handling import ATTACHMENT_KINDS, MAX_BYTES, REPORT_KINDS, clean_ipc_fields
from .models import Decision


class RequestForm(OnceOnlyFormMixin, StyledFormMixin, forms.Form):
    project_name = forms.CharField(label=_("项目名称"), max_length=120)
    description = forms.CharField(
        label=_("项目简介"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("项目内容、涉及的主要技术与产品、合作或引进方等"),
    )
    decision = forms.ChoiceField(label=_("评议服务的决策事项"), choices=Decision.choices)
    ipc_fields = forms.CharField(
        label=_("技术领域（IPC分类号）"),
        max_length=300,
        help_text=_("一个或多个分类号，用分号或逗号分隔，如 C03B; H01L 31/18"),
    )
    deadline = forms.DateField(label=_("希望完成日期"), widget=forms.DateInput(attrs={"type": "date"}))
    attachment_title = forms.CharField(label=_("材料名称"), max_length=100, required=False)
    attachment = CheckedFileField(
        label=_("项目材料（可选，PDF 或图片，仅申请单位、评议机构和管理人员可见）"),
        kinds=ATTACHMENT_KINDS,
        max_bytes=MAX_BYTES,
        required=False,
    )

    def clean_ipc_fields(self):
        return clean_ipc_fields(self.cleaned_data["ipc_fields"])

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline <= timezone.localdate():
            raise forms.ValidationError(_("希望完成日期须晚于今天。"))
        return deadline


class AssignForm(StyledFormMixin, forms.Form):
    institution = forms.ModelChoiceField(label=_("评议机构"), queryset=None, empty_label=_("请选择"))
    note = forms.CharField(label=_("说明（可选）"), required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = evaluating_institutions()


class StepForm(forms.Form):
    """Accept, decline, return or close: the step's name and, for a return or a refusal, the reason."""

    action = forms.ChoiceField(
        choices=[("accepted", "accepted"), ("declined", "declined"), ("returned", "returned"), ("closed", "closed")]
    )
    note = forms.CharField(required=False, max_length=2000)


class DeliveryForm(StyledFormMixin, forms.Form):
    report = CheckedFileField(label=_("评议报告（PDF）"), kinds=REPORT_KINDS, max_bytes=MAX_BYTES)
    summary = forms.CharField(
        label=_("报告摘要"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("可公开的结论摘要，不含商业秘密和报告中的非公开信息"),
    )
