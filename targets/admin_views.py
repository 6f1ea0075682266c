"""The dashboard in the Wagtail admin: figures, drill-down, entries, import, certifications.

Mounted by `wagtail_hooks.register_admin_urls`, so Wagtail's admin-access check runs first; each view
also checks access itself, because the same views must never be reachable another way.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.actions import form_went_through, tell_outcome
from reference.models import District

from . import entries as entry_functions
from . import imports
from .access import staff_required
from .dashboard import build_rows, counted_from_records, group_by_category, indicators_for, status_counts
from .forms import CertificationForm, CorrectionForm, DashboardFilterForm, EntryForm, ImportForm, RevocationForm
from .models import DemonstrationCertification, ImportBatch, Indicator, IndicatorEntry
from .progress import AT_RISK_FACTOR, FORECAST_HORIZON_YEARS, Status


def _filters(request):
    form = DashboardFilterForm(request.GET or None)
    unit, district, on = form.filters()
    return form, unit, district, on


@staff_required
def dashboard(request):
    form, unit, district, on = _filters(request)
    rows = build_rows(indicators_for(unit), district=district, on=on)
    return render(
        request,
        "targets/admin/dashboard.html",
        {
            "form": form,
            "groups": group_by_category(rows),
            "counts": status_counts(rows),
            "counted": counted_from_records(rows),
            "with_target": sum(1 for row in rows if row.indicator.has_target),
            "statuses": Status,
            "charts": {row.indicator.code: row.chart_data() for row in rows},
            "on": on,
            "district": district,
            "unit": unit,
            "query": request.GET.urlencode(),
            "at_risk_factor": AT_RISK_FACTOR,
            "horizon_years": FORECAST_HORIZON_YEARS,
        },
    )


@staff_required
def indicator_detail(request, code):
    indicator = get_object_or_404(Indicator.objects.prefetch_related("responsible_units"), code=code)
    form, _unit, district, on = _filters(request)
    row = build_rows(Indicator.objects.filter(pk=indicator.pk), district=district, on=on)[0]
    context = {
        "form": form,
        "indicator": indicator,
        "row": row,
        "charts": {indicator.code: row.chart_data()},
        "on": on,
        "district": district,
        "at_risk_factor": AT_RISK_FACTOR,
        "horizon_years": FORECAST_HORIZON_YEARS,
    }
    if indicator.is_live and row.rule and not row.unavailable:
        records, total = row.rule.drilldown(district=district, on=on)
        context.update(
            {
                "columns": [label for label, _path in row.rule.columns],
                "records": records,
                "record_total": total,
                "sql": row.rule.sql(district=district, on=on),
                "by_district": [(item, row.rule.value(district=item, on=on)) for item in District.objects.all()],
            }
        )
    entries = (
        IndicatorEntry.objects.filter(indicator=indicator)
        .select_related("district", "entered_by")
        .prefetch_related("revisions__corrected_by", "revisions__previous_district")
    )
    context["entries"] = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "targets/admin/indicator_detail.html", context)


@staff_required
def entry_add(request, code):
    indicator = get_object_or_404(Indicator, code=code)
    form = EntryForm(request.POST or None, request.FILES or None, indicator=indicator)
    if request.method == "POST" and form_went_through(
        request,
        form,
        lambda data: entry_functions.record_entry(indicator, user=request.user, **data),
        ValidationError,
        _("已保存“%(name)s”的填报值。") % {"name": indicator.name},
    ):
        return redirect("targets_admin:indicator", code=code)
    return render(request, "targets/admin/entry_form.html", {"form": form, "indicator": indicator, "title": _("填报")})


@staff_required
def entry_correct(request, pk):
    entry = get_object_or_404(IndicatorEntry.objects.select_related("indicator"), pk=pk)
    initial = {"as_of": entry.as_of, "value": entry.value, "district": entry.district, "source_note": entry.source_note}
    form = CorrectionForm(request.POST or None, request.FILES or None, indicator=entry.indicator, initial=initial)
    if request.method == "POST" and form_went_through(
        request,
        form,
        lambda data: entry_functions.correct_entry(entry, user=request.user, **data),
        ValidationError,
        _("已更正，原数值已记入更正记录。"),
    ):
        return redirect("targets_admin:indicator", code=entry.indicator.code)
    return render(
        request,
        "targets/admin/entry_form.html",
        {"form": form, "indicator": entry.indicator, "entry": entry, "title": _("更正")},
    )


@staff_required
def entry_attachment(request, pk):
    entry = get_object_or_404(IndicatorEntry, pk=pk)
    return IndicatorEntry.ATTACHMENT.download(entry)


@staff_required
def import_upload(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        batch = imports.create_batch(form.cleaned_data["file"], request.user)
        return redirect("targets_admin:import_preview", pk=batch.pk)
    batches = ImportBatch.objects.select_related("uploaded_by")[:20]
    return render(
        request,
        "targets/admin/import_upload.html",
        {
            "form": form,
            "batches": batches,
            "header": imports.TEMPLATE_HEADER,
            "manual": Indicator.objects.all(),
        },
    )


@staff_required
def import_template(request):
    header = ",".join(imports.TEMPLATE_HEADER)
    example = "invention-patents-per-10k-city,2016-06-30,3.62,,市统计局《2016年上半年统计数据》"
    response = HttpResponse(f"\ufeff{header}\r\n{example}\r\n", content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="targets-import-template.csv"'
    return response


@staff_required
def import_preview(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk)
    if request.method == "POST":
        if request.POST.get("action") == "discard":
            imports.discard_batch(batch)
            messages.info(request, _("已放弃该批次，未导入任何数据。"))
            return redirect("targets_admin:import")
        try:
            with transaction.atomic():
                entries = imports.apply_batch(batch, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("已导入 %(n)s 条数据。") % {"n": len(entries)})
            return redirect("targets_admin:dashboard")
        batch.refresh_from_db()
    return render(request, "targets/admin/import_preview.html", {"batch": batch})


@staff_required
def certification_list(request):
    certifications = DemonstrationCertification.objects.select_related("enterprise__district", "entered_by")
    page = Paginator(certifications, 50).get_page(request.GET.get("page"))
    return render(request, "targets/admin/certifications.html", {"page": page, "revocation_form": RevocationForm()})


@staff_required
def certification_add(request):
    form = CertificationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form_went_through(
        request,
        form,
        lambda data: entry_functions.certify_enterprise(user=request.user, **data),
        ValidationError,
        _("已登记示范企业认定。"),
    ):
        return redirect("targets_admin:certifications")
    return render(request, "targets/admin/certification_form.html", {"form": form})


@require_POST
@staff_required
def certification_revoke(request, pk):
    certification = get_object_or_404(DemonstrationCertification, pk=pk)
    tell_outcome(
        request,
        RevocationForm(request.POST),
        lambda data: entry_functions.revoke_certification(certification, revoked_on=data["revoked_on"]),
        ValidationError,
        _("已撤销该认定。"),
        _("请填写有效的撤销日期。"),
    )
    return redirect(reverse("targets_admin:certifications"))
