"""Public summary of the published indicators, and the staff-only reports and evidence files."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.pagecache import frame_value

from .access import staff_required
from .dashboard import build_rows, group_by_category, indicators_for, public_rows, status_counts
from .exports import report_cells, report_columns, workbook_bytes
from .forms import DashboardFilterForm
from .models import DemonstrationCertification
from .progress import Status


def _render_summary():
    rows = public_rows()
    context = {"groups": group_by_category(rows), "charts": {row.indicator.code: row.chart_data() for row in rows}}
    return render_to_string("targets/includes/summary_content.html", context)


def summary(request):
    # Counting the indicators reads every record they count (seconds on a large register), and the result is
    # the same for every visitor: like the anonymous page, it is kept per language until a public record
    # changes (core.pagecache), so signed-in visitors do not count it again on each request.
    content = frame_value(request, f"targets-summary:{get_language()}", _render_summary)
    # Our own template's output, escaped when it was rendered.
    return render(request, "targets/summary.html", {"summary_content": mark_safe(content)})


def _report(request):
    form = DashboardFilterForm(request.GET or None)
    unit, district, on = form.filters()
    rows = build_rows(indicators_for(unit), district=district, on=on)
    scope = [district.name if district else _("全市")]
    if unit:
        scope.append(_("责任单位：%(unit)s") % {"unit": unit.name})
    subtitle = _("统计截至 %(day)s · %(scope)s") % {"day": on.isoformat(), "scope": " · ".join(scope)}
    return rows, on, subtitle


@staff_required
def report_print(request):
    rows, on, subtitle = _report(request)
    return render(
        request,
        "targets/report_print.html",
        {
            "groups": group_by_category(rows),
            "columns": report_columns(),
            "table": [(row, report_cells(row)) for row in rows],
            "counts": status_counts(rows),
            "statuses": Status,
            "subtitle": subtitle,
            "on": on,
        },
    )


@staff_required
def report_xlsx(request):
    rows, on, subtitle = _report(request)
    content = workbook_bytes(rows, title=_("连云港市国家知识产权试点城市建设指标完成情况"), subtitle=subtitle)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="targets-{on.isoformat()}.xlsx"'
    return response


@staff_required
def certification_evidence(request, pk):
    certification = get_object_or_404(DemonstrationCertification, pk=pk)
    return DemonstrationCertification.EVIDENCE.download(certification)
