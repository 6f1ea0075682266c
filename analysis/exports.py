"""The tables of an analysis as one XLSX workbook, a sheet per table, every cell through `safe_row`."""

import re

from django.http import HttpResponse
from openpyxl import Workbook

from core.spreadsheets import safe_row

SHEET_NAME_UNSAFE = re.compile(r"[\[\]:*?/\\]")


def workbook_response(tables, filename):
    workbook = Workbook(write_only=True)
    used = set()
    for table in tables:
        name = SHEET_NAME_UNSAFE.sub(" ", str(table.title))[:28]
        while name in used:
            name = f"{name[:26]}_{len(used)}"
        used.add(name)
        sheet = workbook.create_sheet(name)
        sheet.append(safe_row([str(column) for column in table.columns]))
        for row in table.rows:
            sheet.append(safe_row(row))
        if table.note:
            sheet.append([])
            sheet.append(safe_row([str(table.note)]))
    response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    workbook.save(response)
    return response
