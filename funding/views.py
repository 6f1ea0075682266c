"""Special-funds pages: thin views over `funding.applications`; who may see what comes from `funding.access`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from listings.models import LoanDocument, PledgeLoan

from . import applications as domain
from . import statistics
from .access import (
    may_manage,
    may_open_review_queue,
    may_record_payment,
    may_review_any,
    may_review_programme,
    may_see_bank_details,
    may_see_loan_facts,
    visible_applications,
)
from .eligibility import applicant_reasons
from .exports import finance_workbook, notice_workbook
from .forms import (
    AttachmentForm,
    DecisionForm,
    DetailsForm,
    ItemForm,
    ObjectionForm,
    PaymentForm,
    PublicityForm,
    ReviewForm,
)
from .models import (
    APPLICATION_WORKFLOW,
    REVIEW_STEPS,
    Application,
    ApplicationItem,
    NoticeBatch,
    Objection,
    Programme,
    Step,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ITEM_RECORDS = ("patent", "certification", "loan__case__lender", "loan__case__need__deal")


def _refused(request, error):
    messages.error(request, error.message)


# --- public ------------------------------------------------------------------------------------------


def programmes(request):
    return render(
        request,
        "funding/programme_list.html",
        {"programmes": Programme.objects.public().select_related("policy").prefetch_related("rules")},
    )


def programme(request, pk):
    item = get_object_or_404(
        Programme.objects.public().select_related("policy").prefetch_related("rules", "districts"), pk=pk
    )
    organisation = request.user.organisation if request.user.is_authenticated else None
    return render(
        request,
        "funding/programme_detail.html",
        {
            "programme": item,
            "accepts": item.accepts_applications(),
            "may_apply": bool(organisation) and not applicant_reasons(item, organisation),
            "batches": item.batches.all(),
            "budget_used": domain.budget_used(item),
        },
    )


def _notice_applications(batch):
    return (
        batch.applications.filter(status__in=Application.APPROVED_STATES)
        .select_related("organisation__district")
        .prefetch_related(Prefetch("items", ApplicationItem.objects.select_related(*ITEM_RECORDS)))
        .order_by("organisation__name", "pk")
    )


def notice(request, pk):
    batch = get_object_or_404(NoticeBatch.objects.select_related("programme"), pk=pk)
    return render(
        request,
        "funding/notice.html",
        {
            "batch": batch,
            "applications": _notice_applications(batch),
            "objections_open": batch.objections_open(),
            "form": ObjectionForm(),
        },
    )


def notice_xlsx(request, pk):
    batch = get_object_or_404(NoticeBatch, pk=pk)
    response = HttpResponse(notice_workbook(batch, _notice_applications(batch)), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="notice-{batch.pk}.xlsx"'
    return response


@require_POST
def object_to(request, pk):
    batch = get_object_or_404(NoticeBatch, pk=pk)
    form = ObjectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写姓名、联系方式和异议理由。"))
        return redirect(batch)
    application = get_object_or_404(batch.applications, pk=form.cleaned_data["application"])
    try:
        domain.lodge_objection(
            application,
            name=form.cleaned_data["name"],
            contact=form.cleaned_data["contact"],
            reason=form.cleaned_data["reason"],
            user=request.user,
        )
    except domain.FundingError as error:
        _refused(request, error)
    else:
        messages.success(request, _("您的异议已登记，将由主管部门核实处理。"))
    return redirect(batch)


def statistics_page(request):
    return render(
        request,
        "funding/statistics.html",
        {
            "programmes": statistics.by_programme(),
            "years": statistics.by_year(),
            "districts": statistics.by_district(),
            "item_types": statistics.by_item_type(),
        },
    )


# --- applicants --------------------------------------------------------------------------------------


@login_required
@require_POST
def apply(request, pk):
    item = get_object_or_404(Programme.objects.public(), pk=pk)
    try:
        application = domain.start_application(item, request.user)
    except domain.FundingError as error:
        _refused(request, error)
        return redirect(item)
    return redirect(application)


@login_required
def my_applications(request):
    organisation = request.user.organisation
    return render(
        request,
        "funding/my_applications.html",
        {"applications": Application.objects.of_organisation(organisation).select_related("programme")},
    )


def _application_for(request, pk):
    if not request.user.is_authenticated:
        raise Http404
    queryset = visible_applications(request.user, Application.objects.select_related("programme", "organisation"))
    return get_object_or_404(queryset, pk=pk)


@login_required
def application(request, pk):
    record = _application_for(request, pk)
    user = request.user
    is_member = record.organisation.is_member(user)
    steps = APPLICATION_WORKFLOW.steps_for(record, user)
    items = list(record.items.select_related(*ITEM_RECORDS))
    show_loan_facts = may_see_loan_facts(user, record)
    loan_ids = [item.loan_id for item in items if item.loan_id is not None]
    loan_facts = (
        PledgeLoan.objects.filter(pk__in=loan_ids).select_related("case__lender").prefetch_related("documents")
        if loan_ids and show_loan_facts
        else []
    )
    return render(
        request,
        "funding/application.html",
        {
            "application": record,
            "items": items,
            "loan_facts": loan_facts,
            "show_loan_facts": show_loan_facts,
            "attachments": record.attachments.all(),
            "events": record.events.select_related("actor"),
            "objections": record.objections.all() if not is_member or may_manage(user) else [],
            "editable": is_member and record.is_editable,
            "details_form": DetailsForm(instance=record),
            "item_form": ItemForm(organisation=record.organisation) if is_member and record.is_editable else None,
            "attachment_form": AttachmentForm(),
            "may_submit": Step.SUBMITTED in steps,
            "review_steps": APPLICATION_WORKFLOW.offers(record, user, names=REVIEW_STEPS),
            "may_pay": Step.PAID in steps,
            "payment_refusal": domain.payment_refusal(record) if Step.PAID in steps else None,
            "payment_form": PaymentForm(initial={"amount": record.approved_amount}),
            "show_bank": is_member or may_see_bank_details(user),
            "decision_form": DecisionForm(),
            "may_decide": may_manage(user),
        },
    )


def _member_action(request, pk):
    record = _application_for(request, pk)
    if not record.organisation.is_member(request.user):
        raise PermissionDenied
    return record


@login_required
@require_POST
def save_details(request, pk):
    record = _member_action(request, pk)
    form = DetailsForm(request.POST, instance=Application.objects.get(pk=record.pk))
    if form.is_valid():
        try:
            domain.save_details(record, request.user, **{f: form.cleaned_data[f] for f in DetailsForm.Meta.fields})
        except domain.FundingError as error:
            _refused(request, error)
        else:
            messages.success(request, _("已保存草稿。"))
    else:
        messages.error(request, _("请检查收款账户信息。"))
    return redirect(record)


@login_required
@require_POST
def add_item(request, pk):
    record = _member_action(request, pk)
    form = ItemForm(request.POST, organisation=record.organisation)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(record)
    try:
        item = domain.add_item(
            record,
            request.user,
            form.cleaned_data["item_type"],
            patent=form.cleaned_data.get("patent"),
            certification=form.cleaned_data.get("certification"),
            loan=form.cleaned_data.get("loan"),
        )
    except domain.FundingError as error:
        _refused(request, error)
    else:
        if item.eligible:
            messages.success(request, _("已加入申报事项，符合条件。"))
        else:
            messages.warning(
                request, _("已加入，但该事项不符合条件：%(reasons)s") % {"reasons": " ".join(item.reasons)}
            )
    return redirect(record)


@login_required
@require_POST
def remove_item(request, pk, item_pk):
    record = _member_action(request, pk)
    item = get_object_or_404(record.items, pk=item_pk)
    try:
        domain.remove_item(item, request.user)
    except domain.FundingError as error:
        _refused(request, error)
    return redirect(record)


@login_required
@require_POST
def add_attachment(request, pk):
    record = _member_action(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(record)
    try:
        domain.add_attachment(
            record, request.user, title=form.cleaned_data["title"], uploaded=form.cleaned_data["file"]
        )
    except domain.FundingError as error:
        _refused(request, error)
    return redirect(record)


@login_required
def attachment(request, pk, attachment_pk):
    record = _application_for(request, pk)
    return get_object_or_404(record.attachments, pk=attachment_pk).download()


@login_required
def loan_document(request, pk, document_pk):
    """A claimed loan's contract or interest receipt, for those who may read the loan's facts."""
    record = _application_for(request, pk)
    if not may_see_loan_facts(request.user, record):
        raise PermissionDenied
    document = get_object_or_404(
        LoanDocument.objects.filter(loan__funding_items__application=record).distinct(), pk=document_pk
    )
    return document.download()


@login_required
@require_POST
def submit(request, pk):
    record = _member_action(request, pk)
    try:
        domain.submit(record, request.user)
    except domain.FundingError as error:
        if not error.already:
            _refused(request, error)
    else:
        messages.success(request, _("申请已提交，请留意审核进度。"))
    return redirect(record)


# --- review, publicity, payment ----------------------------------------------------------------------


REVIEW_ACTIONS = {
    "accepted": lambda a, u, note: domain.accept(a, u, note),
    "first_passed": lambda a, u, note: domain.pass_first_review(a, u, note),
    "approved": lambda a, u, note: domain.approve(a, u, note),
    "returned": lambda a, u, note: domain.return_for_correction(a, u, note),
    "rejected": lambda a, u, note: domain.reject(a, u, note),
}


@login_required
@require_POST
def review(request, pk):
    record = _application_for(request, pk)
    if not may_review_programme(request.user, record.programme):
        raise PermissionDenied
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return HttpResponse(status=400)
    try:
        REVIEW_ACTIONS[form.cleaned_data["action"]](record, request.user, form.cleaned_data["note"])
    except domain.FundingError as error:
        if not error.already:
            _refused(request, error)
    return redirect(record)


@login_required
@require_POST
def pay(request, pk):
    record = _application_for(request, pk)
    if not may_record_payment(request.user):
        raise PermissionDenied
    form = PaymentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写拨付金额和日期。"))
        return redirect(record)
    try:
        domain.record_payment(record, request.user, **form.cleaned_data)
    except domain.FundingError as error:
        if not error.already:
            _refused(request, error)
    else:
        messages.success(request, _("已登记拨付。"))
    return redirect(record)


@login_required
def review_queue(request):
    user = request.user
    if not may_open_review_queue(user):
        raise PermissionDenied
    programmes_list = Programme.objects.all() if may_manage(user) else Programme.objects.reviewed_by(user)
    if may_record_payment(user) and not may_manage(user):
        programmes_list = Programme.objects.filter(Q(reviewers=user) | Q(batches__isnull=False)).distinct()
    queue = visible_applications(user, Application.objects.exclude(status=Application.Status.DRAFT))
    return render(
        request,
        "funding/review_queue.html",
        {
            "programmes": programmes_list.prefetch_related("batches"),
            "applications": queue.select_related("programme", "organisation").order_by("programme", "status", "pk"),
            "objections": Objection.objects.filter(status=Objection.Status.RECORDED).select_related(
                "application__organisation", "application__programme"
            )
            if may_manage(user)
            else [],
            "is_manager": may_manage(user),
            "reviews": {p.pk for p in Programme.objects.reviewed_by(user)} if may_review_any(user) else set(),
            "is_finance": may_record_payment(user),
        },
    )


@login_required
def publicise(request, pk):
    item = get_object_or_404(Programme, pk=pk)
    if not may_review_programme(request.user, item):
        raise PermissionDenied
    form = PublicityForm(request.POST or None, programme=item)
    if request.method == "POST" and form.is_valid():
        try:
            batch = domain.publicise(
                item, form.cleaned_data["applications"], request.user, title=form.cleaned_data["title"]
            )
        except domain.FundingError as error:
            _refused(request, error)
        else:
            return redirect(batch)
    return render(request, "funding/publicise.html", {"programme": item, "form": form})


@login_required
@require_POST
def open_programme(request, pk):
    item = get_object_or_404(Programme, pk=pk)
    if not may_manage(request.user):
        raise PermissionDenied
    try:
        domain.open_programme(item, request.user)
    except domain.FundingError as error:
        if not error.already:
            _refused(request, error)
    else:
        messages.success(request, _("项目已发布，企业可以在申报期内申请。"))
    return redirect(reverse("funding:review_queue"))


@login_required
@require_POST
def decide_objection(request, pk):
    objection = get_object_or_404(Objection, pk=pk)
    if not may_manage(request.user):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择处理结果并写明处理意见。"))
    else:
        try:
            domain.decide_objection(
                objection,
                request.user,
                uphold=form.cleaned_data["decision"] == "uphold",
                note=form.cleaned_data["note"],
            )
        except domain.FundingError as error:
            if not error.already:
                _refused(request, error)
    return redirect(objection.application)


@login_required
def finance_xlsx(request, pk):
    if not may_record_payment(request.user):
        raise PermissionDenied
    batch = get_object_or_404(NoticeBatch, pk=pk)
    response = HttpResponse(finance_workbook(batch, _notice_applications(batch)), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="payments-{batch.pk}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response
