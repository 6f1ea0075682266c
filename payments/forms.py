from django import forms

from core.forms import StyledFormMixin

from .models import BankAccount


class BankAccountForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = BankAccount
        fields = ["bank_name", "branch", "account_name", "account_number"]
        widgets = {"account_number": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})}
