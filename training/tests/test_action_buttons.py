"""Course pages and the roster offer an action only when the domain would carry it out."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from training import enrolments
from training.models import Enrolment

from .factories import make_course, move_to_past

pytestmark = pytest.mark.django_db


def test_a_person_on_the_waiting_list_does_not_get_the_online_classroom_link(client, person):
    course = make_course(capacity=1, is_online=True, venue="", online_url="https://meeting.example.cn/room-7")
    enrolments.enrol(course, UserFactory())
    enrolments.enrol(course, person)
    client.force_login(person)
    page = client.get(course.url).content.decode()
    assert "room-7" not in page
    assert "报名确认后显示上课链接" in page
    assert not course.may_join_online(person)


def test_after_the_course_starts_a_participant_is_not_offered_cancellation_and_cannot_cancel(client, person):
    course = make_course()
    enrolment = enrolments.enrol(course, person)
    client.force_login(person)
    assert "取消报名" in client.get(course.url).content.decode()
    course = move_to_past(course)
    assert "取消报名" not in client.get(course.url).content.decode()
    assert "取消报名" not in client.get(reverse("training:mine")).content.decode()
    client.post(reverse("training:cancel", args=[enrolment.pk]))
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.CONFIRMED


def test_a_training_manager_may_still_cancel_a_started_course_place(person, staff):
    course = make_course()
    enrolment = enrolments.enrol(course, person)
    move_to_past(course)
    enrolment = Enrolment.objects.get(pk=enrolment.pk)
    assert not enrolment.may_cancel(person)
    assert enrolment.may_cancel(staff)
    enrolments.cancel(enrolment, staff)
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.CANCELLED


def test_the_roster_offers_completion_only_after_the_course_has_begun(client, staff, person):
    course = make_course()
    enrolments.enrol(course, person)
    client.force_login(staff)
    url = reverse("training_admin:roster", args=[course.pk])
    assert 'name="complete"' not in client.get(url).content.decode()
    move_to_past(course)
    assert 'name="complete"' in client.get(url).content.decode()
