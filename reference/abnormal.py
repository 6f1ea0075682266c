"""Importing the patent office's published list of abnormal patent applications (非正常专利申请).

The notice comes as a table of application numbers; a CSV or XLSX with the header 申请号 (and, per row
or for the whole file, 通报日期 and 通报文件) is read with the register's readers and numbers are brought
to the register's stored form, so the list matches the register's records. All or nothing: one bad row
and nothing is written, the reasons are given row by row. A number already listed keeps its earliest
notice date (it has counted as abnormal since then); importing the same file again changes nothing.
"""

import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.tables import table_rows
from register.numbers import normalise_application_number
from register.reading import file_type
from register.rows import parse_date

from .models import AbnormalApplication

HEADERS = {
    "number": ("申请号", "专利申请号"),
    "published_on": ("通报日期", "公布日期", "日期"),
    "notice": ("通报文件", "文件", "通报"),
}


@dataclass
class ImportResult:
    written: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)  # ["第 3 行：…", …]


def _key(cell):
    return unicodedata.normalize("NFKC", str(cell or "")).replace(" ", "").strip()


def _columns(header):
    wanted = {_key(name): column for column, names in HEADERS.items() for name in names}
    index = {}
    for position, cell in enumerate(header):
        column = wanted.get(_key(cell))
        if column and column not in index:
            index[column] = position
    if "number" not in index:
        raise ValidationError(_("缺少“申请号”列。"))
    return index


def read_list(uploaded, *, published_on=None, notice=""):
    """([(number, published_on, notice)], [errors]) from the file; a row's own date and notice win."""
    table = table_rows(uploaded, file_type(uploaded))
    header = next(table, [])
    index = _columns(header)
    rows, errors = [], []
    for line, cells in enumerate(table, start=2):
        if not any(str(cell or "").strip() for cell in cells):
            continue

        def cell(column, cells=cells):
            position = index.get(column)
            return cells[position] if position is not None and position < len(cells) else ""

        messages = []
        try:
            number = normalise_application_number(cell("number"))
        except ValidationError as error:
            number = None
            messages.append(_("申请号“%(value)s”：%(reason)s") % {"value": cell("number"), "reason": error.messages[0]})
        day = parse_date(cell("published_on"), _("通报日期"), messages) or published_on
        if day is None and not messages:
            messages.append(_("缺少通报日期。"))
        if messages:
            errors.append(_("第 %(row)s 行：%(messages)s") % {"row": line, "messages": " ".join(messages)})
        else:
            rows.append((number, day, str(cell("notice") or notice).strip()[:200]))
    return rows, errors


@transaction.atomic
def import_abnormal_applications(uploaded, *, published_on=None, notice=""):
    """Add the file's numbers to the list; an `ImportResult` (with `errors` and nothing written if any)."""
    rows, errors = read_list(uploaded, published_on=published_on, notice=notice)
    result = ImportResult(errors=errors)
    if errors:
        return result
    listed = dict(AbnormalApplication.objects.values_list("application_number", "published_on"))
    for number, day, text in rows:
        if number in listed and listed[number] <= day:
            result.unchanged += 1
            continue
        AbnormalApplication.objects.update_or_create(
            application_number=number, defaults={"published_on": day, "notice": text}
        )
        listed[number] = day
        result.written += 1
    return result
