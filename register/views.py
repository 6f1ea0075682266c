"""The public register: the search page (专利检索), its XLSX export and each record's page."""

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from core.spreadsheets import safe_row
from listings.postings import PostingError
from search.listing import listing_page, page_number

from . import postings
from .models import Patent, PostingCheck, Trademark
from .numbers import normalise_application_number
from .search import EXPORT_LIMIT, RegisterSearchForm, build_query, querysets


def search(request):
    form = RegisterSearchForm(request.GET or None)
    page = None
    if form.is_bound and form.is_valid():
        query = build_query(form.cleaned_data, page=page_number(request.GET.get("page")))
        page = listing_page(query, querysets())
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "register/search.html", {"form": form, "page": page, "params": params.urlencode()})


def export(request):
    # Without criteria the export is of the whole register (up to EXPORT_LIMIT rows).
    form = RegisterSearchForm(request.GET)
    if not form.is_valid():
        return redirect(f"{reverse('register:search')}?{request.GET.urlencode()}")
    query = replace(build_query(form.cleaned_data), per_page=100)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("检索结果"))
    sheet.append(
        [
            _("类型"),
            _("申请号/注册号"),
            _("名称"),
            _("申请（专利权）人/注册人"),
            _("申请日/注册日"),
            _("法律状态"),
            _("分类"),
            _("县区"),
            _("商标图样"),
        ]
    )
    written = 0
    while written < EXPORT_LIMIT:
        page = listing_page(query, querysets())
        for item in page.object_list:
            sheet.append(safe_row(_export_row(item, request)))
            written += 1
        if not page.has_next() or not page.object_list:
            break
        query = replace(query, page=query.page + 1)
    response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="register-search.xlsx"'
    workbook.save(response)
    return response


def _export_row(item, request):
    if isinstance(item, Patent):
        return [
            item.get_patent_type_display(),
            item.application_number,
            item.title,
            "；".join(party.name for party in item.parties.all()),
            item.filing_date.isoformat(),
            item.get_status_display(),
            item.ipc_main,
            item.district.name if item.district_id else "",
            "",
        ]
    return [
        _("商标"),
        item.registration_number,
        item.name,
        item.registrant_name,
        item.registration_date.isoformat() if item.registration_date else "",
        item.get_status_display(),
        f"第{item.nice_class}类",
        item.district.name if item.district_id else "",
        # Absolute, so the link works from the downloaded file; object storage gives an absolute URL already.
        request.build_absolute_uri(item.image.url) if item.image else "",
    ]


def patent_detail(request, number):
    try:
        stored = normalise_application_number(number)
    except Exception:
        stored = None
    patent = get_object_or_404(
        Patent.objects.select_related("district", "agency__organisation", "source", "batch"), application_number=stored
    )
    if number != stored:
        return redirect(patent, permanent=True)
    return render(
        request,
        "register/patent_detail.html",
        {
            "patent": patent,
            "parties": patent.parties.select_related("district", "organisation"),
            "events": patent.events.all(),
        },
    )


def trademark_detail(request, number):
    mark = get_object_or_404(Trademark.objects.select_related("district", "source"), registration_number=number)
    return render(request, "register/trademark_detail.html", {"mark": mark})


@require_POST
@login_required
def answer_flag(request, pk):
    check = get_object_or_404(PostingCheck.objects.select_related("ip_record__listing"), pk=pk)
    if not postings.may_answer(check, request.user):
        raise Http404
    try:
        postings.answer_flag(check, request.user, request.POST.get("statement"))
    except PostingError as error:
        return HttpResponseBadRequest(str(error))
    messages.success(request, _("已记录您的说明，该信息将继续展示。"))
    return redirect(check.ip_record.listing)
