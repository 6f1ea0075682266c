"""Advisers' pages: the pool and profiles, a person's own profile and consent, requests and their answers,
institutions' registrations, and the staff's recognitions. Thin views over the domain modules."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.actions import form_went_through
from core.submissions import AlreadySubmitted, show_first_result, submitted_once
from search.listing import page_number

from . import profiles, recognitions, requests
from .access import may_recognise, may_register_advisers, may_send_request, visible_requests
from .forms import (
    AnswerForm,
    PoolFilterForm,
    ProfileForm,
    RecognitionForm,
    RecognitionStepForm,
    RegistrationForm,
    RequestForm,
)
from .models import (
    RECOGNITION_WORKFLOW,
    REQUEST_WORKFLOW,
    AdviceRequest,
    AdviserProfile,
    InstitutionRegistration,
    RecognitionStep,
)

PER_PAGE = 20


# --- the pool ---------------------------------------------------------------------------------------------


def pool(request):
    form = PoolFilterForm(request.GET or None)
    found = []
    if not form.is_bound or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        found = profiles.search_pool(
            profiles.PoolFilters(
                field=data.get("field", ""),
                certificate=data.get("certificate", ""),
                language=data.get("language", ""),
                district=data.get("district"),
                q=(data.get("q") or "").strip(),
            )
        )
    page = Paginator(found, PER_PAGE).get_page(page_number(request.GET.get("page")))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "advisers/pool.html", {"form": form, "page_obj": page, "query": query.urlencode()})


def profile(request, pk):
    shown = profiles.visible_profile(pk, request.user)
    if shown is None:
        raise Http404
    form = None
    if may_send_request(request.user) and shown.user_id != request.user.pk:
        form = RequestForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                with submitted_once(form, request.user) as receipt:
                    fields = {name: form.cleaned_data[name] for name in RequestForm.Meta.fields}
                    sent = receipt.done(requests.send_request(request.user, shown, **fields))
            except AlreadySubmitted as repeat:
                return show_first_result(request, repeat, reverse("advisers:requests"))
            except requests.RequestError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("咨询请求已发送，顾问答复后会通知您。"))
                return redirect(sent)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "advisers/profile.html",
        {
            "profile": shown,
            "certificates": profiles.certificates_of(shown.user),
            "registrations": profiles.registrations_of(shown.user),
            "titles": profiles.titles_of(shown.user),
            "form": form,
            "is_own": shown.user_id == request.user.pk,
        },
    )


# --- a person's own profile -------------------------------------------------------------------------------


@login_required
def my_profile(request):
    current = AdviserProfile.objects.filter(user=request.user).first()
    initial = {"display_name": request.user.get_full_name()}
    if current is not None:
        initial = {
            "display_name": current.display_name,
            "headline": current.headline,
            "expertise": current.expertise,
            "ipc_fields": ", ".join(current.ipc_fields),
            "languages": current.languages,
            "districts": list(current.districts.all()),
            "availability": current.availability,
            "availability_note": current.availability_note,
        }
    form = ProfileForm(request.POST or None, initial=initial)
    qualifies = profiles.qualifies(request.user)
    if request.method == "POST" and form_went_through(
        request,
        form,
        lambda data: profiles.save_profile(request.user, **data),
        profiles.AdviserError,
        _("顾问资料已保存。"),
    ):
        return redirect("advisers:my_profile")
    pending = InstitutionRegistration.objects.filter(
        person=request.user, status=InstitutionRegistration.Status.PROPOSED
    ).select_related("organisation")
    return render(
        request,
        "advisers/my_profile.html",
        {
            "form": form,
            "current": current,
            "qualifies": qualifies,
            "certificates": profiles.certificates_of(request.user),
            "registrations": profiles.registrations_of(request.user),
            "titles": profiles.titles_of(request.user),
            "pending_registrations": pending,
        },
    )


@require_POST
@login_required
def publish(request):
    try:
        profiles.publish(request.user)
    except profiles.AdviserError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("您的顾问资料已公开，企业可以在顾问库中找到您。"))
    return redirect("advisers:my_profile")


@require_POST
@login_required
def withdraw(request):
    profiles.withdraw(request.user)
    messages.success(request, _("已撤回公开同意，您的顾问资料不再向任何人显示。"))
    return redirect("advisers:my_profile")


# --- institutions' registrations --------------------------------------------------------------------------


@login_required
def registrations(request):
    if not may_register_advisers(request.user):
        raise PermissionDenied
    organisation = request.user.organisation
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form_went_through(
        request,
        form,
        lambda data: profiles.register_colleague(organisation, request.user, data["email"]),
        profiles.AdviserError,
        _("已登记，待本人确认。"),
        field="email",
    ):
        return redirect("advisers:registrations")
    registered = InstitutionRegistration.objects.filter(organisation=organisation).select_related("person")
    return render(request, "advisers/registrations.html", {"form": form, "registered": registered})


@require_POST
@login_required
def answer_registration(request, pk):
    registration = get_object_or_404(InstitutionRegistration, pk=pk, person=request.user)
    accepted = request.POST.get("decision") == "accept"
    profiles.answer_registration(registration, request.user, accepted)
    messages.success(request, _("已确认为该机构的顾问。") if accepted else _("已谢绝该机构的登记。"))
    return redirect("advisers:my_profile")


# --- requests ---------------------------------------------------------------------------------------------


@login_required
def request_list(request):
    visible = visible_requests(request.user, AdviceRequest.objects.select_related("adviser", "enterprise"))
    return render(
        request,
        "advisers/request_list.html",
        {
            "received": visible.filter(adviser__user=request.user),
            "sent": visible.exclude(adviser__user=request.user),
        },
    )


def _visible_request(request, pk):
    return get_object_or_404(
        visible_requests(request.user, AdviceRequest.objects.select_related("adviser__user", "enterprise")), pk=pk
    )


@login_required
def request_detail(request, pk):
    advice_request = _visible_request(request, pk)
    may_answer = REQUEST_WORKFLOW.may(advice_request, AdviceRequest.Status.ACCEPTED, request.user)
    return render(
        request,
        "advisers/request_detail.html",
        {
            "advice_request": advice_request,
            "contact": requests.contact_for(advice_request, request.user),
            "answer_form": AnswerForm() if may_answer else None,
            "events": advice_request.events.select_related("actor"),
        },
    )


@require_POST
@login_required
def answer_request(request, pk):
    advice_request = _visible_request(request, pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        accepted = form.cleaned_data["decision"] == "accept"
        try:
            requests.answer(advice_request, request.user, accepted=accepted, answer=form.cleaned_data["answer"])
        except requests.RequestError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("已接受，双方现在可以看到对方的联系方式。") if accepted else _("已谢绝该请求。")
            )
    else:
        messages.error(request, _("请选择接受或谢绝。"))
    return redirect(advice_request)


# --- recognitions (staff) ---------------------------------------------------------------------------------


def _recognition_staff(request):
    if not may_recognise(request.user):
        raise PermissionDenied


@login_required
def recognition_list(request):
    _recognition_staff(request)
    form = RecognitionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "submission_key"}
        try:
            with submitted_once(form, request.user) as receipt:
                recorded = receipt.done(recognitions.record(request.user, **data))
        except AlreadySubmitted as repeat:
            return show_first_result(request, repeat, reverse("advisers:recognitions"))
        except recognitions.RecognitionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("已录入评聘记录。"))
            return redirect(recorded)
    listed = recognitions.visible_recognitions(request.user).select_related("organisation")
    return render(request, "advisers/recognition_list.html", {"form": form, "recognitions": listed})


@login_required
def recognition_detail(request, pk):
    _recognition_staff(request)
    recognition = get_object_or_404(recognitions.visible_recognitions(request.user), pk=pk)
    steps = [(name, RecognitionStep(name).label) for name in RECOGNITION_WORKFLOW.steps_for(recognition, request.user)]
    return render(
        request,
        "advisers/recognition_detail.html",
        {"recognition": recognition, "steps": steps, "events": recognition.events.select_related("actor")},
    )


@require_POST
@login_required
def recognition_step(request, pk):
    _recognition_staff(request)
    recognition = get_object_or_404(recognitions.visible_recognitions(request.user), pk=pk)
    form = RecognitionStepForm(request.POST)
    if form.is_valid():
        try:
            recognitions.take_step(recognition, request.user, form.cleaned_data["action"], form.cleaned_data["note"])
        except recognitions.RecognitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("评聘记录已更新。"))
    return redirect(recognition)


@login_required
def recognition_document(request, pk):
    _recognition_staff(request)
    recognition = get_object_or_404(recognitions.visible_recognitions(request.user), pk=pk)
    return recognition.download()
