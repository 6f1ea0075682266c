from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin

from .credit_code import normalise_credit_code
from .models import Membership, Organisation


class SignupForm(AllauthSignupForm):
    name = forms.CharField(label=_("姓名"), max_length=60)

    field_order = ["email", "name", "password1", "password2"]

    def save(self, request):
        user = super().save(request)
        user.name = self.cleaned_data["name"]
        user.save(update_fields=["name"])
        return user


class OrganisationForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "kind",
            "name",
            "credit_code",
            "district",
            "address",
            "contact_name",
            "contact_phone",
            "contact_email",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "kind": forms.RadioSelect}
        help_texts = {"credit_code": _("18位，见营业执照或登记证书，例如 91320700MA1MBQ5X3R。")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The kind decides which features an organisation has; changing it is a staff matter.
            del self.fields["kind"]

    def clean_credit_code(self):
        return normalise_credit_code(self.cleaned_data["credit_code"])


class InvitationForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(label=_("成员邮箱"))
    role = forms.ChoiceField(label=_("角色"), choices=Membership.Role.choices, initial=Membership.Role.MEMBER)
