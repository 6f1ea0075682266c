"""What people do with evaluation requests, one function per action; views, the demo and tests call these.

Filing keeps the register's figures for the request's fields (`evaluations.fields.analyse_fields`); every
later change is a step of `REQUEST_WORKFLOW`, which locks the request, refuses a repeated or impossible step
and tells the owner and the institution. The report is checked by its content before it is stored.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.uploads import check_upload
from register.classification import normalise_ipc, split_ipc_list

from .access import department_of, evaluating_institutions, filer_refusal
from .fields import analyse_fields
from .models import REQUEST_WORKFLOW, Attachment, Decision, EvaluationRequest, RequestEvent, Step
from .notifications import tell_filed

ATTACHMENT_KINDS = ("pdf", "image")
REPORT_KINDS = ("pdf",)
MAX_BYTES = 20 * 1024 * 1024
MAX_FIELDS = 10


class EvaluationError(Exception):
    """An action was refused; the message is shown to the person who tried. `already` marks a repeat."""

    def __init__(self, message, *, already=False):
        super().__init__(message)
        self.message = str(message)
        self.already = already


def _refuse(refusal):
    return EvaluationError(refusal.message, already=refusal.already_done)


def clean_ipc_fields(value):
    """'H01L; C03B 20/00' → ['H01L', 'C03B 20/00']: each symbol checked against the IPC scheme by the
    register's helper, duplicates dropped. Raises django's ValidationError naming a bad symbol."""
    symbols = list(dict.fromkeys(normalise_ipc(part) for part in split_ipc_list(value)))
    if not symbols:
        raise ValidationError(_("请至少填写一个IPC分类号，如 H01L 或 C03B 20/00。"), code="required")
    if len(symbols) > MAX_FIELDS:
        raise ValidationError(_("技术领域最多填写 %(max)s 个分类号。") % {"max": MAX_FIELDS}, code="too_many")
    return symbols


def file_request(user, *, project_name, description, decision, ipc_fields, deadline, attachments=()):
    """File a request for the user's enterprise or department; `attachments`: (title, uploaded file)."""
    refusal = filer_refusal(user)
    if refusal:
        raise EvaluationError(refusal)
    project_name, description = (project_name or "").strip(), (description or "").strip()
    if not (project_name and description):
        raise EvaluationError(_("请填写项目名称和项目简介。"))
    if deadline <= timezone.localdate():
        raise EvaluationError(_("希望完成日期须晚于今天。"))
    if decision not in Decision.values:
        raise EvaluationError(_("请选择评议服务的决策事项。"))
    try:
        ipc_fields = clean_ipc_fields(";".join(ipc_fields))
    except ValidationError as error:
        raise EvaluationError(" ".join(error.messages)) from error
    unit = department_of(user)
    organisation = None if unit is not None else user.organisation
    checked = [
        (title, uploaded, check_upload(uploaded, ATTACHMENT_KINDS, MAX_BYTES, refuse=EvaluationError))
        for title, uploaded in attachments
    ]
    with transaction.atomic():
        request = EvaluationRequest.objects.create(
            organisation=organisation,
            unit=unit,
            district=organisation.district if organisation is not None else None,
            created_by=user,
            project_name=project_name,
            description=description,
            decision=decision,
            ipc_fields=list(ipc_fields),
            deadline=deadline,
            field_analysis=analyse_fields(ipc_fields),
            analysed_at=timezone.now(),
        )
        for title, uploaded, content_type in checked:
            Attachment.attach(uploaded, content_type, user=user, title=title, request=request)
        RequestEvent.objects.create(
            request=request,
            from_status="",
            to_status=request.status,
            created_at=request.created_at,
            action=Step.FILED,
            actor=user,
        )
        tell_filed(request)
    return request


def assign(request, user, institution, note=""):
    """Staff assign the request to an institution that offers evaluation, or the owner chooses one."""
    if institution is None or not evaluating_institutions().filter(pk=institution.pk).exists():
        raise EvaluationError(_("请选择一家提供知识产权评议服务的在册机构。"))
    note = (note or "").strip() or _("评议机构：%(name)s") % {"name": institution.name}
    return REQUEST_WORKFLOW.apply(
        request, Step.ASSIGNED, user=user, note=note, refuse=_refuse, changes={"institution": institution}
    )


def accept(request, user, note=""):
    return REQUEST_WORKFLOW.apply(request, Step.ACCEPTED, user=user, note=note, refuse=_refuse)


def _reason(reason, message):
    reason = (reason or "").strip()
    if not reason:
        raise EvaluationError(message)
    return reason


def decline(request, user, reason):
    """The institution cannot take it: the request goes back to be assigned again, with the reason."""
    reason = _reason(reason, _("请写明无法承接的原因。"))
    # The note names the institution: after this step it no longer sees the request, the owner and staff do.
    note = f"{request.institution.name if request.institution_id else ''}：{reason}"
    return REQUEST_WORKFLOW.apply(
        request,
        Step.DECLINED,
        user=user,
        note=note,
        refuse=_refuse,
        changes={"institution": None, "return_reason": reason},
    )


def deliver(request, user, *, report, summary):
    """The institution delivers its report (a PDF, checked by content) with a summary that may be published."""
    summary = _reason(summary, _("请填写报告摘要。"))
    if report is None:
        raise EvaluationError(_("请上传评议报告（PDF）。"))
    refused = REQUEST_WORKFLOW.check(request, Step.DELIVERED, user)
    if refused is not None:
        raise _refuse(refused)
    check_upload(report, REPORT_KINDS, MAX_BYTES, refuse=EvaluationError)
    return REQUEST_WORKFLOW.apply(
        request,
        Step.DELIVERED,
        user=user,
        refuse=_refuse,
        changes={
            "report": report,
            "summary": summary,
            "report_name": report.name[:200],
            "report_size": report.size,
            "return_reason": "",
        },
        note=_("报告已交付：%(name)s") % {"name": report.name},
    )


def return_report(request, user, reason):
    """The owner sends the report back for revision, with the reason."""
    reason = _reason(reason, _("请写明退回修改的原因。"))
    return REQUEST_WORKFLOW.apply(
        request, Step.RETURNED, user=user, note=reason, refuse=_refuse, changes={"return_reason": reason}
    )


def close(request, user, note=""):
    """The owner (or staff) confirms the report: the evaluation is done."""
    return REQUEST_WORKFLOW.apply(request, Step.CLOSED, user=user, note=note, refuse=_refuse)
