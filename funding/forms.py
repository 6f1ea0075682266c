from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads import CheckedFileField
from listings.models import FinancingCase, PledgeLoan
from register.models import Patent

from .applications import ATTACHMENT_KINDS, ATTACHMENT_MAX_BYTES
from .models import PATENT_ITEMS, Application, ItemType


class DetailsForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["bank_account_name", "bank_name", "bank_account", "declaration"]
        labels = {"declaration": _("本单位承诺所填信息及材料真实、准确，同一事项未重复申报其他财政资金。")}


def loans_of(organisation):
    """The pledge loans the organisation borrowed on the platform whose facts the lender has recorded."""
    return PledgeLoan.objects.filter(
        case__need__organisation=organisation, case__status=FinancingCase.Status.GRANTED
    ).select_related("case__lender", "case__need__deal")


class ItemForm(forms.Form):
    """One of the organisation's rights (or loans) to claim: the item type and the record, from its own."""

    item_type = forms.ChoiceField(label=_("事项类型"), choices=ItemType.choices)
    record = forms.ChoiceField(label=_("登记簿记录"), widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        patents = (
            Patent.objects.filter(parties__organisation=organisation, parties__match_confirmed=True)
            .distinct()
            .order_by("-grant_date", "application_number")[:300]
        )
        certifications = organisation.demonstration_certifications.all()
        self.fields["record"].choices = [
            (_("专利"), [(f"patent:{p.pk}", f"{p.application_number} {p.title}") for p in patents]),
            (_("管理标准化认定"), [(f"cert:{c.pk}", c.certificate_number) for c in certifications]),
            (_("质押贷款"), [(f"loan:{loan.pk}", _loan_label(loan)) for loan in loans_of(organisation)]),
        ]

    def clean(self):
        data = super().clean()
        kind, _sep, pk = (data.get("record") or "").partition(":")
        item_type = data.get("item_type")
        if item_type in PATENT_ITEMS and kind == "patent":
            data["patent"] = Patent.objects.get(pk=pk)
        elif item_type == ItemType.CERTIFICATION and kind == "cert":
            data["certification"] = self.organisation.demonstration_certifications.get(pk=pk)
        elif item_type == ItemType.LOAN_INTEREST and kind == "loan":
            data["loan"] = loans_of(self.organisation).get(pk=pk)
        elif item_type:
            raise forms.ValidationError(
                _("所选记录与事项类型不符：专利事项请选专利，贯标事项请选认定记录，贷款贴息请选质押贷款。")
            )
        return data


def _loan_label(loan):
    return _("%(lender)s 贷款 %(principal)s 元（%(start)s 起）") % {
        "lender": loan.case.lender.name,
        "principal": loan.principal,
        "start": loan.start_date.isoformat(),
    }


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("材料名称"), max_length=100)
    file = CheckedFileField(
        label=_("文件（PDF 或图片，10 MB 以内）"), kinds=ATTACHMENT_KINDS, max_bytes=ATTACHMENT_MAX_BYTES
    )


class ReviewForm(forms.Form):
    action = forms.ChoiceField(
        choices=[(name, name) for name in ("accepted", "first_passed", "approved", "returned", "rejected")]
    )
    note = forms.CharField(label=_("意见"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PaymentForm(forms.Form):
    amount = forms.DecimalField(label=_("拨付金额（元）"), max_digits=14, decimal_places=2, min_value=0)
    # A date input takes ISO dates whatever the language's date format.
    paid_on = forms.DateField(
        label=_("拨付日期"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class PublicityForm(forms.Form):
    title = forms.CharField(label=_("公示标题"), max_length=150)
    applications = forms.ModelMultipleChoiceField(
        label=_("公示的申请"), queryset=Application.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = programme.applications.filter(status=Application.Status.APPROVED)


class ObjectionForm(forms.Form):
    application = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(label=_("姓名"), max_length=60)
    contact = forms.CharField(label=_("联系方式"), max_length=100)
    reason = forms.CharField(label=_("异议理由"), widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("dismiss", _("异议不成立")), ("uphold", _("异议成立"))])
    note = forms.CharField(label=_("处理意见"), widget=forms.Textarea(attrs={"rows": 2}))
