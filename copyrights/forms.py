from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DJANGO_EMPTY_LABEL, StyledFormMixin
from core.submissions import OnceOnlyFormMixin
from core.uploads import CheckedFileField
from reference.models import District

from .filings import (
    CONTRACT_FILE_KINDS,
    CONTRACT_MAX_BYTES,
    SAMPLE_KINDS,
    SAMPLE_MAX_BYTES,
    ContractDetails,
    WorkDetails,
)
from .models import CONTRACT_KINDS, Filing, Kind, Step, WorkType

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SELF, ORGANISATION = "self", "organisation"
WORK_TYPES = [("", DJANGO_EMPTY_LABEL), *WorkType.choices]


class FilingFormMixin(OnceOnlyFormMixin, StyledFormMixin):
    """Who files (the person, or their organisation) and from which district; the declaration; the file.
    Editing a filing sent back for correction shows what was filed, and keeps the file unless replaced."""

    file_kinds = SAMPLE_KINDS
    file_max_bytes = SAMPLE_MAX_BYTES
    file_label = _("作品样本（PDF 或图片）")

    def __init__(self, *args, user, filing=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.filing = filing
        organisation = user.organisation
        choices = [(SELF, _("本人（个人申请）"))]
        if organisation is not None:
            choices.append((ORGANISATION, _("所在单位：%(name)s") % {"name": organisation.name}))
        self.fields["on_behalf"].choices = choices
        if organisation is not None and not self.is_bound:
            self.initial.setdefault("on_behalf", ORGANISATION)
            self.initial.setdefault("district", organisation.district_id)
        self.fields["file"] = CheckedFileField(
            label=self.file_label,
            kinds=self.file_kinds,
            max_bytes=self.file_max_bytes,
            required=filing is None,
            help_text=_("补正时不上传即沿用原文件") if filing is not None else None,
            widget=forms.FileInput(attrs={"class": "form-control", "accept": ".pdf,.jpg,.jpeg,.png,.webp"}),
        )
        self.order_fields(
            [*(name for name in self.fields if name not in ("file", "declaration")), "file", "declaration"]
        )
        if filing is not None:
            # The organisation a filing was made for does not change on correction.
            del self.fields["on_behalf"]
            del self.fields["declaration"]

    def organisation(self):
        if self.filing is not None:
            return self.filing.organisation
        return self.user.organisation if self.cleaned_data.get("on_behalf") == ORGANISATION else None


class WorkFilingForm(FilingFormMixin, forms.Form):
    on_behalf = forms.ChoiceField(label=_("申请人"), widget=forms.RadioSelect)
    district = forms.ModelChoiceField(label=_("所在县区"), queryset=District.objects.all())
    title = forms.CharField(label=_("作品名称"), max_length=200)
    work_type = forms.ChoiceField(label=_("作品类别"), choices=WORK_TYPES)
    authors = forms.CharField(label=_("作者"), max_length=300, help_text=_("多位作者用顿号分隔"))
    owners = forms.CharField(label=_("著作权人"), max_length=300, help_text=_("多位著作权人用顿号分隔"))
    completed_on = forms.DateField(label=_("创作完成日期"), widget=DATE)
    published = forms.BooleanField(label=_("已发表"), required=False)
    published_on = forms.DateField(label=_("首次发表日期"), required=False, widget=DATE)
    published_place = forms.CharField(label=_("首次发表地点"), max_length=100, required=False)
    description = forms.CharField(
        label=_("作品说明"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("创作过程与独创性说明"),
    )
    declaration = forms.BooleanField(label=_("本人声明：所填信息真实，作品为独立创作，权属无争议。"))

    @classmethod
    def initial_from(cls, filing):
        return {
            name: getattr(filing, name)
            for name in (
                "title",
                "work_type",
                "authors",
                "owners",
                "completed_on",
                "published",
                "published_on",
                "published_place",
                "description",
            )
        } | {"district": filing.district_id}

    def details(self):
        data = self.cleaned_data
        return WorkDetails(
            title=data["title"],
            work_type=data["work_type"],
            authors=data["authors"],
            owners=data["owners"],
            completed_on=data["completed_on"],
            published=data["published"],
            published_on=data["published_on"],
            published_place=data["published_place"],
            description=data["description"],
        )


class ContractFilingForm(FilingFormMixin, forms.Form):
    file_kinds = CONTRACT_FILE_KINDS
    file_max_bytes = CONTRACT_MAX_BYTES
    file_label = _("合同文本（PDF 或扫描图片）")

    on_behalf = forms.ChoiceField(label=_("申请人"), widget=forms.RadioSelect)
    district = forms.ModelChoiceField(label=_("所在县区"), queryset=District.objects.all())
    kind = forms.ChoiceField(label=_("合同类别"), choices=[(k.value, k.label) for k in CONTRACT_KINDS])
    work = forms.ModelChoiceField(
        label=_("已登记的作品"),
        queryset=Filing.objects.public_works().order_by("-registered_on", "-pk"),
        required=False,
        help_text=_("作品未在本平台登记的，留空并在下面填写作品名称和类别"),
    )
    title = forms.CharField(label=_("作品名称"), max_length=200, required=False)
    work_type = forms.ChoiceField(label=_("作品类别"), choices=WORK_TYPES, required=False)
    assignor = forms.CharField(label=_("转让方（许可方）"), max_length=200)
    assignee = forms.CharField(label=_("受让方（被许可方）"), max_length=200)
    rights = forms.CharField(
        label=_("转让（许可）的权利"), max_length=300, help_text=_("如：复制权、发行权、信息网络传播权")
    )
    territory = forms.CharField(label=_("地域范围"), max_length=100, required=False)
    term_start = forms.DateField(label=_("期限起始日"), required=False, widget=DATE)
    term_end = forms.DateField(label=_("期限截止日"), required=False, widget=DATE)
    price = forms.DecimalField(label=_("价款（元）"), min_value=0, max_digits=14, decimal_places=2)
    declaration = forms.BooleanField(label=_("本人声明：所填信息与合同一致，合同已由双方签署。"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["work"].label_from_instance = lambda work: f"{work.number} {work.title}"

    @classmethod
    def initial_from(cls, filing):
        names = ("kind", "title", "work_type", "assignor", "assignee", "rights", "territory", "term_start", "term_end")
        return {name: getattr(filing, name) for name in names} | {
            "district": filing.district_id,
            "work": filing.work_id,
            "price": filing.price,
        }

    def contract(self):
        data = self.cleaned_data
        return ContractDetails(
            kind=data["kind"],
            assignor=data["assignor"],
            assignee=data["assignee"],
            rights=data["rights"],
            territory=data["territory"],
            term_start=data["term_start"],
            term_end=data["term_end"],
            price=data["price"],
            work=data["work"],
        )

    def work_details(self):
        data = self.cleaned_data
        if data["work"] is not None:
            return None
        return WorkDetails(title=data["title"], work_type=data["work_type"])


FORMS = {Kind.WORK: WorkFilingForm, Kind.TRANSFER: ContractFilingForm, Kind.LICENCE: ContractFilingForm}


class ExaminationForm(forms.Form):
    action = forms.ChoiceField(choices=[(s.value, s.label) for s in Step if s != Step.SUBMITTED])
    note = forms.CharField(required=False, widget=forms.Textarea)


class VerifyForm(StyledFormMixin, forms.Form):
    number = forms.CharField(label=_("登记号"), max_length=60, help_text=_("如：苏作登字-2026-F-00000001"))


class WorkFilterForm(StyledFormMixin, forms.Form):
    optional_empty_label = _("全部")

    q = forms.CharField(label=_("关键词或登记号"), required=False, max_length=200)
    work_type = forms.ChoiceField(label=_("作品类别"), choices=WORK_TYPES, required=False)
    district = forms.ModelChoiceField(
        label=_("县区"), queryset=District.objects.all(), required=False, to_field_name="code"
    )
