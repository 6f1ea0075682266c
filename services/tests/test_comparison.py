"""Comparing institutions side by side: the figures the directory shows, only public institutions, at most
four, in the order chosen, and the same page for anyone who opens the URL."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from services.comparison import years_on_platform
from services.models import Institution

from .factories import InstitutionFactory, OfferingFactory

pytestmark = pytest.mark.django_db


def compare(client, *institutions, ids=None):
    ids = ids if ids is not None else ",".join(str(institution.pk) for institution in institutions)
    return client.get("/institutions/compare/", {"ids": ids})


def test_two_institutions_side_by_side_with_their_scorecard_figures(client):
    first = InstitutionFactory(
        institution_type="patent_agency",
        licence_number="32001",
        credit_grade="A",
        credit_grade_year=2024,
        rating_average=Decimal("4.50"),
        rating_count=6,
        median_reply_seconds=3 * 3600,
        completed_orders=9,
        approved_at=timezone.now() - timedelta(days=800),
    )
    second = InstitutionFactory(completed_orders=2, approved_at=timezone.now() - timedelta(days=30))

    response = compare(client, second, first)

    assert response.status_code == 200
    shown = response.context["comparison"].institutions
    assert shown == [second, first]
    html = response.content.decode()
    assert "A（2024）" in html and "4.50" in html and "3.0 小时" in html and "9 单" in html and "2 年" in html
    assert "不足 1 年" in html


def test_offerings_are_compared_within_their_category(client):
    first, second = InstitutionFactory(), InstitutionFactory()
    OfferingFactory(institution=first, title="商标注册（单类）", price=80000)
    OfferingFactory(institution=second, title="商标注册代理", price=120000)
    OfferingFactory(institution=second, title="未发布的服务", status="draft")

    comparison = compare(client, first, second).context["comparison"]

    assert [
        (category.code, [[o.title for o in cell] for cell in cells]) for category, cells in comparison.offering_rows
    ] == [("trademark", [["商标注册（单类）"], ["商标注册代理"]])]


def test_more_than_four_institutions_are_refused_with_a_message(client):
    institutions = InstitutionFactory.create_batch(5)

    response = compare(client, *institutions)

    assert response.status_code == 400
    assert "最多可同时比较 4 家机构" in response.content.decode()


def test_only_public_institutions_are_compared(client):
    listed = InstitutionFactory()
    pending = InstitutionFactory(status=Institution.Status.PENDING)
    hidden = InstitutionFactory(is_active=False)

    response = compare(client, listed, pending, hidden)

    assert response.context["comparison"].institutions == [listed]
    html = response.content.decode()
    assert pending.name not in html and hidden.name not in html
    assert "2 家目前未在平台公开" in html


def test_a_malformed_selection_gets_a_message_not_an_error(client):
    response = compare(client, ids="1,abc")

    assert response.status_code == 400
    assert "机构编号应为数字" in response.content.decode()


def test_an_empty_selection_explains_how_to_choose(client):
    assert "加入比较" in compare(client, ids="").content.decode()


def test_years_on_the_platform_count_whole_years_from_approval():
    institution = Institution(approved_at=timezone.make_aware(timezone.datetime(2023, 6, 15, 10)))
    assert years_on_platform(institution, today=timezone.datetime(2026, 6, 14).date()) == 2
    assert years_on_platform(institution, today=timezone.datetime(2026, 6, 15).date()) == 3
    assert years_on_platform(Institution()) is None
