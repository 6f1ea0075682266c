"""A figure that is not a plain count: a ratio, a share or a growth rate, computed by the app that owns
the records for one district (or the whole city) as things stood on one day.

A `Measurement` carries the value and the parts it was computed from, so a page can show the formula
with the numbers in it; when reference data it needs is missing, `value` is None and `missing` says
what to enter.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone


@dataclass(frozen=True)
class Measurement:
    value: Decimal | None
    parts: tuple = field(default_factory=tuple)  # ((label, value), …) in the order of the formula
    missing: str = ""


def rounded(value, places=2):
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def ratio(numerator, denominator, *, scale=1, places=2):
    """numerator / denominator × scale, rounded half up; None when the denominator is zero."""
    if not denominator:
        return None
    return rounded(Decimal(numerator) * scale / Decimal(denominator), places)


def end_of_day(day):
    """The first moment after `day` in the site's time zone: records stamped before it happened on or before `day`."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
