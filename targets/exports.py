"""The dashboard as an XLSX workbook, in the layout a bureau reports upward."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from core.spreadsheets import safe_row

STATUS_FILLS = {
    "met": "C6EFCE",
    "on_track": "DDEBF7",
    "behind": "FFEB9C",
    "at_risk": "FFC7CE",
}


def report_columns():
    return [
        _("篇章"),
        _("指标代码"),
        _("指标"),
        _("单位"),
        _("基数"),
        _("目标值"),
        _("比较"),
        _("完成期限"),
        _("当前值"),
        _("数据日期"),
        _("完成目标%"),
        _("状态"),
        _("按当前进度预计达成"),
        _("数据来源"),
        _("责任单位"),
    ]


def report_cells(row):
    indicator, assessment = row.indicator, row.assessment
    return [
        indicator.get_category_display(),
        indicator.code,
        indicator.name,
        indicator.unit,
        float(indicator.baseline) if indicator.baseline is not None else None,
        float(indicator.target_value) if indicator.has_target else None,
        indicator.get_comparison_display() if indicator.has_target else "",
        indicator.deadline.isoformat(),
        float(row.value) if row.value is not None else None,
        row.value_date.isoformat() if row.value_date else "",
        assessment.percent,
        str(assessment.status_label) + (f"（{row.unavailable}）" if row.unavailable else ""),
        str(assessment.forecast_text),
        row.source_text,
        "、".join(unit.name for unit in indicator.responsible_units.all()),
    ]


def workbook_bytes(rows, *, title, subtitle):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("指标完成情况")
    columns = report_columns()
    sheet.append(safe_row([title]))
    sheet.append(safe_row([subtitle]))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(columns)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        sheet.append(safe_row(report_cells(row)))
        fill = STATUS_FILLS.get(row.status)
        if fill:
            sheet.cell(row=sheet.max_row, column=12).fill = PatternFill("solid", fgColor=fill)
    widths = [14, 30, 40, 8, 10, 10, 8, 12, 12, 12, 10, 14, 18, 16, 50]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A4"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
