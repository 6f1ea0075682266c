"""Cells for files people open in a spreadsheet program (CSV and XLSX exports).

A cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return before one) is read by Excel
and LibreOffice as a formula, so a user named `=HYPERLINK("http://…","x")` would become a live link, or
worse, in an administrator's roster. Every export writes its cells through `safe_row`.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value, with text that a spreadsheet would take for a formula made plain text by a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values):
    return [safe_cell(value) for value in values]
