"""The form renderer: Django's, with `<select>` and `<input>` written by Python instead of templates.

Django renders a select through a template that includes one template per option and, inside it, one
more for the option's attributes: three template renders per option, about a third of a millisecond each
with the translation of its label. The filter forms of the list pages hold selects of ten to twenty options
each, and a signed-in page renders them afresh every time (about a seventh of its time). `FormRenderer`
writes the same markup, character for character, from the same context (`Select.get_context`), through the
same escaping and localisation a template applies (`render_value_in_context`); a select whose widget or
options name other templates, or whose values are callables a template would call, goes to the templates.
The inputs (text, number, checkbox, hidden...) are two template renders each for one line of markup, written
the same way. `core/tests/test_renderers.py` compares both with the templates.
"""

import operator

from django.forms.renderers import DjangoTemplates
from django.template import Context
from django.template.base import render_value_in_context
from django.template.defaultfilters import stringformat
from django.utils.safestring import SafeData, mark_safe

SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"
# Django's widget templates that are `{% include "django/forms/widgets/input.html" %}` and nothing else.
INPUT_TEMPLATES = {
    f"django/forms/widgets/{name}.html"
    for name in (
        "checkbox",
        "color",
        "date",
        "datetime",
        "email",
        "file",
        "hidden",
        "input",
        "number",
        "password",
        "search",
        "tel",
        "text",
        "time",
        "url",
    )
}
# What `{{ value }}` in a template is given: autoescaping on, localisation and time zones as configured.
_TEMPLATE_CONTEXT = Context()


def _text(value):
    return render_value_in_context(value, _TEMPLATE_CONTEXT)


def _as_string(value):
    """`{{ value|stringformat:'s' }}`: stringformat keeps what was safe safe."""
    formatted = stringformat(value, "s")
    return _text(mark_safe(formatted) if isinstance(value, SafeData) else formatted)


def _attrs(attrs):
    """django/forms/widgets/attrs.html."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {_text(name)}" if value is True else f' {_text(name)}="{_as_string(value)}"')
    return "".join(parts)


def _writable(widget):
    if any(callable(value) for value in widget["attrs"].values()):
        return False
    for _group_name, options, _index in widget["optgroups"]:
        for option in options:
            if option["template_name"] != OPTION_TEMPLATE or callable(option["value"]) or callable(option["label"]):
                return False
            if any(callable(value) for value in option["attrs"].values()):
                return False
    return True


def render_select(widget):
    """django/forms/widgets/select.html with its options, as the template engine writes it."""
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{_as_string(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_text(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def render_input(widget):
    """django/forms/widgets/input.html."""
    # The template's `widget.value != None`, which is not quite `is not None`.
    value = f' value="{_as_string(widget["value"])}"' if operator.ne(widget["value"], None) else ""
    return f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{value}{_attrs(widget["attrs"])}>'


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if widget is not None and template_name == SELECT_TEMPLATE:
            if "optgroups" in widget and _writable(widget):
                return render_select(widget).strip()
        elif widget is not None and template_name in INPUT_TEMPLATES:
            if not any(callable(value) for value in (widget["value"], *widget["attrs"].values())):
                return render_input(widget).strip()
        return super().render(template_name, context, request=request)
