"""The 公示 list of a batch (public) and finance's payment list of a batch (with bank details), as XLSX."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from core.spreadsheets import safe_row


def _workbook(title, header, rows):
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(safe_row(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(safe_row(row))
    for column, width in zip("ABCDEFGHIJ", (6, 36, 14, 40, 16, 16, 24, 28, 16, 14), strict=False):
        sheet.column_dimensions[column].width = width
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _items_text(application):
    return "；".join(f"{item.get_item_type_display()} {item.record_label}" for item in application.eligible_items)


def notice_workbook(batch, applications):
    header = [_("序号"), _("申请单位"), _("县区"), _("资助事项"), _("核定金额（元）")]
    rows = [
        [n, a.organisation.name, a.organisation.district.name, _items_text(a), a.approved_amount]
        for n, a in enumerate(applications, 1)
    ]
    return _workbook(batch.title, header, rows)


def finance_workbook(batch, applications):
    header = [
        _("序号"),
        _("申请单位"),
        _("统一社会信用代码"),
        _("资助事项"),
        _("核定金额（元）"),
        _("开户名称"),
        _("开户银行"),
        _("银行账号"),
        _("拨付金额（元）"),
        _("拨付日期"),
    ]
    rows = [
        [
            n,
            a.organisation.name,
            a.organisation.credit_code,
            _items_text(a),
            a.approved_amount,
            a.bank_account_name,
            a.bank_name,
            a.bank_account,
            a.paid_amount,
            a.paid_on.isoformat() if a.paid_on else "",
        ]
        for n, a in enumerate(applications, 1)
    ]
    return _workbook(batch.title, header, rows)
