"""Evaluation request pages: thin views over `evaluations.handling`; who sees what comes from
`evaluations.access` (a request someone may not read does not exist for them)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.submissions import AlreadySubmitted, show_first_result, submitted_once
from core.uploads import serve_private_file

from . import handling
from .access import filer_refusal, may_manage, visible_requests
from .forms import AssignForm, DeliveryForm, RequestForm, StepForm
from .models import INSTITUTION, MANAGER, OWNER, REQUEST_WORKFLOW, EvaluationRequest, Step


def _request_for(request, pk):
    queryset = EvaluationRequest.objects.select_related(
        "organisation", "unit", "district", "institution__organisation", "created_by"
    )
    return get_object_or_404(visible_requests(request.user, queryset), pk=pk)


def _refused(request, error):
    if error.already:
        messages.info(request, error.message)
    else:
        messages.error(request, error.message)


@login_required
def request_list(request):
    records = visible_requests(request.user, EvaluationRequest.objects.all()).select_related(
        "organisation", "unit", "institution__organisation"
    )
    status = request.GET.get("status") or ""
    if status in EvaluationRequest.Status.values:
        records = records.filter(status=status)
    return render(
        request,
        "evaluations/request_list.html",
        {
            "requests": records[:200],
            "statuses": EvaluationRequest.Status.choices,
            "status": status,
            "may_file": filer_refusal(request.user) is None,
            "manages": may_manage(request.user),
        },
    )


@login_required
def file_request(request):
    refusal = filer_refusal(request.user)
    if refusal:
        messages.error(request, refusal)
        return redirect("evaluations:list")
    form = RequestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        attachments = [(data["attachment_title"], data["attachment"])] if data.get("attachment") else []
        try:
            with submitted_once(form, request.user) as receipt:
                record = handling.file_request(
                    request.user,
                    project_name=data["project_name"],
                    description=data["description"],
                    decision=data["decision"],
                    ipc_fields=data["ipc_fields"],
                    deadline=data["deadline"],
                    attachments=attachments,
                )
                receipt.done(record)
        except AlreadySubmitted as repeat:
            return show_first_result(request, repeat, reverse("evaluations:list"))
        except handling.EvaluationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("评议申请已提交，平台将尽快指派评议机构。"))
            return redirect(record)
    return render(request, "evaluations/request_form.html", {"form": form})


@login_required
def detail(request, pk):
    record = _request_for(request, pk)
    user = request.user
    steps = REQUEST_WORKFLOW.steps_for(record, user)
    return render(
        request,
        "evaluations/request_detail.html",
        {
            "record": record,
            "attachments": record.attachments.all(),
            "events": record.events.select_related("actor"),
            "may_assign": Step.ASSIGNED in steps,
            "assign_form": AssignForm() if Step.ASSIGNED in steps else None,
            "may_accept": Step.ACCEPTED in steps,
            "may_decline": Step.DECLINED in steps,
            "may_deliver": Step.DELIVERED in steps,
            "delivery_form": DeliveryForm() if Step.DELIVERED in steps else None,
            "may_return": Step.RETURNED in steps,
            "may_close": Step.CLOSED in steps,
            "analysis": record.field_analysis.get("fields", []),
        },
    )


@login_required
@require_POST
def assign(request, pk):
    record = _request_for(request, pk)
    if not REQUEST_WORKFLOW.roles(record, request.user) & {OWNER, MANAGER}:
        raise PermissionDenied
    form = AssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择评议机构。"))
        return redirect(record)
    try:
        handling.assign(record, request.user, form.cleaned_data["institution"], form.cleaned_data["note"])
    except handling.EvaluationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("已指派评议机构。"))
    return redirect(record)


STEPS = {
    "accepted": (handling.accept, _("已接受评议。")),
    "declined": (handling.decline, _("已退回该评议申请。")),
    "returned": (handling.return_report, _("已退回报告修改。")),
    "closed": (handling.close, _("评议已办结。")),
}


@login_required
@require_POST
def take_step(request, pk):
    record = _request_for(request, pk)
    form = StepForm(request.POST)
    if not form.is_valid():
        return HttpResponse(status=400)
    action = form.cleaned_data["action"]
    function, done = STEPS[action]
    try:
        function(record, request.user, form.cleaned_data["note"])
    except handling.EvaluationError as error:
        _refused(request, error)
    else:
        messages.success(request, str(done))
    if action == "declined" and not visible_requests(request.user, EvaluationRequest.objects.filter(pk=pk)).exists():
        return redirect("evaluations:list")
    return redirect(record)


@login_required
@require_POST
def deliver(request, pk):
    record = _request_for(request, pk)
    if INSTITUTION not in REQUEST_WORKFLOW.roles(record, request.user):
        raise PermissionDenied
    form = DeliveryForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(record)
    try:
        handling.deliver(record, request.user, **form.cleaned_data)
    except handling.EvaluationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("评议报告已交付。"))
    return redirect(record)


@login_required
def report(request, pk):
    record = _request_for(request, pk)
    return serve_private_file(record.report, filename=record.report_name)


@login_required
def attachment(request, pk, attachment_pk):
    record = _request_for(request, pk)
    return get_object_or_404(record.attachments, pk=attachment_pk).download()
