from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin
from core.submissions import OnceOnlyFormMixin


class APIKeyForm(OnceOnlyFormMixin, StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("密钥名称"), max_length=60, help_text=_("用途，便于区分，如“企业数据看板”。"))
