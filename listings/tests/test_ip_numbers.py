import pytest
from django.core.exceptions import ValidationError

from listings.ip_numbers import (
    normalise_copyright_number,
    normalise_patent_number,
    normalise_trademark_number,
    patent_check_digit,
    patent_type_label,
)


def test_the_example_number_from_the_issue_has_a_valid_check_digit():
    assert patent_check_digit("201410123456") == "7"
    assert normalise_patent_number("201410123456.7") == "201410123456.7"


@pytest.mark.parametrize(
    "typed",
    ["ZL201410123456.7", "zl 2014 1012 3456.7", "2014101234567", "ZL201410123456．7", " 201410123456.7 "],
)
def test_patent_numbers_are_accepted_with_or_without_zl_dot_and_spaces(typed):
    assert normalise_patent_number(typed) == "201410123456.7"


def test_check_digit_ten_is_written_x():
    assert patent_check_digit("201510234567") == "X"
    assert normalise_patent_number("ZL201510234567.x") == "201510234567.X"


def test_old_eight_digit_numbers_use_weights_two_to_nine():
    # 8,9,1,0,1,2,3,4 weighted 2..9 = 16+27+4+0+6+14+24+36 = 127; 127 mod 11 = 6
    assert normalise_patent_number("ZL89101234.6") == "89101234.6"


def test_wrong_check_digit_is_refused_with_the_expected_one():
    with pytest.raises(ValidationError) as error:
        normalise_patent_number("201410123456.8")
    assert "校验位应为 7" in error.value.messages[0]


@pytest.mark.parametrize("typed", ["20141012345.7", "CN201410123456.7", "201410123456", "专利号"])
def test_malformed_patent_numbers_are_refused_with_the_format(typed):
    with pytest.raises(ValidationError) as error:
        normalise_patent_number(typed)
    assert "201410123456.7" in error.value.messages[0]


def test_unknown_patent_type_digit_is_refused():
    # type digit 5 does not exist; the check digit is right so only the type is wrong
    digits = "201450123456"
    with pytest.raises(ValidationError) as error:
        normalise_patent_number(f"{digits}.{patent_check_digit(digits)}")
    assert "类型位" in error.value.messages[0]


def test_patent_type_is_read_from_the_number():
    assert patent_type_label("201410123456.7") == "发明专利"
    assert patent_type_label("201420123456.2") == "实用新型专利"


@pytest.mark.parametrize(
    ("typed", "stored"), [("第12345678号", "12345678"), ("00123456", "123456"), ("G1234567", "G1234567")]
)
def test_trademark_numbers(typed, stored):
    assert normalise_trademark_number(typed) == stored


@pytest.mark.parametrize("typed", ["1234567890", "TM12345", "12-345"])
def test_bad_trademark_numbers_say_the_format(typed):
    with pytest.raises(ValidationError) as error:
        normalise_trademark_number(typed)
    assert "商标注册号" in error.value.messages[0]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2014sr012345", "2014SR012345"),
        ("国作登字-2014-F-00012345", "国作登字-2014-F-00012345"),
        ("苏作登字 2015 A 00000123", "苏作登字-2015-A-00000123"),
    ],
)
def test_copyright_numbers(typed, stored):
    assert normalise_copyright_number(typed) == stored


def test_bad_copyright_number_says_the_format():
    with pytest.raises(ValidationError) as error:
        normalise_copyright_number("201410123456.7")
    assert "2014SR012345" in error.value.messages[0]
