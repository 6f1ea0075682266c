"""How a view hands a posted form to a domain function and tells the person what happened.

Every app's domain functions refuse with their own exception whose message is for the person (or with
Django's `ValidationError`, whose messages may name the fields they belong to); these two helpers are the
only places views turn that into a message or a form error.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError


def _went_through(request, form, call, refused, success, tell_refusal):
    try:
        call(form.cleaned_data)
    except refused as error:
        tell_refusal(error)
        return False
    messages.success(request, success)
    return True


def form_went_through(request, form, call, refused, success, *, field=None):
    """Run `call(cleaned_data)` for a valid form; True when it went through (the success message is shown).

    A refusal (an exception of the `refused` types) is put on the form (on `field`, or above it), so the page
    shown again keeps what was typed with the reason beside it."""
    if not form.is_valid():
        return False
    return _went_through(request, form, call, refused, success, lambda error: form.add_error(field, _for_form(error)))


def tell_outcome(request, form, call, refused, success, invalid):
    """Run `call(cleaned_data)` for a valid form and say how it went in a message; for a small form on a page
    that is not shown again (the person is sent back to the page). True when it went through."""
    if not form.is_valid():
        messages.error(request, invalid)
        return False
    return _went_through(request, form, call, refused, success, lambda error: messages.error(request, _reason(error)))


def _for_form(error):
    """A ValidationError as it is, so that its messages land on the fields it names."""
    return error if isinstance(error, ValidationError) else str(error)


def _reason(error):
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
