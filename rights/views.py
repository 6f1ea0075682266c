from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.actions import form_went_through

from . import cases, statistics, throttle
from .forms import (
    ACTION_FORMS,
    AssignForm,
    AssistanceForm,
    NoteForm,
    QueueFilterForm,
    RegisterSearchForm,
    ReportForm,
    StatusCheckForm,
    TransferForm,
)
from .models import OPEN_STATUSES, Action, Case, handler_unit, is_rights_admin, is_rights_staff

SUBMITTED_SESSION_KEY = "rights_submitted"

# ----------------------------------------------------------------------------------------------
# Public
# ----------------------------------------------------------------------------------------------


def index(request):
    return render(
        request,
        "rights/index.html",
        {
            "summary": statistics.summary(),
            "categories": statistics.by_category(),
            "districts": statistics.by_district(),
            "months": statistics.by_month(12),
            "assistance_refusal": cases.assistance_refusal(request.user),
        },
    )


def report_create(request):
    anonymous = not request.user.is_authenticated
    address = throttle.client_address(request)
    form = ReportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST":
        if anonymous and throttle.is_exhausted("anonymous-report", address, settings.RIGHTS_ANONYMOUS_REPORTS_PER_HOUR):
            form.add_error(None, _("此网络地址在一小时内提交的匿名举报过多，请稍后再试，或登录后提交。"))
            return render(request, "rights/report_form.html", {"form": form}, status=429)
        if form.is_valid():
            if form.looks_automated():
                # Neutral on purpose: a robot learns nothing, a person keeps what they typed.
                form.add_error(None, _("提交未能完成，请核对填写的内容后再次提交。"))
                return render(request, "rights/report_form.html", {"form": form})
            try:
                case, secret = cases.submit_report(
                    form.case_fields(),
                    form.cleaned_data["evidence"],
                    submitter=request.user if not anonymous else None,
                    client_address=address if address != "unknown" else None,
                    submission_key=form.submission_key(),
                )
            except cases.AlreadySubmitted as already:
                return _already_submitted(request, already)
            if anonymous:
                throttle.count("anonymous-report", address)
            request.session[SUBMITTED_SESSION_KEY] = {"tracking_number": case.tracking_number, "secret": secret}
            return redirect("rights:submitted")
    return render(request, "rights/report_form.html", {"form": form})


def _already_submitted(request, already):
    """The same report form came back again: nothing new is recorded; the sender learns where the case is."""
    receipt = request.session.get(SUBMITTED_SESSION_KEY)
    if receipt and receipt["tracking_number"] == already.case.tracking_number:
        # The first answer (with the secret) was not seen yet, e.g. a second click: show it now.
        return redirect("rights:submitted")
    messages.info(request, str(already))
    if already.case.submitter_id and already.case.submitter_id == request.user.pk:
        return redirect("rights:my_case", already.case.tracking_number)
    return redirect("rights:status")


@never_cache
def submitted(request):
    # Shown once: the secret lives only in this session, and only until this page has been seen.
    receipt = request.session.pop(SUBMITTED_SESSION_KEY, None)
    if not receipt:
        return redirect("rights:status")
    return render(request, "rights/submitted.html", {"receipt": receipt})


@login_required
def assistance_create(request):
    organisation = request.user.organisation
    if not cases.may_request_assistance(request.user):
        return render(request, "rights/assistance_unavailable.html", {"organisation": organisation}, status=403)
    form = AssistanceForm(request.POST or None, request.FILES or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            case = cases.submit_assistance(request.user, form.case_fields(), form.cleaned_data["evidence"])
        except cases.CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("维权援助申请已提交，受理编号 %(number)s。") % {"number": case.tracking_number})
            return redirect("rights:my_case", case.tracking_number)
    return render(request, "rights/assistance_form.html", {"form": form, "organisation": organisation})


@never_cache
def status(request):
    form = StatusCheckForm(request.POST or None)
    address = throttle.client_address(request)
    if request.method == "POST":
        if throttle.is_exhausted("status-check", address, settings.RIGHTS_STATUS_CHECKS_PER_HOUR):
            form.add_error(None, _("查询失败次数过多，请一小时后再试。"))
            return render(request, "rights/status_check.html", {"form": form}, status=429)
        if form.is_valid():
            case = cases.find_by_secret(form.cleaned_data["tracking_number"], form.cleaned_data["secret"])
            if case is not None:
                return render(request, "rights/status.html", _public_context(case))
            throttle.count("status-check", address)
            # The same answer for an unknown number and a wrong secret.
            form.add_error(None, _("未找到与该受理编号和查询密码相符的记录，请核对后重试。"))
    return render(request, "rights/status_check.html", {"form": form})


@login_required
def my_cases(request):
    own = Case.objects.filter(submitter=request.user).order_by("-created_at")
    return render(
        request,
        "rights/my_cases.html",
        {"cases": own, "may_request_assistance": cases.may_request_assistance(request.user)},
    )


@login_required
def my_case(request, tracking_number):
    case = get_object_or_404(Case, submitter=request.user, tracking_number=tracking_number)
    return render(request, "rights/status.html", _public_context(case))


def _public_context(case):
    """What the submitter may see: public status, public messages and the outcome, never internal notes."""
    steps = (
        case.steps.exclude(action=Action.ASSIGN)
        .select_related("to_unit")
        .only("action", "to_status", "to_unit__name", "public_message", "created_at", "case_id")
    )
    return {"case": case, "public_steps": steps}


# ----------------------------------------------------------------------------------------------
# Handling (staff of responsible units and rights administrators)
# ----------------------------------------------------------------------------------------------


def rights_staff_required(view):
    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not is_rights_staff(request.user):
            raise PermissionDenied(_("只有责任单位的案件办理人员和维权管理员可以办理案件。"))
        return view(request, *args, **kwargs)

    return wrapped


def _visible_case(request, pk):
    """The case if the user may read it; 404 otherwise, so another unit's case ids reveal nothing."""
    queryset = Case.objects.visible_to(request.user).select_related(
        "unit", "handler", "district", "organisation", "submitter"
    )
    return get_object_or_404(queryset, pk=pk)


@rights_staff_required
def queue(request):
    form = QueueFilterForm(request.GET or None)
    queryset = Case.objects.visible_to(request.user).select_related("unit", "handler", "district")
    filters = form.cleaned_data if form.is_valid() else {}
    status_filter = filters.get("status", "")
    if status_filter == "":
        queryset = queryset.filter(status__in=OPEN_STATUSES)
    elif status_filter != "all":
        queryset = queryset.filter(status=status_filter)
    for name in ("category", "kind", "district"):
        if filters.get(name):
            queryset = queryset.filter(**{name: filters[name]})
    if filters.get("q"):
        term = filters["q"].strip()
        queryset = queryset.filter(
            Q(tracking_number__iexact=term) | Q(infringer__icontains=term) | Q(ip_right__icontains=term)
        )
    if filters.get("min_age"):
        queryset = queryset.filter(created_at__lt=timezone.now() - timedelta(days=int(filters["min_age"])))
    if filters.get("stale"):
        queryset = queryset.stale()
    page = Paginator(queryset.order_by("last_step_at"), 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "rights/handling/queue.html",
        {
            "form": form,
            "page_obj": page,
            "query": query.urlencode(),
            "unit": handler_unit(request.user),
            "is_admin": is_rights_admin(request.user),
            "stale_count": Case.objects.visible_to(request.user).stale().count(),
            "stale_after_days": settings.RIGHTS_STALE_AFTER_DAYS,
        },
    )


def _action_form(action, case, user, data=None):
    form_class = ACTION_FORMS[action]
    if form_class is AssignForm:
        unit = None if is_rights_admin(user) else handler_unit(user)
        return form_class(data, case=case, user_unit=unit, prefix=action)
    if form_class is TransferForm:
        return form_class(data, case=case, prefix=action)
    return form_class(data, prefix=action)


def _detail(request, case, bound=None, note_form=None, status=200):
    actions = cases.allowed_actions(request.user, case)
    forms = [
        (
            action,
            Action(action).label,
            bound[1] if bound and bound[0] == action else _action_form(action, case, request.user),
        )
        for action in actions
    ]
    return render(
        request,
        "rights/handling/case_detail.html",
        {
            "case": case,
            "action_forms": forms,
            "open_action": bound[0] if bound else "",
            "note_form": note_form or NoteForm(),
            "steps": case.steps.select_related("actor", "from_unit", "to_unit", "handler"),
            "notes": case.notes.select_related("author", "author_unit"),
            "evidence": case.evidence.all(),
        },
        status=status,
    )


@rights_staff_required
def case_detail(request, pk):
    return _detail(request, _visible_case(request, pk))


def _perform(action, case, user, data):
    if action == Action.ASSIGN:
        return cases.assign(case, user, data["unit"], data["handler"].user if data["handler"] else None, data["note"])
    if action == Action.ACCEPT:
        return cases.accept(case, user, data["public_message"], data["note"])
    if action == Action.DECLINE:
        return cases.decline(case, user, data["reason"], data["note"])
    if action == Action.TRANSFER:
        return cases.transfer(case, user, data["to_unit"], data["note"], data["public_message"])
    if action == Action.START:
        return cases.start(case, user, data["public_message"], data["note"])
    if action == Action.CLOSE:
        return cases.close(case, user, data["outcome"], data["summary"], data["note"])
    return cases.send_message(case, user, data["message"])


@rights_staff_required
@require_POST
def case_action(request, pk, action):
    case = _visible_case(request, pk)
    if action not in ACTION_FORMS:
        raise PermissionDenied
    if action not in cases.allowed_actions(request.user, case):
        messages.error(request, _("该案件当前不能执行“%(action)s”。") % {"action": Action(action).label})
        return redirect("rights:case_detail", case.pk)
    form = _action_form(action, case, request.user, request.POST)
    if not form.is_valid():
        return _detail(request, case, bound=(action, form), status=400)
    try:
        case = _perform(action, case, request.user, form.cleaned_data)
    except cases.CaseError as error:
        form.add_error(None, str(error))
        return _detail(request, case, bound=(action, form), status=400)
    messages.success(
        request,
        _("案件 %(number)s：%(action)s，当前状态“%(status)s”。")
        % {"number": case.tracking_number, "action": Action(action).label, "status": case.get_status_display()},
    )
    if not Case.objects.visible_to(request.user).filter(pk=case.pk).exists():
        # Transferred away from the handler's unit: they no longer see it.
        return redirect("rights:queue")
    return redirect("rights:case_detail", case.pk)


@rights_staff_required
@require_POST
def note_add(request, pk):
    case = _visible_case(request, pk)
    form = NoteForm(request.POST)

    def add(data):
        cases.add_note(case, request.user, data["text"])

    if form_went_through(request, form, add, cases.CaseError, _("内部备注已保存。"), field="text"):
        return redirect(reverse("rights:case_detail", args=[case.pk]) + "#notes")
    return _detail(request, case, note_form=form, status=400)


@rights_staff_required
def evidence_download(request, pk, evidence_pk):
    case = _visible_case(request, pk)
    evidence = get_object_or_404(case.evidence, pk=evidence_pk)
    response = evidence.download(as_attachment=not evidence.is_image)
    response["Content-Type"] = evidence.content_type
    # Evidence comes from strangers: never let it run as a page of ours.
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


@rights_staff_required
def register(request):
    """The infringement register: closed cases with an established infringement, across all units.

    It shows the infringer, the right, the category and the outcome, never the submitter.
    """
    form = RegisterSearchForm(request.GET or None)
    queryset = Case.objects.infringement_register().select_related("unit", "district").order_by("-closed_at")
    filters = form.cleaned_data if form.is_valid() else {}
    if filters.get("q"):
        term = filters["q"].strip()
        queryset = queryset.filter(
            Q(infringer__icontains=term)
            | Q(infringer_details__icontains=term)
            | Q(ip_right__icontains=term)
            | Q(place__icontains=term)
        )
    if filters.get("category"):
        queryset = queryset.filter(category=filters["category"])
    if filters.get("district"):
        queryset = queryset.filter(district=filters["district"])
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    visible_ids = set(
        Case.objects.visible_to(request.user).filter(pk__in=[c.pk for c in page]).values_list("pk", flat=True)
    )
    return render(
        request,
        "rights/handling/register.html",
        {"form": form, "page_obj": page, "query": query.urlencode(), "visible_ids": visible_ids},
    )
