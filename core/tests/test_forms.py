"""Every form of the site, rendered: none shows Django's "---------" placeholder to its user."""

import importlib
import inspect

import pytest
from django import forms

from accounts.models import Organisation
from config.settings.base import LOCAL_APPS
from funding.tests.factories import make_programme
from listings.financing import take_up_need
from listings.tests.factories import FinancingNeedFactory, ListingIPFactory
from rights.tests.factories import CaseFactory
from services.models import ServiceCategory
from services.tests.factories import InstitutionFactory, member_of
from targets.models import Indicator
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def every_form_class():
    classes = {}
    for app in LOCAL_APPS:
        try:
            module = importlib.import_module(f"{app}.forms")
        except ModuleNotFoundError:
            continue
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if not issubclass(value, forms.BaseForm) or value.__module__ != module.__name__:
                continue
            if issubclass(value, forms.BaseModelForm) and value._meta.model is None:
                continue  # a base class that its subclasses complete
            classes[f"{value.__module__}.{value.__qualname__}"] = value
    return classes


def financing_case():
    need = FinancingNeedFactory()
    ListingIPFactory(listing=need)
    lender = OrganisationFactory(kind=Organisation.Kind.INSTITUTION)
    return take_up_need(need, member_of(lender))


# What a form needs to be shown: the objects its page passes in.
ARGUMENTS = {
    "services.forms.InquiryForm": lambda: {"institution": InstitutionFactory()},
    "services.forms.OfferingFilterForm": lambda: {"categories": ServiceCategory.objects.all()},
    "rights.forms.AssignForm": lambda: {"case": CaseFactory()},
    "rights.forms.TransferForm": lambda: {"case": CaseFactory()},
    "targets.forms.EntryForm": lambda: {"indicator": Indicator.objects.first()},
    "targets.forms.CorrectionForm": lambda: {"indicator": Indicator.objects.first()},
    "listings.forms.DealForm": lambda: {"listing": FinancingNeedFactory()},
    "listings.forms.TakeUpForm": lambda: {"lender": OrganisationFactory(kind=Organisation.Kind.INSTITUTION)},
    "listings.forms.StepForm": lambda: {"case": financing_case()},
    "search.forms.SearchForm": lambda: {"data": {}},
    "funding.forms.ItemForm": lambda: {"organisation": OrganisationFactory()},
    "funding.forms.PublicityForm": lambda: {"programme": make_programme()},
    "copyrights.forms.WorkFilingForm": lambda: {"user": UserFactory()},
    "copyrights.forms.ContractFilingForm": lambda: {"user": UserFactory()},
}


def test_every_form_is_found_and_shown():
    names = every_form_class()
    assert "services.forms.DirectoryFilterForm" in names
    assert "accounts.forms.OrganisationForm" in names
    assert set(ARGUMENTS) <= set(names), "ARGUMENTS names a form that no longer exists"


@pytest.mark.parametrize("name", sorted(every_form_class()))
def test_no_form_shows_djangos_empty_choice_placeholder(name):
    form_class = every_form_class()[name]
    if form_class.__name__ == "SignupForm":
        form = form_class()
    else:
        form = form_class(**ARGUMENTS.get(name, lambda: {})())
    html = str(form)
    assert "---------" not in html, f"{name} shows Django's placeholder"


def test_a_required_radio_list_offers_no_empty_option():
    from accounts.forms import OrganisationForm
    from rights.forms import ReportForm

    for form, field in ((OrganisationForm(), "kind"), (ReportForm(), "category")):
        values = [value for value, _label in form.fields[field].choices]
        assert "" not in values, f"{type(form).__name__}.{field} offers an empty option"


def test_an_optional_filter_choice_is_labelled_all():
    from services.forms import DirectoryFilterForm

    form = DirectoryFilterForm()
    assert str(form.fields["category"].empty_label) == "全部"
    assert str(form.fields["district"].empty_label) == "全部"
