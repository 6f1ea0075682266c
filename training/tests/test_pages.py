"""What a visitor sees on the course list, a course page, 我的培训 and a certificate."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from training import enrolments
from training.models import CoursePage, Enrolment

from .factories import course_index, make_course, move_to_past

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("search_index")
def test_course_list_shows_upcoming_courses_with_fee_places_and_organiser(client):
    make_course(title="专利挖掘与布局研修班", fee=80000, capacity=40)
    make_course(title="往期培训班", starts_in=-timedelta(days=30))
    response = client.get(course_index().url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "专利挖掘与布局研修班" in html
    assert "¥800.00" in html
    assert "剩余 40 / 40" in html
    assert "连云港市知识产权局" in html
    assert "往期培训班" not in html


@pytest.mark.usefixtures("search_index")
def test_course_list_past_tab_and_filters(client):
    make_course(
        title="代理人考前辅导", course_type="patent_agent", fee=150000, is_online=True, online_url="https://x.example/c"
    )
    make_course(title="贯标培训", course_type="ip_manager")
    make_course(title="往期培训班", starts_in=-timedelta(days=30))
    url = course_index().url

    def titles(**query):
        return [c.title for c in client.get(url, query).context["courses"]]

    assert titles(when="past") == ["往期培训班"]
    assert titles(type="patent_agent") == ["代理人考前辅导"]
    assert titles(fee="free") == ["贯标培训"]
    assert titles(fee="paid") == ["代理人考前辅导"]
    assert titles(mode="venue") == ["贯标培训"]
    assert titles(mode="online") == ["代理人考前辅导"]
    assert sorted(titles(when="all")) == sorted(["代理人考前辅导", "贯标培训", "往期培训班"])
    assert len(titles(type="nonsense")) == 2  # an unknown filter value is ignored


@pytest.mark.usefixtures("search_index")
def test_course_list_paginates(client):
    for days in range(12):
        make_course(starts_in=timedelta(days=days + 1))
    url = course_index().url
    assert len(client.get(url).context["courses"]) == 10
    assert len(client.get(url, {"page": 2}).context["courses"]) == 2


@pytest.mark.usefixtures("search_index")
def test_course_list_queries_do_not_grow_with_the_number_of_courses(client, django_assert_max_num_queries):
    url = course_index().url
    for _ in range(2):
        make_course()
    client.get(url)  # indexes the new courses, as the commit would have
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    baseline = len(few.captured_queries)  # read now: the next request clears the query log
    for _ in range(10):
        course = make_course()
        enrolments.enrol(course, UserFactory())
    client.get(url)
    with django_assert_max_num_queries(baseline):
        assert len(client.get(url).context["courses"]) == 10


def test_upcoming_lists_live_future_courses_soonest_first():
    later = make_course(starts_in=timedelta(days=20))
    sooner = make_course(starts_in=timedelta(days=5))
    make_course(starts_in=-timedelta(days=1))
    make_course(publish=False)
    assert list(CoursePage.objects.upcoming()) == [sooner, later]


def test_course_page_shows_schedule_venue_places_fee_and_organiser(client):
    course = make_course(title="知识产权工程师培训班（第三期）", sessions=2, capacity=5, fee=80000)
    enrolments.enrol(course, UserFactory())
    html = client.get(course.url).content.decode()
    assert "第1讲" in html and "第2讲" in html
    assert "连云港市科技创业城" in html
    assert "共 5 人，剩余 4 个名额" in html
    assert "¥800.00" in html
    assert "连云港市知识产权局" in html
    assert "登录后报名" in html
    assert '<nav aria-label="面包屑导航"' in html


def test_course_page_offers_enrol_then_cancel_to_a_logged_in_person(client, person):
    course = make_course()
    client.force_login(person)
    assert "立即报名" in client.get(course.url).content.decode()
    response = client.post(reverse("training:enrol", args=[course.pk]), follow=True)
    html = response.content.decode()
    assert "报名成功" in html
    assert "已报名" in html and "取消报名" in html


def test_online_link_is_shown_only_to_confirmed_participants(client, person):
    course = make_course(is_online=True, venue="", online_url="https://meeting.example.cn/room-42")
    assert "room-42" not in client.get(course.url).content.decode()
    enrolments.enrol(course, person)
    client.force_login(person)
    assert "room-42" in client.get(course.url).content.decode()


def test_full_course_offers_the_waiting_list_and_shows_the_position(client, person):
    course = make_course(capacity=1)
    enrolments.enrol(course, UserFactory())
    client.force_login(person)
    assert "名额已满，加入候补" in client.get(course.url).content.decode()
    html = client.post(reverse("training:enrol", args=[course.pk]), follow=True).content.decode()
    assert "候补名单（第 1 位）" in html
    assert "候补中" in html and "退出候补" in html


def test_past_course_page_refuses_enrolment(client, person):
    course = make_course(starts_in=-timedelta(days=3))
    client.force_login(person)
    assert "不再接受报名" in client.get(course.url).content.decode()
    response = client.post(reverse("training:enrol", args=[course.pk]), follow=True)
    assert "不再接受报名" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_enrolling_needs_a_log_in_and_a_post(client, person):
    course = make_course()
    assert client.post(reverse("training:enrol", args=[course.pk])).status_code == 302
    assert not Enrolment.objects.exists()
    client.force_login(person)
    assert client.get(reverse("training:enrol", args=[course.pk])).status_code == 405


def test_nobody_can_cancel_another_persons_enrolment(client, person, other_person):
    enrolment = enrolments.enrol(make_course(), person)
    client.force_login(other_person)
    assert client.post(reverse("training:cancel", args=[enrolment.pk])).status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED


def test_my_training_lists_enrolments_waiting_positions_and_certificates(client, person, staff):
    free = make_course(title="贯标培训")
    full = make_course(title="检索工作坊", capacity=1)
    done = make_course(title="第二期工程师班")
    enrolments.enrol(free, person)
    enrolments.enrol(full, UserFactory())
    enrolments.enrol(full, UserFactory())
    enrolments.enrol(full, person)
    finished = enrolments.enrol(done, person)
    move_to_past(done)
    certificate = enrolments.complete(finished, staff)
    client.force_login(person)
    html = client.get(reverse("training:mine")).content.decode()
    assert "贯标培训" in html and "已报名" in html
    assert "检索工作坊" in html and "（第 2 位）" in html
    assert certificate.number in html
    assert reverse("training:certificate_pdf", args=[certificate.number]) in html


def test_my_training_queries_do_not_grow_with_the_number_of_enrolments(client, person, django_assert_max_num_queries):
    client.force_login(person)
    for _ in range(2):
        enrolments.enrol(make_course(capacity=1), UserFactory())
    full = list(CoursePage.objects.all())
    enrolments.enrol(full[0], person)
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("training:mine"))
    for course in full[1:]:
        enrolments.enrol(course, person)
    for _ in range(8):
        enrolments.enrol(make_course(), person)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("training:mine"))


def test_my_training_needs_a_log_in(client):
    assert client.get(reverse("training:mine")).status_code == 302


@pytest.fixture
def certificate(person, staff):
    course = make_course(title="知识产权工程师培训班（第二期）")
    enrolment = enrolments.enrol(course, person)
    move_to_past(course)
    return enrolments.complete(enrolment, staff)


def test_holder_sees_the_print_view_and_downloads_the_pdf(client, person, certificate):
    client.force_login(person)
    html = client.get(reverse("training:certificate", args=[certificate.number])).content.decode()
    assert certificate.number in html and person.name in html and "知识产权工程师培训班（第二期）" in html
    response = client.get(reverse("training:certificate_pdf", args=[certificate.number]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f"{certificate.number}.pdf" in response["Content-Disposition"]


def test_another_person_gets_404_for_a_certificate(client, other_person, certificate):
    client.force_login(other_person)
    assert client.get(reverse("training:certificate", args=[certificate.number])).status_code == 404
    assert client.get(reverse("training:certificate_pdf", args=[certificate.number])).status_code == 404


def test_staff_see_any_certificate_and_visitors_must_log_in(client, staff, certificate):
    assert client.get(reverse("training:certificate_pdf", args=[certificate.number])).status_code == 302
    client.force_login(staff)
    assert client.get(reverse("training:certificate_pdf", args=[certificate.number])).status_code == 200


def test_courses_are_in_the_sitemap(client):
    course = make_course(slug="gbt-29490")
    assert course.url in client.get("/sitemap.xml").content.decode()


def test_sessions_without_a_title_are_named_by_day_and_part_of_day_in_the_readers_language(client):
    from zoneinfo import ZoneInfo

    from django.utils import translation

    from training.models import CourseSession

    shanghai = ZoneInfo("Asia/Shanghai")
    course = make_course()
    first_day = timezone.localtime(course.starts_at, shanghai).replace(hour=9, minute=0)
    course.starts_at = first_day  # the sessions count their days from the course's start
    morning = CourseSession(course=course, starts_at=first_day, ends_at=first_day + timedelta(hours=3))
    afternoon = CourseSession(
        course=course, starts_at=first_day + timedelta(days=1, hours=5), ends_at=first_day + timedelta(days=1, hours=8)
    )
    named = CourseSession(course=course, title="结业考试", starts_at=first_day, ends_at=first_day)
    with translation.override("zh-hans"):
        assert [str(morning.label), str(afternoon.label), named.label] == ["第1天上午", "第2天下午", "结业考试"]
    with translation.override("en"):
        assert [str(morning.label), str(afternoon.label), named.label] == [
            "Day 1, morning",
            "Day 2, afternoon",
            "结业考试",
        ]


def test_course_page_in_english_names_sessions_and_weekdays_without_full_width_brackets(client):
    from training.models import CourseSession

    course = make_course()
    for day in range(2):
        starts_at = course.starts_at + timedelta(days=day)
        CourseSession.objects.create(course=course, starts_at=starts_at, ends_at=starts_at + timedelta(hours=3))
    client.cookies["ipp_language"] = "en"
    html = client.get(course.url).content.decode()
    assert "Day 1, " in html and "Day 2, " in html
    assert "（" not in html.split('id="course-sessions"')[1].split("</table>")[0]
