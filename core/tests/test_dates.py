"""Dates people type are bounded: not before 1980, not after today for the past, a few years ahead at most."""

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.dates import YEARS_AHEAD, check_date, latest_ahead
from listings.forms import DealForm, TransactionListingForm
from listings.tests.factories import ListingFactory
from rights.forms import AssistanceForm, ReportForm
from targets.forms import CertificationForm, DashboardFilterForm, EntryForm
from targets.models import Indicator

pytestmark = pytest.mark.django_db


def field_errors(form, name):
    form.is_valid()
    return " ".join(form.errors.get(name, []))


@pytest.mark.parametrize(
    ("make_form", "name", "typed", "expected"),
    [
        (lambda data: TransactionListingForm(data), "valid_until", "9999-12-31", "有效期至不能晚于"),
        (lambda data: TransactionListingForm(data), "valid_from", "9999-12-31", "有效期起不能晚于"),
        (lambda data: AssistanceForm(data), "deadline", "9999-12-31", "期限不能晚于"),
        (lambda data: AssistanceForm(data), "deadline", "0001-01-01", "期限不能早于 1980-01-01"),
        (lambda data: ReportForm(data), "occurred_on", "0001-01-01", "发生时间不能早于 1980-01-01"),
        (lambda data: ReportForm(data), "occurred_on", "2999-01-01", "发生时间不能晚于今天"),
        (
            lambda data: EntryForm(data, indicator=Indicator.objects.get(code="pct-applications")),
            "as_of",
            "0001-01-01",
            "统计日期不能早于 1980-01-01",
        ),
        (lambda data: CertificationForm(data), "certified_on", "1979-12-31", "认定日期不能早于 1980-01-01"),
        (lambda data: DashboardFilterForm(data), "on", "0001-01-01", "不能早于 1980-01-01"),
        (
            lambda data: DealForm(data, listing=ListingFactory()),
            "deal_date",
            "0001-01-01",
            "成交日期不能早于 1980-01-01",
        ),
    ],
)
def test_dates_out_of_range_are_refused_with_the_field_named(make_form, name, typed, expected):
    assert expected in field_errors(make_form({name: typed}), name)


def test_a_validity_period_a_few_years_ahead_is_accepted_and_one_day_more_is_not():
    form = TransactionListingForm({"valid_until": latest_ahead().isoformat()})
    assert field_errors(form, "valid_until") == ""
    form = TransactionListingForm({"valid_until": (latest_ahead() + timedelta(days=1)).isoformat()})
    assert f"今后 {YEARS_AHEAD} 年内" in field_errors(form, "valid_until")


def test_course_times_are_bounded_in_the_site_time_zone():
    with pytest.raises(ValidationError):
        check_date(timezone.make_aware(datetime(9999, 12, 30)), "开始时间", ahead=True)
    check_date(timezone.make_aware(datetime(2016, 6, 1, 9)), "开始时间", ahead=True)
