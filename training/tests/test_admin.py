"""Staff work in the Wagtail admin: the roster (attendance, completion, CSV) and the certificate register."""

import csv
import io

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from training import enrolments
from training.models import Attendance, Certificate, Enrolment

from .factories import make_course, move_to_past

pytestmark = pytest.mark.django_db


@pytest.fixture
def held_course(person, other_person):
    course = make_course(title="贯标培训", sessions=2)
    enrolments.enrol(course, person)
    enrolments.enrol(course, other_person)
    return move_to_past(course)


def test_roster_lists_participants_for_staff_only(client, staff, person, held_course):
    url = reverse("training_admin:roster", args=[held_course.pk])
    client.force_login(person)
    assert client.get(url).status_code in (302, 403)
    client.force_login(staff)
    html = client.get(url).content.decode()
    assert person.email in html and "第1讲" in html and "标记所选学员结业" in html


def test_staff_record_attendance_and_completion_from_the_roster(client, staff, person, other_person, held_course):
    client.force_login(staff)
    url = reverse("training_admin:roster", args=[held_course.pk])
    first, second = held_course.sessions.all()
    mine = Enrolment.objects.get(user=person)
    theirs = Enrolment.objects.get(user=other_person)
    client.post(
        url, {"action": "attendance", f"present-{first.pk}": [mine.pk, theirs.pk], f"present-{second.pk}": [mine.pk]}
    )
    assert Attendance.objects.filter(present=True).count() == 3
    client.post(url, {"action": "complete", "complete": [mine.pk]})
    certificate = Certificate.objects.get()
    assert certificate.holder == person
    assert certificate.number in client.get(url).content.decode()


def test_roster_exports_as_csv(client, staff, person, held_course):
    client.force_login(staff)
    response = client.get(reverse("training_admin:roster_csv", args=[held_course.pk]))
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert text.splitlines()[0].startswith("姓名,电子邮箱")
    assert person.email in text


def test_roster_csv_writes_a_formula_like_name_as_plain_text(client, staff, person, held_course):
    person.name = '=HYPERLINK("http://evil.example/","x")'
    person.phone = "+8613800000000"
    person.save()
    client.force_login(staff)
    response = client.get(reverse("training_admin:roster_csv", args=[held_course.pk]))
    row = next(row for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig"))) if person.email in row)
    assert row[0] == '\'=HYPERLINK("http://evil.example/","x")'
    assert row[2] == "'+8613800000000"


def test_certificate_register_searches_by_name_and_number(client, staff, person, held_course):
    certificate = enrolments.complete(Enrolment.objects.get(user=person), staff)
    client.force_login(staff)
    url = reverse("training_admin:certificates")
    assert certificate.number in client.get(url, {"q": person.name}).content.decode()
    assert certificate.number not in client.get(url, {"q": "无此人"}).content.decode()


def test_course_edit_page_links_to_the_roster(client):
    # Editing the page needs page permissions; the superuser also holds training.manage_training.
    course = make_course()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()
    assert reverse("training_admin:roster", args=[course.pk]) in html


def test_course_admin_list_counts_places_in_bounded_queries(client, staff, django_assert_max_num_queries):
    client.force_login(staff)
    url = reverse("training_admin:courses")
    make_course()
    with django_assert_max_num_queries(60) as few:
        client.get(url)
    for _ in range(8):
        enrolments.enrol(make_course(), UserFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert "1 / 30" in client.get(url).content.decode()


def test_staff_cancel_a_course_from_the_roster(client, staff, person):
    course = make_course()
    enrolments.enrol(course, person)
    client.force_login(staff)
    client.post(reverse("training_admin:roster", args=[course.pk]), {"action": "cancel_course"})
    course.refresh_from_db()
    assert course.is_cancelled
    assert Enrolment.objects.get().status == Enrolment.Status.CANCELLED
