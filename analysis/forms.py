from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.forms import StyledFormMixin
from core.submissions import OnceOnlyFormMixin
from register.classification import normalise_ipc

MAX_NAMES = 20


def _names(text):
    """One name a line (or separated by ；/;), each once, in the order given."""
    parts = [part.strip() for line in text.splitlines() for part in line.replace("；", ";").split(";")]
    return list(dict.fromkeys(part for part in parts if part))


class NamesField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 4})

    def clean(self, value):
        names = _names(super().clean(value) or "")
        if len(names) > MAX_NAMES:
            raise ValidationError(_("最多 %(max)s 个申请人。") % {"max": MAX_NAMES})
        if any(len(name) > 200 for name in names):
            raise ValidationError(_("申请人名称不能超过 200 字。"))
        return names


class WatchForm(OnceOnlyFormMixin, StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("名称"), max_length=100)
    ipc_classes = forms.CharField(
        label=_("IPC分类"),
        required=False,
        max_length=200,
        help_text=_("一个或多个，以空格或逗号分隔，如 C03B C01B 33/12"),
    )
    keywords = forms.CharField(label=_("关键词"), required=False, max_length=200, help_text=_("中文关键词，须全部出现"))
    competitors = NamesField(label=_("竞争对手（申请人）"), required=False, help_text=_("每行一个申请人名称"))
    client_credit_code = forms.CharField(
        label=_("委托单位统一社会信用代码"), required=False, max_length=18, help_text=_("服务机构为委托单位定义时填写")
    )
    filings_threshold = forms.IntegerField(label=_("竞争对手年申请量阈值"), min_value=1, initial=10)
    growth_percent = forms.IntegerField(label=_("竞争对手申请量增幅阈值（%）"), min_value=1, initial=50)
    share_drop_points = forms.IntegerField(label=_("本市占比下降阈值（百分点）"), min_value=1, max_value=100, initial=5)
    lapse_threshold = forms.IntegerField(label=_("本市企业专利失效件数阈值"), min_value=1, initial=1)

    def clean_ipc_classes(self):
        symbols = []
        for part in self.cleaned_data["ipc_classes"].replace("，", ",").replace(",", " ").split():
            symbols.append(part)
        # "C01B 33/12" is written with a space: join a group back to its subclass.
        joined = []
        for part in symbols:
            if "/" in part and joined and len(joined[-1]) == 4:
                joined[-1] = f"{joined[-1]} {part}"
            else:
                joined.append(part)
        return list(dict.fromkeys(normalise_ipc(symbol) for symbol in joined))

    def clean_client_credit_code(self):
        code = self.cleaned_data["client_credit_code"].strip().upper()
        if not code:
            return None
        client = Organisation.objects.filter(credit_code=code).first()
        if client is None:
            raise ValidationError(_("没有使用该统一社会信用代码的平台组织。"))
        return client

    def clean(self):
        data = super().clean()
        if not (data.get("ipc_classes") or data.get("keywords") or data.get("competitors")):
            raise ValidationError(_("请至少填写IPC分类、关键词或竞争对手之一。"))
        return data


class ComparisonForm(OnceOnlyFormMixin, StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("名称"), max_length=100)
    competitors = NamesField(label=_("竞争对手（申请人）"), help_text=_("每行一个申请人名称"))
