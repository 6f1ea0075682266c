"""Every form that creates something creates it once.

A form carries a random key (`OnceOnlyFormMixin`); the view runs the domain function inside
`submitted_once(form, user)`, which claims the key in the same transaction. A second arrival of the same
form, sequential or concurrent, raises `AlreadySubmitted` pointing at what the first one made; an error in
the domain function rolls the claim back with everything else, so the corrected form can be sent again."""

import re
import uuid
from contextlib import contextmanager
from datetime import timedelta

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import SubmissionReceipt

KEY_PATTERN = re.compile(r"^[0-9a-f]{32}$")
RECEIPTS_KEPT_FOR = timedelta(days=30)


class AlreadySubmitted(Exception):
    def __init__(self, result_url):
        super().__init__(_("这份表单已经提交过，以下是第一次提交的结果。"))
        self.result_url = result_url


class OnceOnlyFormMixin:
    """For a Form or a ModelForm: a hidden random key that `submitted_once` claims."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submission_key"] = forms.CharField(widget=forms.HiddenInput, required=False)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4().hex)

    def clean_submission_key(self):
        # A form without a key (an old page, a script) still works; it is just not protected.
        key = self.cleaned_data.get("submission_key") or ""
        return key if KEY_PATTERN.match(key) else None


class Receipt:
    def __init__(self, record):
        self._record = record

    def done(self, result, url=None):
        """Remembers where the result of this submission is shown."""
        if self._record is not None:
            self._record.result_url = url or result.get_absolute_url()
            self._record.save(update_fields=["result_url"])
        return result


@contextmanager
def submitted_once(form, user):
    key = form.cleaned_data.get("submission_key")
    with transaction.atomic():
        record = None
        if key:
            try:
                with transaction.atomic():
                    record = SubmissionReceipt.objects.create(key=key, user=user)
            except IntegrityError:
                earlier = SubmissionReceipt.objects.filter(key=key, user=user).first()
                raise AlreadySubmitted(earlier.result_url if earlier else "") from None
        yield Receipt(record)


def forget_old_receipts(now=None):
    cutoff = (now or timezone.now()) - RECEIPTS_KEPT_FOR
    return SubmissionReceipt.objects.filter(created_at__lt=cutoff).delete()[0]


def show_first_result(request, repeat, fallback_url):
    """The response to a form sent again: what the first sending made."""
    from django.contrib import messages
    from django.shortcuts import redirect

    messages.info(request, str(repeat))
    return redirect(repeat.result_url or fallback_url)
