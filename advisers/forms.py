from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin
from core.submissions import OnceOnlyFormMixin
from core.uploads import CheckedFileField
from reference.models import District
from register.classification import split_ipc_list
from training.models import CourseType

from .models import PROFESSIONAL_COURSES, AdviceRequest, Availability, Language, TitleRecognition
from .profiles import normalise_fields, wanted_field
from .recognitions import DOCUMENT_KINDS


class ProfileForm(StyledFormMixin, forms.Form):
    display_name = forms.CharField(label=_("展示姓名"), max_length=60)
    headline = forms.CharField(label=_("职业简介"), max_length=120)
    expertise = forms.CharField(label=_("专长"), widget=forms.Textarea(attrs={"rows": 4}))
    ipc_fields = forms.CharField(
        label=_("技术领域（IPC）"),
        required=False,
        help_text=_("IPC小类，用逗号分隔，如 C03B, A61K"),
    )
    languages = forms.MultipleChoiceField(
        label=_("工作语言"), choices=Language.choices, widget=forms.CheckboxSelectMultiple
    )
    districts = forms.ModelMultipleChoiceField(
        label=_("服务县区"), queryset=District.objects.order_by("sort_order"), widget=forms.CheckboxSelectMultiple
    )
    availability = forms.ChoiceField(label=_("可约情况"), choices=Availability.choices)
    availability_note = forms.CharField(label=_("可约说明"), max_length=200, required=False)

    def clean_ipc_fields(self):
        try:
            return normalise_fields(split_ipc_list(self.cleaned_data["ipc_fields"]))
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages) from None


class PoolFilterForm(StyledFormMixin, forms.Form):
    optional_empty_label = _("全部")

    q = forms.CharField(label=_("关键词"), required=False)
    field = forms.CharField(label=_("技术领域（IPC大类或小类）"), required=False, max_length=12)
    certificate = forms.ChoiceField(
        label=_("证书"),
        required=False,
        choices=[("", "---------"), *[(c.value, c.label) for c in CourseType if c in PROFESSIONAL_COURSES]],
    )
    language = forms.ChoiceField(label=_("工作语言"), required=False, choices=[("", "---------"), *Language.choices])
    district = forms.ModelChoiceField(
        label=_("服务县区"), required=False, queryset=District.objects.order_by("sort_order")
    )

    def clean_field(self):
        value = self.cleaned_data["field"]
        return wanted_field(value) if value else ""


class RequestForm(OnceOnlyFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = AdviceRequest
        fields = ["topic", "message", "preferred_from", "preferred_to"]
        widgets = {
            "message": forms.Textarea(attrs={"rows": 4}),
            "preferred_from": forms.DateInput(attrs={"type": "date"}),
            "preferred_to": forms.DateInput(attrs={"type": "date"}),
        }


class AnswerForm(StyledFormMixin, forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("接受")), ("decline", _("谢绝"))])
    answer = forms.CharField(label=_("答复"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RegistrationForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(label=_("本机构成员的邮箱"))


class RecognitionForm(OnceOnlyFormMixin, StyledFormMixin, forms.Form):
    email = forms.EmailField(label=_("本人在平台的邮箱"))
    level = forms.ChoiceField(label=_("职称级别"), choices=TitleRecognition.Level.choices)
    decided_on = forms.DateField(label=_("评定日期"), widget=forms.DateInput(attrs={"type": "date"}))
    deciding_unit = forms.CharField(label=_("评定单位"), max_length=100)
    document = CheckedFileField(label=_("评聘文件"), kinds=DOCUMENT_KINDS)


class RecognitionStepForm(StyledFormMixin, forms.Form):
    action = forms.ChoiceField(choices=TitleRecognition.Status.choices)
    note = forms.CharField(label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
