from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.translation import gettext_lazy as _

DJANGO_EMPTY_LABEL = BLANK_CHOICE_DASH[0][1]


class ChoiceLabelsMixin:
    """Never show Django's "---------" placeholder: a required choice asks to choose (and a required radio
    list has no empty option at all, which would be a choice nobody may make); an optional one names what
    leaving it empty means. Filter forms set `optional_empty_label` to "全部"."""

    required_empty_label = _("请选择")
    optional_empty_label = _("不填")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            self._replace_empty_label(field)

    def _empty_label_for(self, field):
        return self.required_empty_label if field.required else self.optional_empty_label

    def _replace_empty_label(self, field):
        radio = isinstance(field.widget, forms.RadioSelect)
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label == DJANGO_EMPTY_LABEL:
                field.empty_label = None if radio and field.required else self._empty_label_for(field)
        elif isinstance(field, forms.ChoiceField):
            choices = list(field.choices)
            if any(value in ("", None) and label == DJANGO_EMPTY_LABEL for value, label in choices):
                if radio and field.required:
                    field.choices = [(value, label) for value, label in choices if value not in ("", None)]
                else:
                    label = self._empty_label_for(field)
                    field.choices = [
                        (value, label if value in ("", None) and text == DJANGO_EMPTY_LABEL else text)
                        for value, text in choices
                    ]


class StyledFormMixin(ChoiceLabelsMixin):
    """Give every widget the site's form classes, so templates render fields without markup logic."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
                continue
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
