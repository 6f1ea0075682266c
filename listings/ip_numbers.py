"""Numbers of the IP a posting concerns: recognised, checked and stored in one form per type.

Chinese patent application (and patent) numbers carry a check digit after a dot:
- since 2003: 12 digits = 4-digit year, 1-digit type (1 invention, 2 utility model, 3 design, 8 PCT invention
  entering China, 9 PCT utility model), 7-digit serial;
- before 2003: 8 digits = 2-digit year, type, 5-digit serial.
The check digit is the sum of the digits weighted 2,3,4,5,6,7,8,9,2,3,4,5 (left to right), modulo 11, with
10 written "X". A granted patent is cited with "ZL" in front; we accept it with or without "ZL", dot and spaces
and store "201410123456.7".

Trademark registration numbers are the office's serial (up to 9 digits, printed "第12345678号"); Madrid
international registrations are "G" + digits. Copyright registrations are either software ("2014SR012345") or
works ("国作登字-2014-F-00012345", a province's short name instead of 国 for provincial registrations).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PATENT_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
PATENT_TYPES = {
    "1": _("发明专利"),
    "2": _("实用新型专利"),
    "3": _("外观设计专利"),
    "8": _("PCT发明专利"),
    "9": _("PCT实用新型专利"),
}
PATENT_FORMAT = _("专利号格式为12位申请号加校验位，例如 201410123456.7 或 ZL201410123456.7（2003年前为8位加校验位）。")
TRADEMARK_FORMAT = _("商标注册号为1至9位数字，例如 12345678 或 第12345678号；马德里国际注册号如 G1234567。")
COPYRIGHT_FORMAT = _("著作权登记号格式如 2014SR012345（软件）或 国作登字-2014-F-00012345（作品）。")

_PATENT = re.compile(r"^(?:ZL)?(\d{12}|\d{8})\.?([\dX])$")
_TRADEMARK = re.compile(r"^(?:第)?(G?\d{1,9})(?:号)?$")
_SOFTWARE_COPYRIGHT = re.compile(r"^(\d{4})SR(\d{6,7})$")
_WORK_COPYRIGHT = re.compile(r"^([\u4e00-\u9fff])作登字-?(\d{4})-?([A-Z])-?(\d{8})$")


def patent_check_digit(digits):
    total = sum(int(digit) * weight for digit, weight in zip(digits, PATENT_WEIGHTS, strict=False))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def _compact(value):
    return re.sub(r"[\s\u3000]", "", str(value or "")).upper().replace("．", ".").replace("－", "-")


def normalise_patent_number(value):
    """'ZL 2014 1012 3456.7' → '201410123456.7'; raises ValidationError with the format on anything else."""
    match = _PATENT.match(_compact(value))
    if not match:
        raise ValidationError(PATENT_FORMAT, code="patent_format")
    digits, check = match.groups()
    type_digit = digits[4] if len(digits) == 12 else digits[2]
    if type_digit not in PATENT_TYPES:
        raise ValidationError(
            _("专利号中的专利类型位“%(digit)s”无效（应为1、2、3、8或9）。") % {"digit": type_digit},
            code="patent_type",
        )
    expected = patent_check_digit(digits)
    if check != expected:
        raise ValidationError(
            _("专利号 %(number)s 的校验位应为 %(expected)s，请核对号码。")
            % {"number": f"{digits}.{check}", "expected": expected},
            code="patent_check",
        )
    return f"{digits}.{check}"


def patent_type_label(number):
    digits = number.split(".")[0]
    return PATENT_TYPES.get(digits[4] if len(digits) == 12 else digits[2], "")


def normalise_trademark_number(value):
    match = _TRADEMARK.match(_compact(value))
    if not match:
        raise ValidationError(TRADEMARK_FORMAT, code="trademark_format")
    number = match.group(1)
    return number if number.startswith("G") else str(int(number))


def normalise_copyright_number(value):
    compact = _compact(value)
    if match := _SOFTWARE_COPYRIGHT.match(compact):
        return f"{match.group(1)}SR{match.group(2)}"
    if match := _WORK_COPYRIGHT.match(compact):
        province, year, category, serial = match.groups()
        return f"{province}作登字-{year}-{category}-{serial}"
    raise ValidationError(COPYRIGHT_FORMAT, code="copyright_format")


NORMALISERS = {
    "patent": normalise_patent_number,
    "trademark": normalise_trademark_number,
    "copyright": normalise_copyright_number,
}


def normalise_ip_number(ip_type, value):
    """The stored form of `value` as a number of `ip_type` ('patent', 'trademark', 'copyright')."""
    return NORMALISERS[ip_type](value)
