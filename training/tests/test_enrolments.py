from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.factories import UserFactory
from training import enrolments
from training.enrolments import EnrolmentError
from training.models import Attendance, Certificate, CourseType, Enrolment
from training.statistics import completions

from .factories import make_course, move_to_past

pytestmark = pytest.mark.django_db(transaction=False)

Status = Enrolment.Status


def test_enrolling_in_a_free_course_confirms_the_place_and_sends_mail(person, django_capture_on_commit_callbacks):
    course = make_course(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = enrolments.enrol(course, person)
    assert enrolment.status == Status.CONFIRMED
    assert enrolment.confirmed_at is not None
    assert enrolment.organisation == person.organisation
    assert course.places_left() == 1
    assert mail.outbox[-1].to == [person.email]
    assert course.title in mail.outbox[-1].subject


def test_enrolment_cannot_be_doubled(person):
    course = make_course()
    enrolments.enrol(course, person)
    with pytest.raises(EnrolmentError, match="重复报名"):
        enrolments.enrol(course, person)
    assert Enrolment.objects.filter(course=course, user=person).count() == 1


def test_the_database_refuses_a_second_active_enrolment(person):
    course = make_course()
    enrolments.enrol(course, person)
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(course=course, user=person, status=Status.WAITING, waitlisted_at=timezone.now())


def test_a_cancelled_enrolment_frees_the_place_and_allows_enrolling_again(person, other_person):
    course = make_course(capacity=1)
    first = enrolments.enrol(course, person)
    enrolments.cancel(first, person)
    assert course.places_left() == 1
    assert enrolments.enrol(course, other_person).status == Status.CONFIRMED
    assert enrolments.cancel(Enrolment.objects.get(course=course, user=other_person), other_person)
    assert enrolments.enrol(course, person).status == Status.CONFIRMED


def test_a_course_in_the_past_refuses_enrolment(person):
    course = make_course(starts_in=-timedelta(days=1))
    with pytest.raises(EnrolmentError, match="不再接受报名"):
        enrolments.enrol(course, person)
    assert not Enrolment.objects.exists()


def test_a_cancelled_course_refuses_enrolment(person, staff):
    course = make_course()
    enrolments.cancel_course(course, staff)
    with pytest.raises(EnrolmentError, match="已取消"):
        enrolments.enrol(course, person)


def test_an_unpublished_course_refuses_enrolment(person):
    course = make_course(publish=False)
    with pytest.raises(EnrolmentError):
        enrolments.enrol(course, person)


def test_a_full_course_puts_people_on_the_waiting_list_first_come_first_served(person, other_person):
    course = make_course(capacity=1)
    enrolments.enrol(course, UserFactory())
    first = enrolments.enrol(course, person)
    second = enrolments.enrol(course, other_person)
    assert (first.status, second.status) == (Status.WAITING, Status.WAITING)
    assert (first.waiting_position(), second.waiting_position()) == (1, 2)


def test_cancelling_promotes_the_first_waiting_person_and_tells_them(
    person, other_person, django_capture_on_commit_callbacks
):
    course = make_course(capacity=1)
    holder = UserFactory()
    taken = enrolments.enrol(course, holder)
    enrolments.enrol(course, person)
    enrolments.enrol(course, other_person)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        enrolments.cancel(taken, holder)
    assert Enrolment.objects.get(course=course, user=person).status == Status.CONFIRMED
    assert Enrolment.objects.get(course=course, user=other_person).waiting_position() == 1
    promoted_mail = [m for m in mail.outbox if m.to == [person.email]]
    assert promoted_mail and "候补成功" in promoted_mail[0].subject


def test_leaving_the_waiting_list_promotes_nobody(person, other_person):
    course = make_course(capacity=1)
    enrolments.enrol(course, UserFactory())
    waiting = enrolments.enrol(course, person)
    enrolments.enrol(course, other_person)
    enrolments.cancel(waiting, person)
    assert Enrolment.objects.get(course=course, user=other_person).status == Status.WAITING


def test_nobody_can_cancel_someone_elses_enrolment(person, other_person):
    enrolment = enrolments.enrol(make_course(), person)
    with pytest.raises(EnrolmentError):
        enrolments.cancel(enrolment, other_person)
    enrolment.refresh_from_db()
    assert enrolment.status == Status.CONFIRMED


def test_a_place_cannot_be_cancelled_after_the_course_started(person):
    course = make_course()
    enrolment = enrolments.enrol(course, person)
    move_to_past(course)
    with pytest.raises(EnrolmentError, match="已开课"):
        enrolments.cancel(enrolment, person)


def test_a_paid_course_holds_the_place_until_the_hold_expires_then_promotes_the_waiting(person, other_person, settings):
    settings.TRAINING_PAYMENT_HOLD_MINUTES = 30
    course = make_course(capacity=1, fee=80000)
    held = enrolments.enrol(course, person)
    assert held.status == Status.AWAITING_PAYMENT
    assert held.hold_expires_at > timezone.now() + timedelta(minutes=29)
    waiting = enrolments.enrol(course, other_person)
    assert waiting.status == Status.WAITING

    assert enrolments.release_expired_holds() == 0
    Enrolment.objects.filter(pk=held.pk).update(hold_expires_at=timezone.now() - timedelta(minutes=1))
    assert enrolments.release_expired_holds() == 1
    assert enrolments.release_expired_holds() == 0  # running again changes nothing
    held.refresh_from_db()
    waiting.refresh_from_db()
    assert held.status == Status.EXPIRED
    assert waiting.status == Status.AWAITING_PAYMENT
    assert waiting.hold_expires_at > timezone.now()


def test_attendance_is_recorded_per_session_by_staff_only(person, other_person, staff):
    course = make_course(sessions=2)
    here = enrolments.enrol(course, person)
    away = enrolments.enrol(course, other_person)
    first, second = course.sessions.all()
    with pytest.raises(EnrolmentError):
        enrolments.record_attendance(course, first, [here.pk], person)
    enrolments.record_attendance(course, first, [here.pk], staff)
    enrolments.record_attendance(course, first, [here.pk, away.pk], staff)
    enrolments.record_attendance(course, second, [], staff)
    assert Attendance.objects.count() == 4
    assert Attendance.objects.get(enrolment=away, session=first).present
    assert not Attendance.objects.get(enrolment=here, session=second).present
    assert Attendance.objects.get(enrolment=here, session=first).recorded_by == staff


def test_completion_issues_one_certificate_with_a_numbered_record(person, staff, django_capture_on_commit_callbacks):
    course = make_course()
    enrolment = enrolments.enrol(course, person)
    with pytest.raises(EnrolmentError, match="开课后"):
        enrolments.complete(enrolment, staff)
    move_to_past(course)
    with pytest.raises(EnrolmentError):
        enrolments.complete(enrolment, person)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = enrolments.complete(enrolment, staff)
    again = enrolments.complete(enrolment, staff)
    assert again == certificate
    assert Certificate.objects.count() == 1
    year = timezone.localdate().year
    assert certificate.number == f"LYG-IPE-{year}-00001"
    assert (certificate.holder, certificate.course, certificate.issued_on) == (person, course, timezone.localdate())
    assert certificate.issued_by == staff
    enrolment.refresh_from_db()
    assert (enrolment.status, enrolment.completed_by) == (Status.COMPLETED, staff)
    assert "结业证书" in mail.outbox[-1].subject


def test_certificate_numbers_run_per_type_and_year(staff):
    engineering, agents = make_course(), make_course(course_type="patent_agent")
    for course in (engineering, agents, engineering):
        enrolment = enrolments.enrol(course, UserFactory())
        move_to_past(course)
        enrolments.complete(enrolment, staff)
        course.refresh_from_db()
        type(course).objects.filter(pk=course.pk).update(
            starts_at=timezone.now() + timedelta(days=5), ends_at=timezone.now() + timedelta(days=6)
        )
    year = timezone.localdate().year
    assert sorted(Certificate.objects.values_list("number", flat=True)) == [
        f"LYG-IPE-{year}-00001",
        f"LYG-IPE-{year}-00002",
        f"LYG-PA-{year}-00001",
    ]


def test_completions_are_counted_by_type_for_the_targets(staff):
    for course_type, people in (("ip_engineer", 3), ("patent_agent", 1)):
        course = make_course(course_type=course_type)
        chosen = [enrolments.enrol(course, UserFactory()) for _ in range(people)]
        enrolments.enrol(course, UserFactory())  # enrolled but not completed: not counted
        move_to_past(course)
        for enrolment in chosen:
            enrolments.complete(enrolment, staff)
    counts = {course_type: completions(course_type).count() for course_type in CourseType.values}
    assert counts == {"ip_engineer": 3, "patent_agent": 1, "ip_manager": 0, "other": 0}
    assert completions("ip_engineer").count(on=timezone.localdate() - timedelta(days=1)) == 0


def test_cancelling_a_course_cancels_every_place_and_tells_everyone(
    person, other_person, staff, django_capture_on_commit_callbacks
):
    course = make_course(capacity=1)
    enrolments.enrol(course, person)
    enrolments.enrol(course, other_person)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        enrolments.cancel_course(course, staff)
    assert set(Enrolment.objects.values_list("status", flat=True)) == {Status.CANCELLED}
    assert {m.to[0] for m in mail.outbox} == {person.email, other_person.email}


def test_each_change_of_an_enrolment_is_recorded_with_who_made_it(person):
    course = make_course(capacity=1)
    holder = UserFactory()
    taken = enrolments.enrol(course, holder)
    waiting = enrolments.enrol(course, person)
    enrolments.cancel(taken, holder)
    cancelled = [(e.from_status, e.to_status, e.actor) for e in taken.events.all()]
    promoted = [(e.from_status, e.to_status, e.actor) for e in waiting.events.all()]
    assert cancelled == [(Status.CONFIRMED, Status.CANCELLED, holder)]
    # Promotion from the waiting list is the system's step: nobody is named.
    assert promoted == [(Status.WAITING, Status.CONFIRMED, None)]
    assert waiting.events.get().get_to_status_display() == Status.CONFIRMED.label
