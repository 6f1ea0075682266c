"""Copyright filing pages: thin views over `copyrights.filings`; who may see what comes from `copyrights.access`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.submissions import AlreadySubmitted, show_first_result, submitted_once
from core.uploads import serve_private_file
from search.listing import page_number

from . import filings, statistics
from .access import applicants_filings, examiner_unit_id, may_examine, may_read_as_applicant, visible_filings
from .certificate import certificate_pdf_bytes
from .forms import FORMS, ContractFilingForm, ExaminationForm, VerifyForm, WorkFilingForm
from .lists import works_page
from .models import EXAMINER_STEPS, FILING_WORKFLOW, Filing, Kind, Status, Step

# --- public ------------------------------------------------------------------------------------------


def works(request):
    form, page = works_page(request.GET, page=page_number(request.GET.get("page")))
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "copyrights/works.html", {"form": form, "page": page, "params": params.urlencode()})


def work(request, pk):
    item = get_object_or_404(Filing.objects.public_works().select_related("district", "unit"), pk=pk)
    return render(request, "copyrights/work.html", {"work": item})


def preview(request, pk):
    """The re-encoded preview of a registered work's image sample; nothing for anything else."""
    item = get_object_or_404(Filing.objects.public_works(), pk=pk)
    if not item.preview:
        raise Http404
    response = serve_private_file(item.preview, as_attachment=False)
    response["Cache-Control"] = "public, max-age=3600"
    return response


def verify(request):
    form = VerifyForm(request.GET or None)
    found, asked = None, False
    if form.is_bound and form.is_valid():
        asked = True
        found = filings.verify(form.cleaned_data["number"])
    return render(request, "copyrights/verify.html", {"form": form, "found": found, "asked": asked})


def statistics_page(request):
    return render(request, "copyrights/statistics.html", {"years": statistics.by_year_and_district()})


# --- applicants --------------------------------------------------------------------------------------


@login_required
def mine(request):
    records = applicants_filings(request.user, Filing.objects.select_related("organisation", "work"))
    return render(request, "copyrights/mine.html", {"filings": records})


def _file(request, kind):
    form_class = FORMS[kind]
    form = form_class(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with submitted_once(form, request.user) as receipt:
                common = {
                    "district": data["district"],
                    "uploaded": data["file"],
                    "declaration": data["declaration"],
                    "organisation": form.organisation(),
                }
                if kind == Kind.WORK:
                    filing = filings.file_work(request.user, details=form.details(), **common)
                else:
                    filing = filings.file_contract(
                        request.user, contract=form.contract(), work_details=form.work_details(), **common
                    )
                receipt.done(filing)
        except AlreadySubmitted as repeat:
            return show_first_result(request, repeat, reverse("copyrights:mine"))
        except filings.CopyrightError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("申请已提交，市文广新局审查后将通知您。"))
            return redirect(filing)
    return render(request, "copyrights/file.html", {"form": form, "is_work": kind == Kind.WORK, "filing": None})


@login_required
def new_work(request):
    return _file(request, Kind.WORK)


@login_required
def new_contract(request):
    return _file(request, Kind.TRANSFER)


def _filing_for(request, pk):
    if not request.user.is_authenticated:
        raise Http404
    queryset = visible_filings(request.user, Filing.objects.select_related("organisation", "unit", "work", "district"))
    return get_object_or_404(queryset, pk=pk)


@login_required
def filing(request, pk):
    record = _filing_for(request, pk)
    user = request.user
    steps = FILING_WORKFLOW.steps_for(record, user)
    return render(
        request,
        "copyrights/filing.html",
        {
            "filing": record,
            "events": record.events.select_related("actor"),
            "may_correct": Step.RESUBMITTED in steps,
            "is_examiner": may_examine(user, record),
            "examiner_steps": FILING_WORKFLOW.offers(record, user, names=EXAMINER_STEPS)
            if may_examine(user, record)
            else [],
            "may_download_certificate": filings.may_download_certificate(record, user),
        },
    )


@login_required
def correct(request, pk):
    record = _filing_for(request, pk)
    if not may_read_as_applicant(request.user, record):
        raise PermissionDenied
    refusal = FILING_WORKFLOW.refusal(record, Step.RESUBMITTED, request.user)
    if refusal:
        messages.error(request, refusal)
        return redirect(record)
    form_class = WorkFilingForm if record.is_work else ContractFilingForm
    form = form_class(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        filing=record,
        initial=form_class.initial_from(record),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        arguments = {"district": data["district"], "uploaded": data.get("file")}
        if record.is_work:
            arguments["details"] = form.details()
        else:
            arguments.update(contract=form.contract(), work_details=form.work_details())
        try:
            filings.resubmit(record, request.user, **arguments)
        except filings.CopyrightError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("补正后的申请已重新提交。"))
            return redirect(record)
    return render(request, "copyrights/file.html", {"form": form, "is_work": record.is_work, "filing": record})


@login_required
def download_file(request, pk):
    return _filing_for(request, pk).download()


@login_required
def certificate(request, pk):
    record = _filing_for(request, pk)
    if not filings.may_download_certificate(record, request.user):
        raise Http404
    response = HttpResponse(certificate_pdf_bytes(record), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{record.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- examiners ---------------------------------------------------------------------------------------


@login_required
@require_POST
def examine(request, pk):
    record = _filing_for(request, pk)
    if not may_examine(request.user, record):
        raise PermissionDenied
    form = ExaminationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择审查操作。"))
        return redirect(record)
    try:
        filings.examine(record, request.user, form.cleaned_data["action"], form.cleaned_data["note"])
    except filings.CopyrightError as error:
        if error.already:
            messages.info(request, error.message)
        else:
            messages.error(request, error.message)
    else:
        messages.success(request, _("已办理：%(step)s。") % {"step": Step(form.cleaned_data["action"]).label})
    return redirect(record)


@login_required
def queue(request):
    unit_id = examiner_unit_id(request.user)
    if unit_id is None:
        raise PermissionDenied
    records = Filing.objects.filter(unit_id=unit_id).select_related("organisation", "applicant")
    open_states = (Status.SUBMITTED, Status.EXAMINING, Status.CORRECTION)
    return render(
        request,
        "copyrights/queue.html",
        {
            "open": records.filter(status__in=open_states).order_by("submitted_at", "pk"),
            "decided": records.exclude(status__in=open_states).order_by("-updated_at")[:50],
        },
    )
