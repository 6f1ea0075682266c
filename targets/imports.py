"""Importing a period's figures from CSV or XLSX: parse, check every row, preview, then apply all at once.

Nothing is saved until the whole file is valid and staff confirm the preview. A row for an indicator,
day and district that already has a figure corrects it (the earlier figure goes to the audit trail).
"""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import check_date
from core.tables import csv_rows, unpacked_size, xlsx_rows
from core.uploads import validate_upload
from reference.models import District

from .entries import correct_entry, record_entry
from .models import ImportBatch, Indicator, IndicatorEntry

MAX_BYTES = 2 * 1024 * 1024
# Blank rows (formatted but empty, often thousands at the end of a sheet) are skipped, but only so many.
BLANK_ROWS_PER_ROW = 10
# What an XLSX may unpack to: styles, theme and shared strings, plus a generous allowance per row.
UNPACKED_BYTES_BASE = 1024 * 1024
UNPACKED_BYTES_PER_ROW = 2048
# column → accepted header names (Chinese first, English for exchange with other systems)
COLUMNS = {
    "code": ("指标代码", "code"),
    "as_of": ("统计日期", "date"),
    "value": ("数值", "value"),
    "district": ("县区", "district"),
    "source_note": ("数据来源说明", "source"),
}
REQUIRED = ("code", "as_of", "value", "source_note")
TEMPLATE_HEADER = [names[0] for names in COLUMNS.values()]
IMPORT_REASON = "导入更正"


def max_rows():
    return settings.TARGETS_IMPORT_MAX_ROWS


def read_table(uploaded):
    """The file's rows as lists of cells: the header and at most `max_rows()` data rows.

    Refuses a file of the wrong type, size or encoding, and one with more rows than allowed: the file is
    read as a stream and reading stops at the limit, so a small file holding a million rows costs no
    more than one at the limit.
    """
    validate_upload(uploaded, kinds=("csv", "spreadsheet"), max_bytes=MAX_BYTES)
    reader = _xlsx_rows if Path(uploaded.name).suffix.lower() == ".xlsx" else csv_rows
    limit = max_rows()
    rows, read = [], 0
    for cells in reader(uploaded):
        read += 1
        if any(str(cell).strip() for cell in cells):
            rows.append(cells)
        if len(rows) > limit + 1 or read > (limit + 1) * BLANK_ROWS_PER_ROW:
            raise ValidationError(
                _("文件超过 %(n)s 行。一次最多导入 %(n)s 行，请分成几份文件导入。") % {"n": limit}, code="rows"
            )
    return rows


def _xlsx_rows(uploaded):
    _check_unpacked_size(uploaded)
    return xlsx_rows(uploaded)


def _check_unpacked_size(uploaded):
    """Refuse a workbook whose parts unpack to more than the row limit can need.

    openpyxl's read-only loader parses a whole sheet that lacks a dimension record before giving the
    first row (files written by many tools, and any forged file, lack one), so a 1 MB upload holding a
    million rows would be read in full before the row limit could stop it.
    """
    limit = UNPACKED_BYTES_BASE + UNPACKED_BYTES_PER_ROW * (max_rows() + 1)
    unpacked = unpacked_size(uploaded)
    if unpacked > limit:
        raise ValidationError(
            _("文件内容过多（解压后 %(size)s）。一次最多导入 %(n)s 行，请分成几份文件导入。")
            % {"size": filesizeformat(unpacked), "n": max_rows()},
            code="rows",
        )


def map_header(header):
    """{column: index}; raises ValidationError naming missing or unknown columns."""
    names = {name.lower(): column for column, aliases in COLUMNS.items() for name in aliases}
    mapping, unknown = {}, []
    for index, cell in enumerate(header):
        name = str(cell).strip().lstrip("\ufeff").lower()
        if not name:
            continue
        if name in names and names[name] not in mapping:
            mapping[names[name]] = index
        else:
            unknown.append(str(cell))
    missing = [COLUMNS[column][0] for column in REQUIRED if column not in mapping]
    problems = []
    if missing:
        problems.append(_("缺少列：%(cols)s") % {"cols": "、".join(missing)})
    if unknown:
        problems.append(_("无法识别的列：%(cols)s") % {"cols": "、".join(unknown)})
    if problems:
        raise ValidationError(
            _("表头不正确（%(problems)s）。表头应为：%(header)s")
            % {"problems": "；".join(problems), "header": ",".join(TEMPLATE_HEADER)}
        )
    return mapping


def parse_date(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def parse_number(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = str(value).strip().replace(",", "").replace("，", "").removesuffix("%").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def check_rows(table):
    """(rows ready to save, errors) for the table after its header; errors are {'row', 'messages'}."""
    if not table:
        return [], [{"row": 1, "messages": [_("文件为空。")]}]
    try:
        mapping = map_header(table[0])
    except ValidationError as error:
        return [], [{"row": 1, "messages": error.messages}]
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    districts = {}
    for district in District.objects.all():
        districts[district.name] = districts[district.code] = district
    rows, errors, seen = [], [], {}
    for number, cells in enumerate(table[1:], start=2):

        def cell(column, cells=cells):
            index = mapping.get(column)
            return cells[index] if index is not None and index < len(cells) else ""

        messages = []
        code = str(cell("code")).strip()
        indicator = indicators.get(code)
        if not code:
            messages.append(_("缺少指标代码。"))
        elif indicator is None:
            messages.append(_("未知的指标代码“%(code)s”。") % {"code": code})
        as_of = parse_date(cell("as_of"))
        if as_of is None:
            messages.append(_("统计日期“%(value)s”无法识别，请写作 2016-06-30。") % {"value": cell("as_of")})
        else:
            try:
                check_date(as_of, _("统计日期"))
            except ValidationError as error:
                messages.extend(error.messages)
        value = parse_number(cell("value"))
        if value is None:
            messages.append(_("数值“%(value)s”不是有效数字。") % {"value": cell("value")})
        elif indicator is not None:
            problem = indicator.validate_value(value)
            if problem:
                messages.append(str(problem))
        district_name = str(cell("district")).strip()
        district = None
        if district_name and district_name not in ("全市", "city"):
            district = districts.get(district_name)
            if district is None:
                messages.append(_("未知的县区“%(name)s”。") % {"name": district_name})
        source_note = str(cell("source_note")).strip()
        if not source_note:
            messages.append(_("请填写数据来源说明。"))
        elif len(source_note) > 200:
            messages.append(_("数据来源说明不能超过 200 字。"))
        key = (code, as_of, district.pk if district else None)
        if not messages and key in seen:
            messages.append(_("与第 %(row)s 行重复（同一指标、日期和县区）。") % {"row": seen[key]})
        seen.setdefault(key, number)
        if messages:
            errors.append({"row": number, "messages": messages})
            continue
        existing = IndicatorEntry.objects.filter(indicator=indicator, as_of=as_of, district=district).first()
        rows.append(
            {
                "row": number,
                "code": code,
                "indicator": indicator.name,
                "unit": indicator.unit,
                "as_of": as_of.isoformat(),
                "value": str(value),
                "district": district.code if district else "",
                "district_name": district.name if district else _("全市"),
                "source_note": source_note,
                "replaces_entry": existing.pk if existing else None,
                "previous_value": str(existing.value) if existing else None,
            }
        )
    if not rows and not errors:
        errors.append({"row": 2, "messages": [_("文件中没有数据行。")]})
    return rows, errors


def create_batch(uploaded, user):
    """Read and check an upload; the batch holds the preview, whether or not it is valid."""
    try:
        table = read_table(uploaded)
    except ValidationError as error:
        rows, errors = [], [{"row": 0, "messages": error.messages}]
    else:
        rows, errors = check_rows(table)
    return ImportBatch.objects.create(
        filename=Path(uploaded.name).name[:200], rows=rows, errors=errors, uploaded_by=user
    )


@transaction.atomic
def apply_batch(batch, user):
    """Save every row of a valid pending batch, or nothing."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportBatch.Status.PENDING:
        raise ValidationError(_("该批次已处理，不能重复导入。"))
    if not batch.is_valid:
        raise ValidationError(_("文件中有错误，整份文件均未导入。请修改后重新上传。"))
    # Re-check against today's data: an indicator may have changed since the preview. The indicators are
    # locked (in one order, so two imports cannot deadlock) so that a concurrent import or entry of the same
    # figure waits, and then corrects the entry this one made instead of adding a second.
    locked = Indicator.objects.select_for_update().filter(code__in={r["code"] for r in batch.rows}).order_by("pk")
    indicators = {indicator.code: indicator for indicator in locked}
    districts = {district.code: district for district in District.objects.all()}
    entries = []
    for row in batch.rows:
        indicator = indicators.get(row["code"])
        if indicator is None:
            raise ValidationError(_("第 %(row)s 行的指标已不存在。") % {"row": row["row"]})
        district = districts.get(row["district"]) if row["district"] else None
        as_of, value = date.fromisoformat(row["as_of"]), Decimal(row["value"])
        existing = IndicatorEntry.objects.filter(indicator=indicator, as_of=as_of, district=district).first()
        if existing:
            entries.append(
                correct_entry(
                    existing,
                    as_of=as_of,
                    value=value,
                    district=district,
                    source_note=row["source_note"],
                    reason=f"{IMPORT_REASON}（{batch.filename}）",
                    user=user,
                )
            )
        else:
            entries.append(
                record_entry(
                    indicator,
                    as_of=as_of,
                    value=value,
                    district=district,
                    source_note=row["source_note"],
                    user=user,
                    batch=batch,
                )
            )
    batch.status = ImportBatch.Status.APPLIED
    batch.applied_at = timezone.now()
    batch.save(update_fields=["status", "applied_at"])
    return entries


def discard_batch(batch):
    if batch.status == ImportBatch.Status.PENDING:
        batch.status = ImportBatch.Status.DISCARDED
        batch.save(update_fields=["status"])
    return batch
