import io

import pytest
from django.utils import timezone

from accounts import demo as accounts_demo
from training import demo
from training.models import Certificate, CoursePage, Enrolment

pytestmark = pytest.mark.django_db


def test_demo_courses_start_at_nine_in_the_site_time_zone_and_upcoming_ones_stay_upcoming():
    accounts_demo.load(io.StringIO())
    demo.load(io.StringIO())
    counts = (CoursePage.objects.count(), Enrolment.objects.count(), Certificate.objects.count())
    demo.load(io.StringIO())
    assert (CoursePage.objects.count(), Enrolment.objects.count(), Certificate.objects.count()) == counts

    now = timezone.now()
    for course in CoursePage.objects.all():
        starts = timezone.localtime(course.starts_at)
        assert (starts.hour, starts.minute) == (9, 0), course.slug
        assert course.first_published_at <= now, course.slug
    assert CoursePage.objects.filter(starts_at__gt=now).count() == len(demo.COURSES) - 1

    past = CoursePage.objects.get(slug=demo.PAST_COURSE)
    certificates = Certificate.objects.filter(course=past)
    assert certificates.count() == len(demo.PAST_PARTICIPANTS)
    assert {certificate.issued_on for certificate in certificates} == {timezone.localtime(past.ends_at).date()}

    workshop = CoursePage.objects.get(slug=demo.FULL_COURSE)
    statuses = list(workshop.enrolments.order_by("pk").values_list("status", flat=True))
    assert statuses == ["confirmed"] * workshop.capacity + ["waiting"] * (len(statuses) - workshop.capacity)
