"""Everything that changes an enrolment: enrol, wait, pay, cancel, attend, complete.

Views, the Wagtail admin, the Celery task and the payments webhook all call these functions. Every
change is a step of `models.ENROLMENT_WORKFLOW` (the shared `core.workflow`): checked, stamped and recorded as
an `EnrolmentEvent` (who and when). Functions that take or
free a place lock the course row first, so two people cannot both take the last place.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import send_templated_mail
from payments.checkout import PaymentError, refund, start_checkout

from .models import (
    CERTIFICATE_CODES,
    ENROLMENT_WORKFLOW,
    Attendance,
    Certificate,
    CertificateSequence,
    CoursePage,
    Enrolment,
    may_manage_training,
)

logger = logging.getLogger(__name__)

Status = Enrolment.Status


class EnrolmentError(Exception):
    """A rule about enrolments was broken; the message is shown to the user."""


def hold_duration():
    return timedelta(minutes=settings.TRAINING_PAYMENT_HOLD_MINUTES)


def _lock_course(course_or_pk):
    pk = getattr(course_or_pk, "pk", course_or_pk)
    return CoursePage.objects.select_for_update(of=("self",)).get(pk=pk)


def _lock_enrolment(enrolment):
    return Enrolment.objects.select_for_update(of=("self",)).select_related("user").get(pk=enrolment.pk)


def _refused(refusal):
    return EnrolmentError(refusal.message)


def _change(enrolment, new_status, by=None, **fields):
    """Take the step to `new_status` of `ENROLMENT_WORKFLOW` on a locked enrolment, as `by` (None: the system)."""
    ENROLMENT_WORKFLOW.apply(enrolment, new_status, user=by, changes=fields, lock=False, refuse=_refused)


def _mail(name, enrolment, **extra):
    course = enrolment.course
    context = {
        "name": enrolment.user.get_full_name(),
        "course_title": course.title,
        "course_url": course.url or "",
        "starts_at": timezone.localtime(course.starts_at).strftime("%Y-%m-%d %H:%M"),
        "hold_minutes": settings.TRAINING_PAYMENT_HOLD_MINUTES,
        "fee_yuan": course.fee_yuan,
        **extra,
    }
    send_templated_mail(f"training/email/{name}", [enrolment.user.email], context)


# --- Enrolling, waiting, cancelling -----------------------------------------------------------------


def enrol(course, user):
    """Take a place (confirmed if free, held for payment if paid) or join the waiting list when full."""
    if not user.is_authenticated:
        raise EnrolmentError(_("请先登录再报名。"))
    with transaction.atomic():
        course = _lock_course(course)
        if not course.live:
            raise EnrolmentError(_("该课程尚未发布。"))
        if course.is_cancelled:
            raise EnrolmentError(_("该课程已取消，不再接受报名。"))
        if course.has_started:
            raise EnrolmentError(_("该课程已开课或已结束，不再接受报名。"))
        _release_expired_holds_locked(course)
        if Enrolment.objects.active().filter(course=course, user=user).exists():
            raise EnrolmentError(_("您已报名该课程，不能重复报名。"))
        now = timezone.now()
        enrolment = Enrolment(course=course, user=user, organisation=user.organisation)
        if course.places_left() == 0:
            enrolment.status, enrolment.waitlisted_at = Status.WAITING, now
        elif course.is_free:
            enrolment.status, enrolment.confirmed_at = Status.CONFIRMED, now
        else:
            enrolment.status, enrolment.hold_expires_at = Status.AWAITING_PAYMENT, now + hold_duration()
        try:
            with transaction.atomic():
                enrolment.save()
        except IntegrityError as error:
            # The unique constraint catches what the check above cannot see (a concurrent request).
            raise EnrolmentError(_("您已报名该课程，不能重复报名。")) from error
        mail = {Status.CONFIRMED: "enrolled", Status.WAITING: "waitlisted", Status.AWAITING_PAYMENT: None}
        if mail[enrolment.status]:
            _mail(mail[enrolment.status], enrolment, position=enrolment.waiting_position())
    return enrolment


def cancel(enrolment, by):
    """The person (or staff) cancels: a paid place is refunded, the freed place goes to the first waiting."""
    with transaction.atomic():
        course = _lock_course(enrolment.course_id)
        enrolment = _lock_enrolment(enrolment)
        enrolment.course = course
        refusal = enrolment.cancel_refusal(by)
        if refusal is not None:
            raise EnrolmentError(refusal)
        frees_a_place = enrolment.status in Enrolment.TAKING_A_PLACE
        refunded = _cancel_refunding(enrolment, by)
        _mail("cancelled", enrolment, refunded=refunded)
        if frees_a_place:
            _fill_free_places(course)
    return enrolment


def _cancel_refunding(enrolment, by):
    """Cancel a locked enrolment; a paid confirmed place is refunded first. Whether money went back."""
    refunded = False
    if enrolment.status == Status.CONFIRMED and enrolment.payment_id:
        try:
            refund(enrolment.payment)
        except PaymentError as error:
            raise EnrolmentError(str(error)) from error
        refunded = True
    _change(enrolment, Status.CANCELLED, by, cancelled_by=by)
    return refunded


def _fill_free_places(course):
    """Move the first waiting people (first come, first served) into the places that are free."""
    if course.is_cancelled or course.has_started:
        return []
    promoted = []
    while course.places_left() > 0:
        waiting = Enrolment.objects.waiting().filter(course=course).select_related("user").first()
        if waiting is None:
            break
        now = timezone.now()
        if course.is_free:
            _change(waiting, Status.CONFIRMED)
            waiting.course = course
            _mail("promoted", waiting)
        else:
            _change(waiting, Status.AWAITING_PAYMENT, hold_expires_at=now + hold_duration())
            waiting.course = course
            _mail("promoted_to_pay", waiting)
        promoted.append(waiting)
    return promoted


def _release_expired_holds_locked(course):
    expired = list(
        course.enrolments.filter(status=Status.AWAITING_PAYMENT, hold_expires_at__lte=timezone.now()).select_related(
            "user"
        )
    )
    for enrolment in expired:
        _change(enrolment, Status.EXPIRED)
        enrolment.course = course
        _mail("hold_expired", enrolment)
    if expired:
        _fill_free_places(course)
    return len(expired)


def release_expired_holds():
    """Release unpaid places whose hold has run out and promote the waiting list. Safe to run any time."""
    released = 0
    course_ids = (
        Enrolment.objects.filter(status=Status.AWAITING_PAYMENT, hold_expires_at__lte=timezone.now())
        .values_list("course_id", flat=True)
        .distinct()
    )
    for course_id in list(course_ids):
        with transaction.atomic():
            released += _release_expired_holds_locked(_lock_course(course_id))
    return released


def cancel_course(course, by):
    """Staff cancel a course: every place is cancelled (paid ones refunded) and everyone is told."""
    if not may_manage_training(by):
        raise EnrolmentError(_("只有平台管理员可以取消课程。"))
    with transaction.atomic():
        course = _lock_course(course)
        if course.is_cancelled:
            return course
        if course.has_started:
            raise EnrolmentError(_("课程已开课，不能取消。"))
        course.is_cancelled = True
        course.save(update_fields=["is_cancelled"])
        for enrolment in course.enrolments.filter(status__in=Enrolment.ACTIVE).select_related("user", "payment"):
            refunded = _cancel_refunding(enrolment, by)
            enrolment.course = course
            _mail("course_cancelled", enrolment, refunded=refunded)
    return course


# --- Paying -----------------------------------------------------------------------------------------


def start_payment(enrolment, user, *, success_url, cancel_url):
    """Open Stripe Checkout for a held place; the caller redirects to `payment.checkout_url`."""
    if enrolment.user_id != user.pk:
        raise EnrolmentError(_("只能为自己的报名付款。"))
    with transaction.atomic():
        # Locked so that two clicks at once open one Checkout page (payments reuses the open one).
        enrolment = _lock_enrolment(enrolment)
        if enrolment.status == Status.CONFIRMED and enrolment.payment_id:
            raise EnrolmentError(_("报名费已付，报名已确认。"))
        if enrolment.status != Status.AWAITING_PAYMENT:
            raise EnrolmentError(_("该报名当前无需付款。"))
        if enrolment.hold_expires_at and enrolment.hold_expires_at <= timezone.now():
            raise EnrolmentError(_("名额保留时间已过，请重新报名。"))
        course = enrolment.course
        try:
            return start_checkout(
                enrolment,
                amount=course.fee,
                description=_("培训报名费：%(title)s") % {"title": course.title},
                user=user,
                organisation=enrolment.organisation,
                success_url=success_url,
                cancel_url=cancel_url,
            )
        except PaymentError as error:
            raise EnrolmentError(str(error)) from error


def record_payment(enrolment, payment):
    """payments' webhook: the fee is paid. Confirms the place; a payment that finds no place is refunded."""
    course = _lock_course(enrolment.course_id)
    enrolment = _lock_enrolment(enrolment)
    enrolment.course = course
    if enrolment.payment_id == payment.pk:
        return enrolment
    can_confirm = enrolment.status == Status.AWAITING_PAYMENT or (
        enrolment.status == Status.EXPIRED and course.places_left() > 0 and not course.has_started
    )
    if can_confirm and not course.is_cancelled:
        _change(enrolment, Status.CONFIRMED, payment=payment)
        _mail("enrolled", enrolment)
        return enrolment
    # Paid too late (the place went to someone else), after cancelling, or twice: give the money back.
    logger.warning("Refunding payment %s for enrolment %s (%s)", payment.pk, enrolment.pk, enrolment.status)
    refund(payment)
    _mail("refunded_no_place", enrolment)
    return enrolment


def record_refund(enrolment, payment):
    """payments' webhook: the fee was refunded outside the platform (e.g. Stripe's dashboard)."""
    course = _lock_course(enrolment.course_id)
    enrolment = _lock_enrolment(enrolment)
    if enrolment.payment_id != payment.pk or enrolment.status != Status.CONFIRMED:
        return enrolment
    _change(enrolment, Status.CANCELLED, cancelled_by=None)
    enrolment.course = course
    _mail("cancelled", enrolment, refunded=True)
    _fill_free_places(course)
    return enrolment


# --- Attendance and completion (staff) --------------------------------------------------------------


def record_attendance(course, session, present_enrolment_ids, by):
    """Staff tick who was present at `session` (None: the course as a whole); the others are absent."""
    if not may_manage_training(by):
        raise EnrolmentError(_("只有平台管理员可以记录出勤。"))
    if session is not None and session.course_id != course.pk:
        raise EnrolmentError(_("课时不属于该课程。"))
    present = {int(pk) for pk in present_enrolment_ids}
    with transaction.atomic():
        for enrolment in course.enrolments.filter(status__in=Enrolment.ATTENDING):
            Attendance.objects.update_or_create(
                enrolment=enrolment,
                session=session,
                defaults={"present": enrolment.pk in present, "recorded_by": by},
            )


def complete(enrolment, by):
    """Staff mark a participant as having completed the course; returns the certificate issued (once)."""
    if not may_manage_training(by):
        raise EnrolmentError(_("只有平台管理员可以标记结业。"))
    with transaction.atomic():
        enrolment = _lock_enrolment(enrolment)
        course = enrolment.course
        if enrolment.status == Status.COMPLETED:
            return enrolment.certificate
        if not course.has_started:
            raise EnrolmentError(_("课程开课后才能标记结业。"))
        _change(enrolment, Status.COMPLETED, by, completed_by=by)
        certificate = _issue_certificate(enrolment, by)
        _mail(
            "certificate_issued", enrolment, number=certificate.number, certificate_path=certificate.get_absolute_url()
        )
    return certificate


def _issue_certificate(enrolment, by):
    course = enrolment.course
    issued_on = timezone.localdate()
    sequence, _created = CertificateSequence.objects.select_for_update().get_or_create(
        course_type=course.course_type, year=issued_on.year
    )
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    number = f"LYG-{CERTIFICATE_CODES[course.course_type]}-{issued_on.year}-{sequence.last_number:05d}"
    return Certificate.objects.create(
        number=number,
        enrolment=enrolment,
        holder=enrolment.user,
        holder_name=enrolment.user.get_full_name(),
        organisation=enrolment.organisation,
        course=course,
        course_title=course.title,
        course_type=course.course_type,
        organiser=course.organiser,
        issued_on=issued_on,
        issued_by=by,
    )
