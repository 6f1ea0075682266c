from decimal import Decimal

import pytest

from core.spreadsheets import safe_cell, safe_row


@pytest.mark.parametrize("text", ["=1+1", "+86 138", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_text_a_spreadsheet_would_run_as_a_formula_is_quoted(text):
    assert safe_cell(text) == "'" + text


def test_ordinary_text_and_numbers_are_unchanged():
    assert safe_row(["连云港", "a=b", 3, Decimal("-1.5"), None, ""]) == ["连云港", "a=b", 3, Decimal("-1.5"), None, ""]
