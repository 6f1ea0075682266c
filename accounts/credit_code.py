"""The unified social credit code (统一社会信用代码) of GB 32100-2015."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The standard's 31 characters: digits and capitals without I, O, Z, S and V.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
REGISTRATION_AUTHORITIES = "123456789ABCDEFGNY"


def check_character(first_seventeen):
    total = sum(ALPHABET.index(char) * weight for char, weight in zip(first_seventeen, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def normalise_credit_code(value):
    return (value or "").strip().upper()


def validate_credit_code(value):
    code = normalise_credit_code(value)
    if len(code) != 18:
        raise ValidationError(
            _("统一社会信用代码应为18位（当前为%(length)d位）。"), code="length", params={"length": len(code)}
        )
    bad = sorted({char for char in code if char not in ALPHABET})
    if bad:
        raise ValidationError(
            _("统一社会信用代码含有不允许的字符：%(chars)s（不使用 I、O、Z、S、V）。"),
            code="alphabet",
            params={"chars": "、".join(bad)},
        )
    if code[0] not in REGISTRATION_AUTHORITIES or not code[2:8].isdigit():
        raise ValidationError(
            _("统一社会信用代码格式不正确：第1位为登记管理部门代码，第3至8位为行政区划代码。"), code="format"
        )
    if check_character(code[:17]) != code[17]:
        raise ValidationError(_("统一社会信用代码校验位不正确，请核对后重新输入。"), code="check_digit")
