"""Every action happens once: enrolling twice keeps one place and says so."""

import pytest

from training.models import Enrolment

from .factories import make_course

pytestmark = pytest.mark.django_db


def test_enrolling_twice_keeps_one_place_and_says_you_are_enrolled(client, person):
    course = make_course(capacity=5)
    client.force_login(person)
    client.post(f"/training/courses/{course.pk}/enrol/")
    second = client.post(f"/training/courses/{course.pk}/enrol/", follow=True)
    assert "您已报名该课程，不能重复报名。" in second.content.decode()
    assert Enrolment.objects.filter(course=course, user=person).count() == 1
