"""The form renderer writes every select exactly as Django's templates do."""

import pytest
from django import forms
from django.forms import widgets
from django.forms.renderers import DjangoTemplates
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.renderers import FormRenderer
from listings.forms import FinancingFilterForm, TransactionFilterForm
from search.forms import SearchForm
from services.forms import DirectoryFilterForm

pytestmark = pytest.mark.django_db


class EdgeCases(forms.Form):
    grouped = forms.ChoiceField(
        choices=[
            ("", "全部"),
            (_("专利"), [("invention", _("发明")), ("design", "外观<设计>")]),
            ("other", "其他 & 更多"),
        ],
        required=False,
    )
    numbers = forms.TypedChoiceField(choices=[(2014, 2014), (12345, 12345.5)], coerce=int)
    marked = forms.ChoiceField(choices=[("a", mark_safe("<b>粗体</b>")), ('"quoted"', '"引号"')])
    several = forms.MultipleChoiceField(choices=[("1", "一"), ("2", "二"), ("3", "三")], required=False)
    answer = forms.NullBooleanField(required=False)
    text = forms.CharField(max_length=20, help_text="说明", widget=forms.TextInput(attrs={"placeholder": "<关键词>"}))
    amount = forms.DecimalField(required=False, min_value=0)
    ticked = forms.BooleanField(required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    email = forms.EmailField(required=False)
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    upload = forms.FileField(required=False)
    flagged = forms.ChoiceField(
        choices=[("x", "X")],
        widget=forms.Select(attrs={"disabled": True, "hidden": False, "data-note": "a<b", "aria-label": _("排序")}),
    )


def forms_to_render():
    yield EdgeCases()
    yield EdgeCases({"grouped": "design", "numbers": "12345", "marked": '"quoted"', "several": ["1", "3"]})
    yield EdgeCases({"answer": "true", "several": ["2"], "text": 'a "b" <c>', "amount": "12.50", "ticked": "on"})
    yield EdgeCases({"hidden": "0", "email": "x@example.com", "day": "2026-12-01", "amount": "abc"})
    for form_class in (DirectoryFilterForm, TransactionFilterForm, FinancingFilterForm):
        yield form_class()
        yield form_class({"district": "haizhou", "sort": "name", "kind": "transfer", "section": "need"})
    search = SearchForm({"type": ["policy", "institution"], "district": ["donghai"], "date": "week"})
    search.fields["type"].choices = [("policy", "政策"), ("institution", "机构 <新>")]
    search.fields["district"].choices = [("donghai", "东海县"), ("haizhou", "海州区")]
    yield search


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_select_and_input_is_written_as_the_templates_write_it(language):
    templates, python = DjangoTemplates(), FormRenderer()
    compared = 0
    with translation.override(language):
        for form in forms_to_render():
            for field in form:
                if not isinstance(field.field.widget, forms.Select | widgets.Input | forms.CheckboxInput):
                    continue
                assert field.as_widget() == field.as_widget()  # choices read afresh give the same markup
                arguments = (field.html_name, field.value(), field.build_widget_attrs({}))
                expected = field.field.widget.render(*arguments, renderer=templates)
                written = field.field.widget.render(*arguments, renderer=python)
                assert written == expected, field.html_name
                compared += 1
    assert compared > 40


def test_a_select_with_its_own_option_template_goes_to_the_templates():
    class OwnOption(forms.Select):
        option_template_name = "django/forms/widgets/radio_option.html"

    widget = OwnOption(choices=[("a", "甲")])
    assert widget.render("x", "a", renderer=FormRenderer()) == widget.render("x", "a", renderer=DjangoTemplates())


def test_the_site_renders_forms_with_it(settings):
    from django.forms.renderers import get_default_renderer

    assert isinstance(get_default_renderer(), FormRenderer)
