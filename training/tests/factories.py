"""Course pages for tests, placed under a CourseIndexPage in the default site's tree."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page, Site

from search.outbox import enqueue
from training.models import CourseIndexPage, CoursePage, CourseSession, CourseType

_counter = {"n": 0}


def course_index():
    index = CourseIndexPage.objects.first()
    if index is None:
        site = Site.objects.get(is_default_site=True)
        parent = site.root_page if site.root_page.depth > 1 else Page.get_first_root_node()
        index = CourseIndexPage(title="培训", slug="training")
        parent.add_child(instance=index)
    return index


def make_course(*, starts_in=timedelta(days=10), sessions=0, publish=True, **fields):
    _counter["n"] += 1
    starts_at = timezone.now() + starts_in
    values = {
        "title": f"知识产权工程师培训班{_counter['n']}",
        "slug": f"course-{_counter['n']}",
        "course_type": CourseType.IP_ENGINEER,
        "summary": "专利基础与企业知识产权管理。",
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=8),
        "venue": "连云港市科技创业城",
        "capacity": 30,
        "fee": 0,
        "organiser_name": "连云港市知识产权局",
        **fields,
    }
    course = CoursePage(**values)
    for number in range(sessions):
        course.sessions.add(
            CourseSession(
                title=f"第{number + 1}讲",
                starts_at=starts_at + timedelta(days=number),
                ends_at=starts_at + timedelta(days=number, hours=3),
                sort_order=number,
            )
        )
    course_index().add_child(instance=course)
    if not publish:
        course.unpublish()
    return CoursePage.objects.get(pk=course.pk)


def move_to_past(course, days=2):
    """The course has been held: dates moved into the past (enrolment is then refused). `update()` sends no
    signal, so the course's search document (dated by its start) is queued here."""
    shift = timedelta(days=days) + (course.starts_at - timezone.now())
    CoursePage.objects.filter(pk=course.pk).update(starts_at=course.starts_at - shift, ends_at=course.ends_at - shift)
    enqueue("course", [course.pk])
    for session in course.sessions.all():
        CourseSession.objects.filter(pk=session.pk).update(
            starts_at=session.starts_at - shift, ends_at=session.ends_at - shift
        )
    return CoursePage.objects.get(pk=course.pk)
