from decimal import Decimal

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.credit_code import normalise_credit_code, validate_credit_code
from core.forms import StyledFormMixin
from core.submissions import OnceOnlyFormMixin
from core.uploads import CheckedFileField
from payments.transfers import RECEIPT_KINDS, RECEIPT_MAX_BYTES
from reference.models import District

from .institutions import DOCUMENT_KINDS, DOCUMENT_MAX_BYTES, check_listing_rules
from .models import CreditGrade, Institution, InstitutionType, Invoice, Offering, ServiceCategory
from .offerings import check_price
from .orders import MAX_QUANTITY

LOGO_MAX_BYTES = 2 * 1024 * 1024
MAX_YUAN = Decimal("999999.99")


def yuan_to_fen(value):
    return None if value is None else int((value * 100).to_integral_value())


def fen_to_yuan(value):
    return None if value is None else (Decimal(value) / 100).quantize(Decimal("0.01"))


class YuanField(forms.DecimalField):
    """A price typed in yuan with at most two decimals; `clean` returns it in fen."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", Decimal("0.01"))
        kwargs.setdefault("max_value", MAX_YUAN)
        super().__init__(max_digits=8, decimal_places=2, **kwargs)

    def clean(self, value):
        return yuan_to_fen(super().clean(value))


class ApplicationForm(StyledFormMixin, forms.ModelForm):
    categories = forms.ModelMultipleChoiceField(
        label=_("服务类别"),
        queryset=ServiceCategory.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("请至少选择一个服务类别。")},
    )
    qualification = CheckedFileField(
        label=_("资质证明文件"),
        kinds=DOCUMENT_KINDS,
        max_bytes=DOCUMENT_MAX_BYTES,
        help_text=_("营业执照、专利代理机构执业许可证等，PDF 或图片（JPG、PNG），不超过 10 MB。仅平台审核人员可见。"),
    )
    other_qualification = CheckedFileField(
        label=_("其他资质文件（可选）"), kinds=DOCUMENT_KINDS, max_bytes=DOCUMENT_MAX_BYTES, required=False
    )
    logo_file = CheckedFileField(
        label=_("机构标志（可选）"),
        kinds=("image",),
        max_bytes=LOGO_MAX_BYTES,
        required=False,
        help_text=_("JPG、PNG 或 WebP 图片，不超过 2 MB。"),
    )

    class Meta:
        model = Institution
        fields = [
            "institution_type",
            "categories",
            "licence_number",
            "credit_grade",
            "credit_grade_year",
            "district",
            "address",
            "contact_name",
            "contact_phone",
            "contact_email",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"credit_grade": _("专利代理机构填写最近一次全国专利代理机构信用评价等级。")}

    def __init__(self, *args, has_documents=False, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisation is not None and self.instance.organisation_id is None:
            # The rules across records (a duplicate of another institution) need to know who applies.
            self.instance.organisation = organisation
        self.fields["district"].queryset = District.objects.all()
        if has_documents:
            # A resubmission keeps the documents already uploaded.
            self.fields["qualification"].required = False

    def clean_licence_number(self):
        return (self.cleaned_data.get("licence_number") or "").strip()

    def _post_clean(self):
        super()._post_clean()
        try:
            check_listing_rules(self.instance)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field == NON_FIELD_ERRORS:
                    self.add_error(None, messages)
                elif field in self.fields and field not in self.errors:
                    self.add_error(field, messages)

    def documents(self):
        files = []
        if self.cleaned_data.get("qualification"):
            files.append((_("资质证明文件"), self.cleaned_data["qualification"]))
        if self.cleaned_data.get("other_qualification"):
            files.append((_("其他资质文件"), self.cleaned_data["other_qualification"]))
        return [(str(title), uploaded) for title, uploaded in files]

    def listing(self):
        listing = {name: self.cleaned_data.get(name) for name in self._meta.fields if name != "categories"}
        listing["credit_grade_year"] = listing.get("credit_grade_year")
        if self.cleaned_data.get("logo_file"):
            listing["logo"] = self.cleaned_data["logo_file"]
        return listing


class ListingForm(StyledFormMixin, forms.ModelForm):
    """What an approved institution may change itself; type, licence and grade need a new review."""

    categories = forms.ModelMultipleChoiceField(
        label=_("服务类别"), queryset=ServiceCategory.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    logo_file = CheckedFileField(label=_("机构标志"), kinds=("image",), max_bytes=LOGO_MAX_BYTES, required=False)

    class Meta:
        model = Institution
        fields = ["categories", "district", "address", "contact_name", "contact_phone", "contact_email", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def listing(self):
        listing = {name: self.cleaned_data.get(name) for name in self._meta.fields if name != "categories"}
        if self.cleaned_data.get("logo_file"):
            listing["logo"] = self.cleaned_data["logo_file"]
        return listing


class OfferingForm(StyledFormMixin, forms.ModelForm):
    price_yuan = YuanField(
        label=_("价格（元）"), required=False, help_text=_("一口价或起价，单位为元，最多两位小数；面议可不填。")
    )

    class Meta:
        model = Offering
        fields = ["title", "category", "description", "price_type", "price_yuan", "delivery_days", "status"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5}), "price_type": forms.RadioSelect}
        help_texts = {"delivery_days": _("从付款到交付预计需要的工作日数。")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["price_yuan"] = fen_to_yuan(self.instance.price)
        self.fields["delivery_days"].min_value = 1

    def clean(self):
        cleaned = super().clean()
        price_type = cleaned.get("price_type")
        price = cleaned.get("price_yuan")
        if price_type and "price_yuan" not in self.errors:
            try:
                self.instance.price = check_price(price_type, price)
            except ValidationError as error:
                self.add_error("price_yuan", error.message_dict["price"])
        return cleaned


class InquiryForm(OnceOnlyFormMixin, StyledFormMixin, forms.Form):
    offering = forms.ModelChoiceField(label=_("相关服务项目"), queryset=Offering.objects.none(), required=False)
    subject = forms.CharField(label=_("主题"), max_length=120)
    body = forms.CharField(label=_("咨询内容"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, institution, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offering"].queryset = institution.offerings.filter(status=Offering.Status.PUBLISHED)
        self.fields["offering"].empty_label = _("（不限）")


class MessageForm(OnceOnlyFormMixin, StyledFormMixin, forms.Form):
    body = forms.CharField(label=_("回复"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
    quote_yuan = YuanField(
        label=_("报价（元，可选）"),
        required=False,
        help_text=_("填写后企业可按此价格直接下单。"),
    )

    def __init__(self, *args, can_quote=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_quote:
            del self.fields["quote_yuan"]


class OrderForm(OnceOnlyFormMixin, StyledFormMixin, forms.Form):
    quantity = forms.IntegerField(label=_("数量"), min_value=1, max_value=MAX_QUANTITY, initial=1)
    requirements = forms.CharField(
        label=_("需求说明"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("例如技术领域、申请数量、期望完成时间。"),
    )

    def __init__(self, *args, fixed_quantity=False, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_quantity:
            del self.fields["quantity"]


class ReasonForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("说明"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class NoteForm(StyledFormMixin, forms.Form):
    note = forms.CharField(label=_("说明"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ReviewForm(StyledFormMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label=_("评分"),
        choices=[(i, "★" * i) for i in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    body = forms.CharField(label=_("评价内容"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))


class ReplyForm(StyledFormMixin, forms.Form):
    reply = forms.CharField(label=_("回复评价"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class DirectoryFilterForm(StyledFormMixin, forms.Form):
    optional_empty_label = _("全部")

    SORTS = [("rating", _("评分最高")), ("newest", _("最新入驻")), ("name", _("名称"))]
    RATINGS = [("", _("不限")), ("4.5", _("4.5 分以上")), ("4", _("4 分以上")), ("3", _("3 分以上"))]

    q = forms.CharField(label=_("关键词"), required=False, max_length=50)
    type = forms.ChoiceField(
        label=_("机构类型"), required=False, choices=[("", _("全部类型")), *InstitutionType.choices]
    )
    category = forms.ModelChoiceField(
        label=_("服务类别"), required=False, queryset=ServiceCategory.objects.all(), to_field_name="code"
    )
    district = forms.ModelChoiceField(
        label=_("所在县区"), required=False, queryset=District.objects.all(), to_field_name="code"
    )
    grade = forms.ChoiceField(label=_("信用等级"), required=False, choices=[("", _("不限")), *CreditGrade.choices])
    rating = forms.ChoiceField(label=_("评分"), required=False, choices=RATINGS)
    verified = forms.BooleanField(label=_("仅看持证机构"), required=False)
    centre = forms.BooleanField(label=_("仅看入驻服务中心的机构"), required=False)
    sort = forms.ChoiceField(label=_("排序"), required=False, choices=SORTS)


class OfferingFilterForm(forms.Form):
    """The offerings list: a keyword, a category (chosen in the sidebar) and an order. Without an order
    chosen, a keyword lists the best matches first, otherwise the newest come first. The categories are
    given, as the page lists them in its sidebar anyway; `category` cleans to a ServiceCategory."""

    SORTS = [
        ("newest", _("最新发布")),
        ("price_asc", _("价格从低到高")),
        ("price_desc", _("价格从高到低")),
        ("relevance", _("相关度")),
    ]

    q = forms.CharField(label=_("关键词"), required=False)
    category = forms.ChoiceField(label=_("服务类别"), required=False)
    sort = forms.ChoiceField(label=_("排序"), required=False, choices=SORTS)

    def __init__(self, data=None, *, categories, **kwargs):
        if data is not None and not data.get("sort"):
            data = data.copy()
            data["sort"] = "relevance" if (data.get("q") or "").strip() else "newest"
        super().__init__(data, **kwargs)
        self.categories = {category.code: category for category in categories}
        self.fields["category"].choices = [
            ("", _("全部类别")),
            *((code, c.name) for code, c in self.categories.items()),
        ]
        self.fields["sort"].widget.attrs["class"] = "form-select w-auto"

    def clean_category(self):
        return self.categories.get(self.cleaned_data["category"])

    def clean_q(self):
        return self.cleaned_data["q"].strip()[:50]


# --- Payment by bank transfer, refunds, invoices -------------------------------------------------------

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TransferForm(StyledFormMixin, forms.Form):
    amount = YuanField(label=_("转账金额（元）"))
    transfer_date = forms.DateField(label=_("转账日期"), widget=DATE_INPUT)
    payer_bank = forms.CharField(label=_("付款银行"), max_length=100, help_text=_("贵单位付款账户的开户银行。"))
    receipt = CheckedFileField(
        label=_("转账回单"),
        kinds=RECEIPT_KINDS,
        max_bytes=RECEIPT_MAX_BYTES,
        help_text=_("银行电子回单或回单照片，PDF 或图片（JPG、PNG），不超过 10 MB。仅交易双方和平台财务可见。"),
    )


class RefundTransferForm(StyledFormMixin, forms.Form):
    amount = YuanField(label=_("退款金额（元）"), help_text=_("可部分退款，不超过已收金额中尚未退还的部分。"))
    reason = forms.CharField(label=_("退款原因"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    transfer_date = forms.DateField(label=_("退款转账日期"), widget=DATE_INPUT)
    receipt = CheckedFileField(label=_("退款回单"), kinds=RECEIPT_KINDS, max_bytes=RECEIPT_MAX_BYTES)


class InvoiceRequestForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("发票类型"), choices=Invoice.Kind.choices, widget=forms.RadioSelect)
    title = forms.CharField(label=_("发票抬头"), max_length=100)
    tax_number = forms.CharField(
        label=_("纳税人识别号"), max_length=18, validators=[validate_credit_code], help_text=_("统一社会信用代码。")
    )
    address_phone = forms.CharField(
        label=_("地址、电话"), max_length=200, required=False, help_text=_("开具增值税专用发票时必填。")
    )
    bank_account = forms.CharField(
        label=_("开户行及账号"), max_length=200, required=False, help_text=_("开具增值税专用发票时必填。")
    )
    send_to = forms.CharField(
        label=_("接收方式"), max_length=200, help_text=_("接收电子发票的邮箱，或纸质发票的邮寄地址与收件人。")
    )

    def clean_tax_number(self):
        return normalise_credit_code(self.cleaned_data["tax_number"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Invoice.Kind.SPECIAL:
            for name in ("address_phone", "bank_account"):
                if not (cleaned.get(name) or "").strip():
                    self.add_error(name, _("开具增值税专用发票时必填。"))
        return cleaned


class InvoiceIssueForm(StyledFormMixin, forms.Form):
    number = forms.CharField(label=_("发票号码"), max_length=30)
    issued_on = forms.DateField(label=_("开票日期"), widget=DATE_INPUT)
    file = CheckedFileField(label=_("发票文件"), kinds=RECEIPT_KINDS, max_bytes=RECEIPT_MAX_BYTES)
