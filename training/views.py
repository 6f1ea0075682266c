from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import enrolments
from .certificates import certificate_pdf_bytes
from .enrolments import EnrolmentError
from .models import Certificate, CoursePage, Enrolment


def _own_enrolment(user, pk):
    """The user's own enrolment; anyone else's id is a 404."""
    return get_object_or_404(Enrolment.objects.filter(user=user).select_related("course"), pk=pk)


@login_required
@require_POST
def enrol(request, course_id):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        enrolment = enrolments.enrol(course, request.user)
    except EnrolmentError as error:
        messages.error(request, str(error))
        return redirect(course.url)
    if enrolment.status == Enrolment.Status.WAITING:
        messages.info(
            request,
            _("名额已满，您已进入候补名单（第 %(position)d 位），有空位时将自动递补并邮件通知您。")
            % {"position": enrolment.waiting_position()},
        )
    elif enrolment.status == Enrolment.Status.AWAITING_PAYMENT:
        return _checkout(request, enrolment)
    else:
        messages.success(request, _("报名成功！课程信息已发送到您的邮箱。"))
    return redirect(course.url)


@login_required
@require_POST
def pay(request, pk):
    return _checkout(request, _own_enrolment(request.user, pk))


def _checkout(request, enrolment):
    success_url = request.build_absolute_uri(reverse("training:payment_return", args=[enrolment.pk]))
    try:
        payment = enrolments.start_payment(
            enrolment,
            request.user,
            success_url=success_url,
            cancel_url=request.build_absolute_uri(enrolment.course.url),
        )
    except EnrolmentError as error:
        messages.error(request, str(error))
        return redirect(enrolment.course.url)
    return redirect(payment.checkout_url)


@login_required
def payment_return(request, pk):
    """Stripe sends the payer back here; the webhook, not this visit, confirms the place."""
    enrolment = _own_enrolment(request.user, pk)
    if enrolment.status == Enrolment.Status.CONFIRMED:
        messages.success(request, _("付款成功，报名已确认。"))
    else:
        messages.info(request, _("付款结果确认中，报名状态将在收到支付通知后自动更新。"))
    return redirect(enrolment.course.url)


@login_required
@require_POST
def cancel(request, pk):
    enrolment = _own_enrolment(request.user, pk)
    try:
        enrolment = enrolments.cancel(enrolment, request.user)
    except EnrolmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("已取消报名。") + (_("报名费将原路退回。") if enrolment.payment_id else ""))
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(back)
    return redirect(enrolment.course.url)


@login_required
def my_training(request):
    """我的培训: the person's enrolments, waiting positions and certificates."""
    mine = Enrolment.objects.filter(user=request.user).select_related("course", "certificate").order_by("-created_at")
    active = [e for e in mine if e.status in Enrolment.ACTIVE and e.status != Enrolment.Status.COMPLETED]
    positions = Enrolment.objects.waiting_positions(active)
    for enrolment in active:
        enrolment.position = positions.get(enrolment.pk)
    return render(
        request,
        "training/my_training.html",
        {
            "active_enrolments": active,
            "past_enrolments": [e for e in mine if e not in active],
            "certificates": Certificate.objects.filter(holder=request.user),
        },
    )


def _certificate_for(user, number):
    """Only the holder and the training managers see a certificate; anyone else gets a 404."""
    if not user.is_authenticated:
        return None
    return get_object_or_404(Certificate.objects.visible_to(user).select_related("holder"), number=number)


@login_required
def certificate(request, number):
    return render(request, "training/certificate.html", {"certificate": _certificate_for(request.user, number)})


@login_required
def certificate_pdf(request, number):
    certificate = _certificate_for(request.user, number)
    response = HttpResponse(certificate_pdf_bytes(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificate.number}.pdf"'
    return response
