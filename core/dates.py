"""Sensible ranges for dates people type, checked the same way on every form.

A date outside them is a typo (0001-01-01, 9999-12-31) that would otherwise sort a posting to the top
for ever, count a figure in the wrong century or push a deadline out of every reminder. Dates that
record the past (an incident, a figure, a deal) lie between 1980 and today; dates that look ahead (a
validity period, a court deadline, a course) lie at most `YEARS_AHEAD` years from today.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EARLIEST_DATE = date(1980, 1, 1)
YEARS_AHEAD = 5


def years_after(day, years):
    """The same day `years` later (28 February for 29 February when that year has none)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def latest_ahead(years=YEARS_AHEAD):
    return years_after(timezone.localdate(), years)


def check_date(value, label, *, ahead=False):
    """Raise a ValidationError naming `label` if `value` (a date or aware datetime) is out of range.

    `ahead=False`: a date in the past, from 1980 to today; `ahead=True`: up to `YEARS_AHEAD` years on.
    """
    if value is None:
        return
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if value < EARLIEST_DATE:
        raise ValidationError(
            _("%(label)s不能早于 %(earliest)s。"),
            code="date_too_early",
            params={"label": label, "earliest": EARLIEST_DATE.isoformat()},
        )
    if not ahead and value > timezone.localdate():
        raise ValidationError(_("%(label)s不能晚于今天。"), code="date_in_future", params={"label": label})
    if ahead and value > latest_ahead():
        raise ValidationError(
            _("%(label)s不能晚于 %(latest)s（今后 %(years)s 年内）。"),
            code="date_too_late",
            params={"label": label, "latest": latest_ahead().isoformat(), "years": YEARS_AHEAD},
        )


def date_field_errors(instance, names, *, ahead=False):
    """The range errors of a model instance's date fields, by field name, for its `clean()`."""
    errors = {}
    for name in names:
        try:
            check_date(getattr(instance, name), instance._meta.get_field(name).verbose_name, ahead=ahead)
        except ValidationError as error:
            errors[name] = error.messages
    return errors


class DateRangeValidator:
    def __init__(self, label, ahead):
        self.label = label
        self.ahead = ahead

    def __call__(self, value):
        check_date(value, self.label, ahead=self.ahead)


class DateRangeMixin:
    """Bounds the form's date fields: `past_dates` from 1980 to today, `ahead_dates` to a few years on.

    The check runs as a validator of the field, so a date out of range is reported on the field with
    its own label, before any clean_<field> method sees it.
    """

    past_dates = ()
    ahead_dates = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for names, ahead in ((self.past_dates, False), (self.ahead_dates, True)):
            for name in names:
                field = self.fields.get(name)
                if field is not None:
                    field.validators.append(DateRangeValidator(field.label, ahead))
