"""Patent application numbers as people and exports write them, brought to the one stored form.

The check digit and the type digit are the listings' rule (`listings.ip_numbers`): a posting and the
register must agree on what a valid number is. What this adds is what exports and people put around the
number: the country code `CN` (the national search system writes `CN201310123456.2`), `ZL` on granted
patents, spaces between the year, type and serial (`ZL 2013 1 0123456.2`), full-width digits and dots
typed in a Chinese input method, and a missing dot before the check digit (`2013101234562`).
"""

import re
import unicodedata

from listings.ip_numbers import normalise_patent_number, patent_check_digit

__all__ = [
    "PCT_NATIONAL_PHASE_PATTERN",
    "is_pct_national_phase",
    "normalise_application_number",
    "patent_check_digit",
    "type_digit",
]

_PREFIXES = re.compile(r"^(?:CN)?(?:ZL)?")


def normalise_application_number(value):
    """'CN201310123456.2', 'ZL 2013 1 0123456.2', '２０１３１０１２３４５６．２' → '201310123456.2'.

    Raises ValidationError (with the expected format, or the check digit it should have) otherwise.
    """
    text = unicodedata.normalize("NFKC", str(value or ""))
    compact = re.sub(r"\s", "", text).upper()
    return normalise_patent_number(_PREFIXES.sub("", compact, count=1))


def type_digit(number):
    """The type digit of a stored number: 1 invention, 2 utility model, 3 design, 8/9 PCT entries."""
    digits = number.split(".")[0]
    return digits[4] if len(digits) == 12 else digits[2]


def is_pct_national_phase(number):
    """Numbers with type 8 or 9 are PCT applications that entered the Chinese national phase."""
    return type_digit(number) in ("8", "9")


# The same rule for the database: a stored number whose type digit is 8 or 9.
PCT_NATIONAL_PHASE_PATTERN = r"^(\d{4}[89]\d{7}|\d{2}[89]\d{5})\."
