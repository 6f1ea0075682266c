"""The course list reads the search index: its tabs (upcoming, past, all), filters, order and pages, and
what leaves the list (drafts, courses no longer public, cancelled courses)."""

from datetime import timedelta

import pytest
from wagtail.models import PageViewRestriction

from training import enrolments

from .factories import course_index, make_course, move_to_past

pytestmark = pytest.mark.usefixtures("search_index")


def titles(client, **query):
    return [course.title for course in client.get(course_index().url, query).context["courses"]]


def test_upcoming_is_the_default_soonest_first_and_past_and_all_are_newest_first(client):
    make_course(title="二十天后", starts_in=timedelta(days=20))
    make_course(title="五天后", starts_in=timedelta(days=5))
    make_course(title="明天", starts_in=timedelta(days=1))
    make_course(title="上周", starts_in=-timedelta(days=7))
    make_course(title="去年", starts_in=-timedelta(days=365))

    assert titles(client) == ["明天", "五天后", "二十天后"]
    assert titles(client, when="upcoming") == ["明天", "五天后", "二十天后"]
    assert titles(client, when="past") == ["上周", "去年"]
    assert titles(client, when="all") == ["二十天后", "五天后", "明天", "上周", "去年"]


def test_type_mode_and_fee_filters_combine_within_a_tab(client):
    make_course(title="线上代理人班", course_type="patent_agent", is_online=True, online_url="https://x.example/a")
    make_course(title="线下收费代理人班", course_type="patent_agent", fee=50000, starts_in=timedelta(days=3))
    make_course(title="线下免费代理人班", course_type="patent_agent", starts_in=timedelta(days=4))
    make_course(title="往期代理人班", course_type="patent_agent", starts_in=-timedelta(days=30))
    make_course(title="贯标班", course_type="ip_manager", fee=50000)

    assert titles(client, type="patent_agent") == ["线下收费代理人班", "线下免费代理人班", "线上代理人班"]
    assert titles(client, type="patent_agent", mode="venue") == ["线下收费代理人班", "线下免费代理人班"]
    assert titles(client, type="patent_agent", mode="venue", fee="free") == ["线下免费代理人班"]
    assert titles(client, fee="paid") == ["线下收费代理人班", "贯标班"]
    assert titles(client, when="past", type="patent_agent", fee="free") == ["往期代理人班"]
    assert titles(client, when="past", type="ip_manager") == []


def test_an_invalid_value_is_ignored_without_dropping_the_valid_ones(client):
    make_course(title="即将开课")
    make_course(title="往期", starts_in=-timedelta(days=30))

    assert titles(client, when="past", type="nonsense") == ["往期"]
    assert titles(client, when="someday", fee="free") == ["即将开课"]


def test_pages_keep_the_tab_and_the_filters(client):
    for days in range(12):
        make_course(title=f"往期{days + 1:02d}", course_type="ip_manager", starts_in=-timedelta(days=days + 1))
    make_course(title="往期其他", course_type="other", starts_in=-timedelta(days=2))
    url = course_index().url

    html = client.get(url, {"when": "past", "type": "ip_manager"}).content.decode()

    assert "?when=past&amp;type=ip_manager&page=2" in html
    assert "第 1 / 2 页" in html
    assert titles(client, when="past", type="ip_manager", page=2) == ["往期11", "往期12"]


def test_a_course_listed_once_leaves_the_list_when_unpublished_restricted_or_cancelled(client, staff):
    unpublished = make_course(title="将撤回", starts_in=timedelta(days=1))
    restricted = make_course(title="将设为登录可见", starts_in=timedelta(days=2))
    cancelled = make_course(title="将取消", starts_in=timedelta(days=3))
    make_course(title="照常开课", starts_in=timedelta(days=4))
    assert titles(client) == ["将撤回", "将设为登录可见", "将取消", "照常开课"]

    unpublished.unpublish()
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    enrolments.cancel_course(cancelled, staff)

    assert titles(client) == ["照常开课"]
    assert titles(client, when="all") == ["照常开课"]


def test_a_cancelled_course_is_in_neither_the_past_nor_the_all_tab(client, staff):
    cancelled = make_course(title="已取消的往期班")
    enrolments.cancel_course(cancelled, staff)
    move_to_past(cancelled, days=10)
    make_course(title="已举办的往期班", starts_in=-timedelta(days=5))

    assert titles(client, when="past") == ["已举办的往期班"]
    assert titles(client, when="all") == ["已举办的往期班"]


def test_a_course_moved_into_the_past_changes_tab(client):
    course = make_course(title="刚结束的班")
    assert titles(client) == ["刚结束的班"]

    move_to_past(course)

    assert titles(client) == []
    assert titles(client, when="past") == ["刚结束的班"]
