"""Analysis pages over register queries, portfolio comparisons, and early-warning watches."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.submissions import AlreadySubmitted, show_first_result, submitted_once
from register.search import RegisterSearchForm, build_query

from . import access, figures, indicators, portfolio, watching
from .exports import workbook_response
from .forms import ComparisonForm, WatchForm
from .models import WatchNotice

# The section ("C") or class ("C03") the IPC table is narrowed to; the register's own IPC filter takes a
# subclass or a group.
SECTION_OR_CLASS = re.compile(r"^[A-H](?:[0-9]{2})?$")


def _register_query(request):
    """(form, query, IPC symbol selected) of the register search filters in the request; query None when
    the filters are invalid."""
    form = RegisterSearchForm(request.GET or None, kind="patent")
    if form.is_bound and not form.is_valid():
        return form, None, ""
    data = form.cleaned_data if form.is_bound else {}
    query = build_query(data, only="patent")
    selected = data.get("ipc") or ""
    drill = request.GET.get("section", "").strip().upper()
    if not selected and SECTION_OR_CLASS.match(drill):
        query.tags = {**query.tags, "ipc": [drill]}
        selected = drill
    return form, query, selected


def _drill_urls(request, table):
    params = request.GET.copy()
    params.pop("section", None)
    params.pop("ipc", None)
    urls = []
    for code in table.drill:
        if not code:
            urls.append("")
            continue
        narrowed = params.copy()
        narrowed["section" if len(code) <= 3 else "ipc"] = code
        urls.append(f"?{narrowed.urlencode()}")
    table.drill = urls


def _charts(tables):
    return {table.key: table.chart for table in tables if table.chart}


def analysis(request):
    form, query, selected = _register_query(request)
    result = None
    if query is not None:
        result = figures.analyse(query, selected)
        _drill_urls(request, result.table("ipc"))
    params = request.GET.copy()
    up = params.copy()
    for name in ("section", "ipc"):
        up.pop(name, None)
    return render(
        request,
        "analysis/analysis.html",
        {
            "form": form,
            "result": result,
            "selected": selected,
            "params": params.urlencode(),
            "up_params": up.urlencode(),
            "charts": _charts(result.tables) if result else {},
        },
    )


def export(request):
    _form, query, selected = _register_query(request)
    if query is None:
        return redirect(f"{reverse('analysis:analysis')}?{request.GET.urlencode()}")
    return workbook_response(figures.analyse(query, selected).tables, "patent-analysis.xlsx")


@login_required
def comparisons(request):
    if not access.may_compare(request.user):
        raise PermissionDenied
    form = ComparisonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with submitted_once(form, request.user) as receipt:
                made = receipt.done(portfolio.create(request.user.organisation, request.user, form.cleaned_data))
        except AlreadySubmitted as repeat:
            return show_first_result(request, repeat, reverse("analysis:comparisons"))
        messages.success(request, _("已保存对比。"))
        return redirect(made)
    return render(
        request,
        "analysis/comparisons.html",
        {"form": form, "comparisons": access.comparisons_for(request.user)},
    )


def _comparison_tables(request, pk):
    comparison = get_object_or_404(access.comparisons_for(request.user), pk=pk)
    form, query, _selected = _register_query(request)
    return comparison, form, portfolio.compare(comparison, query) if query is not None else None


@login_required
def comparison(request, pk):
    comparison, form, tables = _comparison_tables(request, pk)
    return render(
        request,
        "analysis/comparison.html",
        {
            "comparison": comparison,
            "form": form,
            "tables": tables,
            "charts": _charts(tables or []),
            "params": request.GET.urlencode(),
        },
    )


@login_required
def comparison_export(request, pk):
    comparison, _form, tables = _comparison_tables(request, pk)
    if tables is None:
        return redirect(f"{comparison.get_absolute_url()}?{request.GET.urlencode()}")
    return workbook_response(tables, "portfolio-comparison.xlsx")


@login_required
def watches(request):
    notices = WatchNotice.objects.filter(user=request.user).select_related("report__watch", "report__page")[:50]
    return render(
        request,
        "analysis/watches.html",
        {
            "watches": access.watches_for(request.user).select_related("organisation", "client"),
            "notices": notices,
            "may_define": access.may_define_watches(request.user),
            "indicators": indicators.INDICATORS,
        },
    )


@login_required
def watch_new(request):
    if not access.may_define_watches(request.user):
        raise PermissionDenied
    form = WatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with submitted_once(form, request.user) as receipt:
                made = receipt.done(watching.define(request.user, form.cleaned_data))
        except AlreadySubmitted as repeat:
            return show_first_result(request, repeat, reverse("analysis:watches"))
        messages.success(request, _("已创建预警监测，每次登记簿导入后将自动评估。"))
        return redirect(made)
    return render(request, "analysis/watch_form.html", {"form": form})


@login_required
def watch(request, pk):
    watch = get_object_or_404(access.watches_for(request.user).select_related("organisation", "client"), pk=pk)
    reports = watch.reports.select_related("page").prefetch_related("alerts")
    return render(
        request,
        "analysis/watch.html",
        {"watch": watch, "reports": reports, "alerts": watch.alerts.all()[:100], "indicators": indicators.BY_CODE},
    )
