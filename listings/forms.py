import re
from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dates import DateRangeMixin
from core.forms import StyledFormMixin
from core.submissions import OnceOnlyFormMixin
from core.uploads import CheckedFileField
from reference.models import District
from search.query import SearchQuery
from search.registry import filter_tags

from .documents import yuan
from .financing import DOCUMENT_KINDS
from .ip_numbers import normalise_ip_number
from .models import Industry, IPType, Listing, ListingIP
from .models.financing import LoanDocument, Stage

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CONTACT_FIELDS = [
    "contact_name",
    "contact_phone",
    "contact_email",
    "show_phone",
    "show_email",
    "contact_login_required",
]
PERIOD_FIELDS = ["district", "valid_from", "valid_until"]


class ListingFormBase(OnceOnlyFormMixin, DateRangeMixin, StyledFormMixin, forms.ModelForm):
    """Shared by the three posting forms: validity period, region and contact preferences."""

    ahead_dates = ("valid_from", "valid_until")

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and organisation is not None:
            # A new posting starts from the organisation's own details and a year's validity.
            defaults = {
                "district": organisation.district_id,
                "contact_name": organisation.contact_name,
                "contact_phone": organisation.contact_phone,
                "contact_email": organisation.contact_email,
                "valid_until": timezone.localdate() + timedelta(days=365),
            }
            for name, value in defaults.items():
                if not self.initial.get(name):
                    self.initial[name] = value
        self.fields["show_phone"].help_text = _("不勾选电话和邮箱时，对方只能通过平台留言与您联系。")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("show_phone") and not cleaned.get("show_email"):
            return cleaned
        if cleaned.get("show_phone") and not cleaned.get("contact_phone"):
            self.add_error("contact_phone", _("选择公开电话时请填写联系电话。"))
        if cleaned.get("show_email") and not cleaned.get("contact_email"):
            self.add_error("contact_email", _("选择公开邮箱时请填写联系邮箱。"))
        return cleaned

    def clean_valid_until(self):
        valid_until = self.cleaned_data["valid_until"]
        if valid_until and valid_until < timezone.localdate() and "valid_until" in self.changed_data:
            raise ValidationError(_("有效期结束日期不能早于今天。"))
        return valid_until


class TransactionListingForm(ListingFormBase):
    class Meta:
        model = Listing
        fields = [
            "direction",
            "kind",
            "title",
            "description",
            "industry",
            "ipc_class",
            "price_kind",
            "price_min",
            "price_max",
            *PERIOD_FIELDS,
            *CONTACT_FIELDS,
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "direction": forms.RadioSelect,
            "valid_from": DATE_WIDGET,
            "valid_until": DATE_WIDGET,
        }
        help_texts = {
            "price_min": _("定价时填写价格；价格区间时填写下限。单位：万元。"),
            "price_max": _("价格区间时填写上限。"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in ("direction", "kind", "price_kind", "industry"):
            self.fields[field].required = True
        self.fields["direction"].choices = Listing.Direction.choices


class FinancingNeedForm(ListingFormBase):
    class Meta:
        model = Listing
        fields = [
            "title",
            "description",
            "industry",
            "amount",
            "term_months",
            "purpose",
            *PERIOD_FIELDS,
            *CONTACT_FIELDS,
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "valid_from": DATE_WIDGET,
            "valid_until": DATE_WIDGET,
        }
        labels = {"description": _("企业及项目情况")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in ("industry", "amount", "term_months", "purpose"):
            self.fields[field].required = True


class FinancingProductForm(ListingFormBase):
    class Meta:
        model = Listing
        fields = [
            "title",
            "description",
            "amount_min",
            "amount_max",
            "rate_min",
            "rate_max",
            "term_min_months",
            "term_max_months",
            "accepts_patent",
            "accepts_trademark",
            "accepts_copyright",
            "conditions",
            "industry",
            *PERIOD_FIELDS,
            *CONTACT_FIELDS,
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "conditions": forms.Textarea(attrs={"rows": 4}),
            "valid_from": DATE_WIDGET,
            "valid_until": DATE_WIDGET,
        }
        labels = {"title": _("产品名称"), "description": _("产品介绍"), "industry": _("重点支持产业（可选）")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in ("amount_min", "amount_max", "rate_min", "rate_max", "term_min_months", "term_max_months"):
            self.fields[field].required = True


FORMS_BY_SECTION = {
    Listing.Section.TRANSACTION: TransactionListingForm,
    Listing.Section.FINANCING_NEED: FinancingNeedForm,
    Listing.Section.FINANCING_PRODUCT: FinancingProductForm,
}


class ListingIPForm(StyledFormMixin, forms.Form):
    # Initial values match what an untouched blank row sends, so blank rows are skipped, not errors.
    ip_type = forms.ChoiceField(label=_("类型"), choices=IPType.choices, initial=IPType.PATENT)
    number = forms.CharField(label=_("号码"), max_length=40)
    title = forms.CharField(label=_("名称"), max_length=120)
    owner_name = forms.CharField(label=_("权利人"), max_length=100)
    legal_status = forms.ChoiceField(
        label=_("法律状态"), choices=ListingIP.LegalStatus.choices, initial=ListingIP.LegalStatus.VALID
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("ip_type") and cleaned.get("number"):
            try:
                cleaned["number"] = normalise_ip_number(cleaned["ip_type"], cleaned["number"])
            except ValidationError as error:
                self.add_error("number", error)
        return cleaned


class BaseIPFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            key = (form.cleaned_data["ip_type"], form.cleaned_data["number"])
            if key in seen:
                form.add_error("number", _("同一号码重复登记。"))
            seen.add(key)

    def records(self):
        return [
            ListingIP(**{name: form.cleaned_data[name] for name in ListingIPForm.base_fields})
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


IPFormSet = forms.formset_factory(ListingIPForm, formset=BaseIPFormSet, extra=2, can_delete=True, max_num=20)


def ip_formset(data=None, listing=None):
    initial = None
    if listing is not None and listing.pk:
        initial = [
            {name: getattr(record, name) for name in ListingIPForm.base_fields} for record in listing.ip_records.all()
        ]
    return IPFormSet(data, initial=initial, prefix="ip")


class InterestForm(StyledFormMixin, forms.Form):
    message = forms.CharField(
        label=_("留言"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("说明您的单位、意向和希望的联系方式。"),
    )


class ReplyForm(StyledFormMixin, forms.Form):
    reply = forms.CharField(label=_("回复"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("原因"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class WithdrawForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("撤回原因（可选）"), max_length=500, required=False)


class DealForm(DateRangeMixin, StyledFormMixin, forms.Form):
    past_dates = ("deal_date",)

    counterparty_name = forms.CharField(label=_("交易对方"), max_length=100)
    amount = forms.DecimalField(label=_("成交金额（万元）"), min_value=0, max_digits=12, decimal_places=2)
    deal_date = forms.DateField(label=_("成交日期"), widget=DATE_WIDGET)
    pledged_ip = forms.ModelMultipleChoiceField(
        label=_("质押的知识产权"),
        queryset=ListingIP.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    note = forms.CharField(label=_("备注"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, listing, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("deal_date", timezone.localdate())
        if listing.is_financing_need:
            self.fields["counterparty_name"].label = _("贷款机构")
            self.fields["amount"].label = _("放款金额（万元）")
            self.fields["pledged_ip"].queryset = listing.ip_records.all()
            self.fields["pledged_ip"].required = True
        else:
            del self.fields["pledged_ip"]


class TakeUpForm(StyledFormMixin, forms.Form):
    product = forms.ModelChoiceField(label=_("对应的金融产品（可选）"), queryset=Listing.objects.none(), required=False)
    note = forms.CharField(label=_("受理说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, lender, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = Listing.objects.financing_products().filter(organisation=lender)


class StepForm(DateRangeMixin, StyledFormMixin, forms.Form):
    past_dates = ("date",)

    date = forms.DateField(label=_("日期"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    loan_amount = forms.DecimalField(
        label=_("放款金额（万元）"), min_value=0, max_digits=12, decimal_places=2, required=False
    )
    pledged_ip = forms.ModelMultipleChoiceField(
        label=_("质押的知识产权"),
        queryset=ListingIP.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("date", timezone.localdate())
        if case.next_stage == Stage.LOAN_GRANTED:
            self.fields["loan_amount"].required = True
            self.fields["pledged_ip"].required = True
            self.fields["pledged_ip"].queryset = case.need.ip_records.all()
        else:
            del self.fields["loan_amount"]
            del self.fields["pledged_ip"]


class DocumentForm(StyledFormMixin, forms.Form):
    stage = forms.ChoiceField(label=_("环节"), choices=Stage.choices)
    title = forms.CharField(label=_("文件名称"), max_length=120)
    file = CheckedFileField(label=_("文件"), kinds=DOCUMENT_KINDS, help_text=_("PDF 或图片，不超过 10 MB。"))


class LoanForm(StyledFormMixin, forms.Form):
    """The loan's facts, as the lender's contract and ledger say them (`financing.record_loan` checks them)."""

    principal = forms.DecimalField(label=_("贷款本金（元）"), min_value=0, max_digits=14, decimal_places=2)
    annual_rate = forms.DecimalField(label=_("年利率（%）"), min_value=0, max_digits=7, decimal_places=4)
    start_date = forms.DateField(label=_("起息日"), widget=DATE_WIDGET)
    end_date = forms.DateField(label=_("到期日"), widget=DATE_WIDGET)
    interest_paid_to = forms.DateField(
        label=_("利息已付至"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("已结清该日之前（不含该日）的全部利息；提前还清本金的，填还款日。"),
    )


class LoanDocumentForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("文件类别"), choices=LoanDocument.Kind.choices)
    title = forms.CharField(label=_("文件名称"), max_length=120, required=False, help_text=_("不填即用文件类别。"))
    file = CheckedFileField(label=_("文件"), kinds=DOCUMENT_KINDS, help_text=_("PDF 或图片，不超过 10 MB。"))


# sort key → (the search's order, label); a posting without a price (面议) sorts last either way.
SORTS = {
    "newest": ("newest", _("最新发布")),
    "expiring": ("expiring", _("即将到期")),
    "price_low": ("price_asc", _("价格从低到高")),
    "price_high": ("price_desc", _("价格从高到低")),
    "amount_low": ("price_asc", _("金额从低到高")),
    "amount_high": ("price_desc", _("金额从高到低")),
}
# "ZL" typed before a number: the search reads patent numbers with or without it, and other numbers
# (trademark registrations, older patent numbers) are indexed without it.
ZL_PREFIX = re.compile(r"(?<![0-9A-Za-z])zl\s?(?=\d)", re.IGNORECASE)


class FilterForm(StyledFormMixin, forms.Form):
    """The filters of a public list; every field is optional and a bad value is simply ignored."""

    optional_empty_label = _("全部")

    # The search types the list shows, by the `section` filter's value ("" for all of them).
    scopes = {}

    q = forms.CharField(label=_("关键词"), required=False, max_length=100)
    industry = forms.ModelChoiceField(label=_("产业领域"), queryset=Industry.objects.all(), required=False)
    ip_type = forms.ChoiceField(label=_("知识产权类型"), choices=[("", _("全部")), *IPType.choices], required=False)
    district = forms.ModelChoiceField(label=_("地区"), queryset=District.objects.all(), required=False)
    status = forms.ChoiceField(
        label=_("状态"),
        choices=[("", _("全部")), (Listing.Status.PUBLISHED, _("可洽谈")), (Listing.Status.NEGOTIATING, _("洽谈中"))],
        required=False,
    )
    min_amount = forms.DecimalField(label=_("金额下限（万元）"), required=False, min_value=0)
    max_amount = forms.DecimalField(label=_("金额上限（万元）"), required=False, min_value=0)

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_amount"), cleaned.get("max_amount")
        if low is not None and high is not None and high < low:
            self.add_error("max_amount", _("上限须不低于下限。"))
            # The range is wrong as a whole: neither bound filters.
            cleaned.pop("min_amount")
        return cleaned

    def search_query(self, page=1, per_page=20):
        """The search the valid filters ask for; an invalid value is left out (and shown as an error)."""
        if self.is_bound:
            self.is_valid()  # cleaned_data then holds only the values without errors
        data = getattr(self, "cleaned_data", {})
        low, high = data.get("min_amount"), data.get("max_amount")
        scope = self.scopes[data.get("section") or ""]
        return SearchQuery(
            text=ZL_PREFIX.sub("", data.get("q") or ""),
            scope=scope,
            # Fields named like the types' filters (listings.documents.FILTERS) choose them.
            tags=filter_tags(scope, data),
            price_from=yuan(low),
            price_to=yuan(high),
            sort=SORTS[data.get("sort") or "newest"][0],
            page=page,
            per_page=per_page,
        )


class TransactionFilterForm(FilterForm):
    scopes = {"": ["transaction"]}

    kind = forms.ChoiceField(label=_("交易类型"), choices=[("", _("全部")), *Listing.Kind.choices], required=False)
    direction = forms.ChoiceField(
        label=_("供需方向"), choices=[("", _("全部")), *Listing.Direction.choices], required=False
    )
    sort = forms.ChoiceField(
        label=_("排序"),
        choices=[(key, SORTS[key][1]) for key in ("newest", "expiring", "price_low", "price_high")],
        required=False,
    )
    field_order = ["q", "kind", "direction", "industry", "ip_type", "district", "min_amount", "max_amount", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["min_amount"].label = _("价格下限（万元）")
        self.fields["max_amount"].label = _("价格上限（万元）")


class FinancingFilterForm(FilterForm):
    scopes = {
        "": ["financing", "financing_product"],
        Listing.Section.FINANCING_NEED: ["financing"],
        Listing.Section.FINANCING_PRODUCT: ["financing_product"],
    }

    section = forms.ChoiceField(
        label=_("类别"),
        choices=[
            ("", _("全部")),
            (Listing.Section.FINANCING_NEED, _("企业融资需求")),
            (Listing.Section.FINANCING_PRODUCT, _("金融机构产品")),
        ],
        required=False,
    )
    sort = forms.ChoiceField(
        label=_("排序"),
        choices=[(key, SORTS[key][1]) for key in ("newest", "expiring", "amount_low", "amount_high")],
        required=False,
    )
    field_order = ["q", "section", "industry", "ip_type", "district", "min_amount", "max_amount", "status"]
