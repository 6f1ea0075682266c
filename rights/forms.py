import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.dates import DateRangeMixin
from core.forms import StyledFormMixin
from core.uploads import validate_upload
from reference.models import District, ResponsibleUnit

from .cases import EVIDENCE_KINDS, EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES
from .models import Action, Case, Category, Handler, Outcome, Status

FORM_STARTED_SALT = "rights.form-started"


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Several evidence files: PDF or images, each checked by `validate_upload` like every other upload."""

    widget = MultipleFileInput

    def __init__(self, *args, max_files=EVIDENCE_MAX_FILES, max_bytes=EVIDENCE_MAX_BYTES, **kwargs):
        self.max_files = max_files
        self.max_bytes = max_bytes
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.widget.attrs["accept"] = ".pdf,.jpg,.jpeg,.png,.webp"

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(files) > self.max_files:
            raise ValidationError(_("最多上传 %(max)s 个文件。"), code="max_files", params={"max": self.max_files})
        errors, cleaned = [], []
        for uploaded in files:
            try:
                uploaded = super().clean(uploaded)
                validate_upload(uploaded, EVIDENCE_KINDS, self.max_bytes)
            except ValidationError as error:
                errors.extend(error.error_list)
            else:
                cleaned.append(uploaded)
        if errors:
            raise ValidationError(errors)
        return cleaned


class HoneypotInput(forms.TextInput):
    """A text box people never see (moved off-screen by CSS) and robots fill in."""

    template_name = "rights/widgets/honeypot.html"

    def __init__(self):
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1"})


class SpamTrapMixin:
    """A hidden field robots fill in, and the time the form was shown, signed; no puzzle for people."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Added last, so they come after everything a person fills in.
        self.fields["website"] = forms.CharField(label="", required=False, widget=HoneypotInput())
        # When the form was shown, and which form it is (so that sending it twice is recognised).
        self.fields["started"] = forms.CharField(
            required=False,
            widget=forms.HiddenInput,
            initial=signing.dumps([time.time(), secrets.token_hex(16)], salt=FORM_STARTED_SALT),
        )

    def _started(self):
        """(time shown, form key) as signed when the form was shown, or None if missing or forged."""
        try:
            value = signing.loads(self.data.get("started", ""), salt=FORM_STARTED_SALT)
        except signing.BadSignature:
            return None
        # Forms shown before the key was added carry the time alone.
        return (float(value[0]), value[1]) if isinstance(value, list) else (float(value), None)

    def looks_automated(self):
        """True if the trap was filled or the form came back impossibly fast (or with a forged time)."""
        if self.data.get("website"):
            return True
        started = self._started()
        return started is None or time.time() - started[0] < settings.RIGHTS_MIN_FILL_SECONDS

    def submission_key(self):
        started = self._started()
        return started[1] if started else None


class CaseFormMixin(DateRangeMixin):
    past_dates = ("occurred_on",)
    ahead_dates = ("deadline",)

    def case_fields(self):
        """The cleaned values that belong on the case itself."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class ReportForm(CaseFormMixin, StyledFormMixin, SpamTrapMixin, forms.ModelForm):
    evidence = EvidenceField(
        label=_("证据材料"),
        help_text=_("照片或 PDF，最多 6 个，每个不超过 10 MB。仅承办人员可以查看。"),
    )

    class Meta:
        model = Case
        fields = [
            "category",
            "ip_right",
            "infringer",
            "infringer_details",
            "place",
            "district",
            "occurred_on",
            "description",
            "contact_name",
            "contact_phone",
            "contact_email",
        ]
        labels = {"infringer": _("侵权方"), "category": _("举报类别")}
        widgets = {
            "occurred_on": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 5}),
            "category": forms.RadioSelect,
        }
        help_texts = {
            "contact_email": _("选填。填写后可收到办理进展的邮件通知。"),
            "description": _("侵权的商品或行为、数量、持续时间等。"),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.all()
        self.fields["district"].empty_label = _("不确定")
        if user is not None and user.is_authenticated:
            self.fields["contact_name"].initial = user.name
            self.fields["contact_phone"].initial = user.phone
            self.fields["contact_email"].initial = user.email
        else:
            self.fields["contact_name"].help_text = _("选填：匿名举报可不填联系方式。")


class AssistanceForm(CaseFormMixin, StyledFormMixin, forms.ModelForm):
    evidence = EvidenceField(
        label=_("相关材料"),
        help_text=_("权利证书、侵权证据、起诉状或应诉通知等，照片或 PDF，最多 6 个，每个不超过 10 MB。"),
    )

    class Meta:
        model = Case
        fields = [
            "category",
            "ip_right",
            "infringer",
            "infringer_details",
            "help_wanted",
            "deadline",
            "deadline_note",
            "description",
            "contact_name",
            "contact_phone",
            "contact_email",
        ]
        labels = {"category": _("纠纷类别"), "infringer": _("对方当事人")}
        widgets = {
            "deadline": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {"deadline_note": _("如：某法院开庭、答辩期届满。")}

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("ip_right", "help_wanted", "contact_name", "contact_phone"):
            self.fields[name].required = True
        if organisation is not None:
            self.fields["contact_name"].initial = organisation.contact_name
            self.fields["contact_phone"].initial = organisation.contact_phone
            self.fields["contact_email"].initial = organisation.contact_email

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("deadline_note") and not cleaned.get("deadline"):
            self.add_error("deadline", _("请填写期限说明所对应的日期。"))
        return cleaned


class StatusCheckForm(StyledFormMixin, forms.Form):
    tracking_number = forms.CharField(label=_("受理编号"), max_length=30)
    secret = forms.CharField(
        label=_("查询密码"),
        max_length=30,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        help_text=_("提交举报时页面显示的查询密码。"),
    )


# ----------------------------------------------------------------------------------------------
# Handling
# ----------------------------------------------------------------------------------------------


def handler_choices(unit=None):
    handlers = Handler.objects.on_duty().select_related("user", "unit")
    if unit is not None:
        handlers = handlers.filter(unit=unit)
    return handlers


class HandlerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.user}（{obj.unit}）"


class AssignForm(StyledFormMixin, forms.Form):
    unit = forms.ModelChoiceField(label=_("承办单位"), queryset=ResponsibleUnit.objects.all())
    handler = HandlerChoiceField(label=_("承办人"), queryset=Handler.objects.none(), required=False)
    note = forms.CharField(label=_("内部说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, case, user_unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user_unit is not None:
            # A handler names a colleague in their own unit; moving the case elsewhere is a transfer.
            self.fields["unit"].queryset = ResponsibleUnit.objects.filter(pk=user_unit.pk)
            self.fields["unit"].initial = user_unit.pk
            self.fields["handler"].queryset = handler_choices(user_unit)
        else:
            self.fields["handler"].queryset = handler_choices()
            self.fields["unit"].initial = (
                case.unit_id
                or ResponsibleUnit.objects.filter(code=case.suggested_unit_code).values_list("pk", flat=True).first()
            )
        self.fields["handler"].initial = (
            self.fields["handler"].queryset.filter(user_id=case.handler_id).values_list("pk", flat=True).first()
        )

    def clean(self):
        cleaned = super().clean()
        handler, unit = cleaned.get("handler"), cleaned.get("unit")
        if handler and unit and handler.unit_id != unit.pk:
            self.add_error("handler", _("承办人须属于所选的承办单位。"))
        return cleaned


def _text(label, required=True, rows=3, help_text=""):
    return forms.CharField(
        label=label, required=required, help_text=help_text, widget=forms.Textarea(attrs={"rows": rows})
    )


INTERNAL_HELP = _("仅承办人员和管理员可见。")
PUBLIC_HELP = _("提交人可以看到这段话。")


class AcceptForm(StyledFormMixin, forms.Form):
    public_message = _text(_("对提交人的答复"), required=False, rows=2, help_text=PUBLIC_HELP)
    note = _text(_("内部说明"), required=False, rows=2, help_text=INTERNAL_HELP)


class StartForm(AcceptForm):
    pass


class DeclineForm(StyledFormMixin, forms.Form):
    reason = _text(_("不予受理的理由"), help_text=PUBLIC_HELP)
    note = _text(_("内部说明"), required=False, rows=2, help_text=INTERNAL_HELP)


class TransferForm(StyledFormMixin, forms.Form):
    to_unit = forms.ModelChoiceField(label=_("转至单位"), queryset=ResponsibleUnit.objects.all())
    note = _text(_("转办说明"), help_text=INTERNAL_HELP)
    public_message = _text(
        _("对提交人的答复"), required=False, rows=2, help_text=_("不填则告知提交人“已转交某单位办理”。")
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].queryset = ResponsibleUnit.objects.exclude(pk=case.unit_id)


class CloseForm(StyledFormMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("办理结果"), choices=[("", _("请选择")), *Outcome.choices])
    summary = _text(_("结果说明"), help_text=PUBLIC_HELP)
    note = _text(_("内部说明"), required=False, rows=2, help_text=INTERNAL_HELP)


class MessageForm(StyledFormMixin, forms.Form):
    message = _text(_("答复内容"), help_text=PUBLIC_HELP)


class NoteForm(StyledFormMixin, forms.Form):
    text = _text(_("内部备注"), help_text=INTERNAL_HELP)


ACTION_FORMS = {
    Action.ASSIGN: AssignForm,
    Action.ACCEPT: AcceptForm,
    Action.DECLINE: DeclineForm,
    Action.TRANSFER: TransferForm,
    Action.START: StartForm,
    Action.CLOSE: CloseForm,
    Action.MESSAGE: MessageForm,
}

AGE_CHOICES = [
    ("", _("不限")),
    ("3", _("3 天以上")),
    ("7", _("7 天以上")),
    ("15", _("15 天以上")),
    ("30", _("30 天以上")),
]


class QueueFilterForm(StyledFormMixin, forms.Form):
    optional_empty_label = _("全部")

    q = forms.CharField(label=_("编号或侵权方"), required=False)
    category = forms.ChoiceField(label=_("类别"), required=False, choices=[("", _("全部")), *Category.choices])
    status = forms.ChoiceField(
        label=_("状态"), required=False, choices=[("", _("未结案件")), ("all", _("全部")), *Status.choices]
    )
    kind = forms.ChoiceField(label=_("类型"), required=False, choices=[("", _("全部")), *Case.Kind.choices])
    district = forms.ModelChoiceField(
        label=_("县区"), required=False, queryset=District.objects.all(), empty_label=_("全部")
    )
    min_age = forms.ChoiceField(label=_("已提交"), required=False, choices=AGE_CHOICES)
    stale = forms.BooleanField(label=_("只看超期未办"), required=False)


class RegisterSearchForm(StyledFormMixin, forms.Form):
    optional_empty_label = _("全部")

    q = forms.CharField(label=_("侵权方、知识产权或地点"), required=False)
    category = forms.ChoiceField(label=_("类别"), required=False, choices=[("", _("全部")), *Category.choices])
    district = forms.ModelChoiceField(
        label=_("县区"), required=False, queryset=District.objects.all(), empty_label=_("全部")
    )
