import pytest
from django.core.exceptions import ValidationError

from register.classification import ipc_prefixes, normalise_ipc, normalise_nice_class, split_ipc_list
from register.numbers import is_pct_national_phase, normalise_application_number, patent_check_digit


@pytest.mark.parametrize(
    "written",
    [
        "CN201310123456.2",
        "cn201310123456.2",
        "201310123456.2",
        "2013101234562",
        "ZL201310123456.2",
        "ZL 2013 1 0123456.2",
        "CN ZL 2013 1012 3456.2",
        "２０１３１０１２３４５６．２",
        " 201310123456.2\u3000",
    ],
)
def test_every_usual_way_of_writing_an_application_number_gives_one_stored_form(written):
    assert normalise_application_number(written) == "201310123456.2"


def test_a_check_digit_of_ten_is_written_x_in_any_case():
    assert patent_check_digit("201310123451") == "X"
    assert normalise_application_number("CN201310123451.x") == "201310123451.X"
    assert normalise_application_number("201310123451X") == "201310123451.X"


def test_pre_2003_numbers_have_eight_digits_and_their_own_check_digit():
    assert normalise_application_number("CN99123456.1") == "99123456.1"


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("201310123456.3", "patent_check"),
        ("201340123456.1", "patent_type"),
        ("20131012345.2", "patent_format"),
        ("US201310123456.2", "patent_format"),
        ("", "patent_format"),
        ("CN201310123456", "patent_format"),
    ],
)
def test_a_wrong_number_is_refused_with_the_reason(written, code):
    with pytest.raises(ValidationError) as error:
        normalise_application_number(written)
    assert error.value.code == code


def test_the_check_digit_error_names_the_digit_it_should_be():
    with pytest.raises(ValidationError, match="校验位应为 2"):
        normalise_application_number("201310123456.3")


def test_type_digits_eight_and_nine_mark_pct_national_phase_entries():
    assert is_pct_national_phase(normalise_application_number("201480012345.7"))
    assert not is_pct_national_phase("201310123456.2")


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("H01L 21/02", "H01L 21/02"),
        ("h01l21/02", "H01L 21/02"),
        ("H01L-021/020000", "H01L 21/02"),
        ("C03B 20/00", "C03B 20/00"),
        ("C03B20/0", "C03B 20/00"),
        ("A61K 36/9068", "A61K 36/9068"),
        ("B65G", "B65G"),
    ],
)
def test_ipc_symbols_are_normalised(written, stored):
    assert normalise_ipc(written) == stored


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("H01L 21", "ipc_format"),
        ("I01L 21/02", "ipc_format"),
        ("A02B 1/00", "ipc_class"),
        ("H01A 1/00", "ipc_subclass"),
    ],
)
def test_an_unknown_or_malformed_ipc_symbol_is_refused(written, code):
    with pytest.raises(ValidationError) as error:
        normalise_ipc(written)
    assert error.value.code == code


def test_an_ipc_symbol_reaches_its_group_class_and_section_for_descendant_search():
    assert ipc_prefixes("H01L 21/02") == ["H", "H01", "H01L", "H01L 21/00", "H01L 21/02"]
    assert ipc_prefixes("C03B 20/00") == ["C", "C03", "C03B", "C03B 20/00"]
    assert ipc_prefixes("B65G") == ["B", "B65", "B65G"]


def test_an_export_cell_lists_several_ipc_symbols():
    assert split_ipc_list("H01L21/02;H01L31/18；C03B20/00\nB65G") == ["H01L21/02", "H01L31/18", "C03B20/00", "B65G"]


@pytest.mark.parametrize(("written", "stored"), [("9", 9), ("09", 9), ("第9类", 9), (35.0, 35), ("45", 45), (1, 1)])
def test_nice_classes_one_to_forty_five_are_accepted(written, stored):
    assert normalise_nice_class(written) == stored


@pytest.mark.parametrize("written", ["0", "46", "", "九", "-3", None])
def test_a_nice_class_outside_one_to_forty_five_is_refused(written):
    with pytest.raises(ValidationError, match="1 至 45"):
        normalise_nice_class(written)
