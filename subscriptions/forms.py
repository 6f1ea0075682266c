from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin
from listings.models import Industry
from reference.models import District

from .models import SavedSearch, Subscriber
from .sources import CHOICES, clean_querystring, search_query


class SaveSearchForm(StyledFormMixin, forms.Form):
    """The "save this search" form every list page carries: the list and its query string come with it."""

    name = forms.CharField(label=_("名称"), max_length=80)
    frequency = forms.ChoiceField(
        label=_("提醒频率"), choices=SavedSearch.Frequency.choices, initial=SavedSearch.Frequency.DAILY
    )
    source = forms.ChoiceField(choices=CHOICES, widget=forms.HiddenInput)
    page = forms.IntegerField(required=False, widget=forms.HiddenInput)
    querystring = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)


class EditSearchForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name", "frequency", "querystring"]
        widgets = {"querystring": forms.TextInput}
        help_texts = {"querystring": _("列表页地址中“?”之后的部分，例如 q=光伏&industry=3")}

    def clean_querystring(self):
        querystring = clean_querystring(self.cleaned_data["querystring"])
        page = self.instance.page.specific if self.instance.page_id else None
        if search_query(self.instance.source, querystring, page) is None:
            raise forms.ValidationError(_("检索条件无效。"))
        return querystring


class ProfileForm(StyledFormMixin, forms.ModelForm):
    KINDS = [
        ("policies", _("适用本行业的政策")),
        ("financing", _("融资产品")),
        ("courses", _("培训课程")),
        ("transactions", _("本领域的交易信息")),
        ("competitors", _("竞争对手的新专利")),
    ]

    kinds = forms.MultipleChoiceField(
        label=_("关注的内容"), choices=KINDS, required=False, widget=forms.CheckboxSelectMultiple
    )
    industries = forms.ModelMultipleChoiceField(
        label=_("行业"), queryset=Industry.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    districts = forms.ModelMultipleChoiceField(
        label=_("地区"), queryset=District.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Subscriber
        fields = ["industries", "ipc_classes", "districts", "competitors", "kinds", "language"]
        help_texts = {
            "ipc_classes": _("以空格分隔，例如 C03B H01L"),
            "competitors": _("申请（专利权）人名称，以逗号分隔"),
        }
