import pytest
from django.core.exceptions import ValidationError

from accounts.credit_code import validate_credit_code


@pytest.mark.parametrize(
    "code",
    [
        "9144030071526726XG",  # published codes of real companies
        "91110000802100433B",
        "91330100716105852F",
        "91320700ma1mbq5x3r",  # typed in lower case
    ],
)
def test_published_credit_codes_are_accepted(code):
    validate_credit_code(code)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("9144030071526726XA", "校验位不正确"),
        ("9144030071526726X", "应为18位"),
        ("91440300715267260IG", "应为18位"),
        ("9144030071526726OG", "不允许的字符"),
        ("Z1440300715267260G", "不允许的字符"),
        ("X14403007152672600", "格式不正确"),
    ],
)
def test_malformed_credit_codes_are_refused_with_a_reason(code, message):
    with pytest.raises(ValidationError) as error:
        validate_credit_code(code)
    assert message in error.value.messages[0]
