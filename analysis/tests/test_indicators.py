"""Each early-warning indicator on hand-computed figures, evaluated on 15 June 2026: the last 12 months are
the filings from 16 June 2025 to 15 June 2026, the 12 months before from 16 June 2024 to 15 June 2025."""

from datetime import date

import pytest

from analysis import indicators, watching
from analysis.models import Alert
from analysis.tests.factories import index, patent
from register.models import PartyKind
from register.terms import EventKind

T = date(2026, 6, 15)
RIVAL = "江苏竞争者材料有限公司"
CITY = "连云港港城新材料有限公司"


def tripped(watch, on=T):
    index()
    return {
        (trip.indicator, trip.subject): trip.figures for trip in indicators.trips(watch, indicators.snapshot(watch, on))
    }


def test_windows_are_the_twelve_months_up_to_the_day_and_the_twelve_before():
    assert indicators.last_twelve_months(T) == (date(2025, 6, 16), date(2026, 6, 16))
    assert indicators.last_twelve_months(date(2024, 2, 29)) == (date(2023, 3, 1), date(2024, 3, 1))
    assert indicators.months_up_to(date(2026, 2, 10), 3) == ["2026-02", "2026-01", "2025-12"]


def test_a_competitor_reaching_the_threshold_in_the_field_trips_and_growth_is_measured_on_the_year_before(
    embedded_index, make_watch
):
    watch = make_watch(competitors=[RIVAL], filings_threshold=3, growth_percent=200)
    for day in (date(2025, 6, 16), date(2026, 1, 1), date(2026, 6, 15)):
        patent(day, (RIVAL,), district=None)
    patent(date(2026, 2, 1), (RIVAL,), ipc=("H01L 21/02",), district=None)  # outside the field
    patent(date(2026, 6, 16), (RIVAL,), district=None)  # after the day evaluated
    patent(date(2025, 6, 15), (RIVAL,), district=None)  # the year before
    found = tripped(watch)
    assert found[("competitor_filings", RIVAL)] == {"recent": 3, "previous": 1, "threshold": 3}
    # 1 → 3 is up 200 %: exactly the threshold trips.
    assert found[("competitor_growth", RIVAL)] == {"recent": 3, "previous": 1, "growth_percent": 200.0}


def test_a_competitor_below_the_thresholds_does_not_trip(embedded_index, make_watch):
    watch = make_watch(competitors=[RIVAL], filings_threshold=3, growth_percent=50)
    patent(date(2025, 1, 1), (RIVAL,), district=None)
    patent(date(2025, 2, 1), (RIVAL,), district=None)
    patent(date(2025, 9, 1), (RIVAL,), district=None)
    patent(date(2026, 3, 1), (RIVAL,), district=None)
    # 2 filings, as many as the year before: neither 3 filings nor up by 50 %.
    found = tripped(watch)
    assert not [key for key in found if key[1] == RIVAL]


def test_a_foreign_applicant_new_to_the_field_trips_and_one_seen_before_does_not(embedded_index, make_watch):
    watch = make_watch()
    patent(date(2026, 1, 5), (CITY, "SONY CORPORATION"), foreign=("SONY CORPORATION",))
    patent(date(2026, 2, 5), (CITY, "SAMSUNG SDI CO LTD"), foreign=("SAMSUNG SDI CO LTD",))
    patent(date(2019, 2, 5), (CITY, "SAMSUNG SDI CO LTD"), foreign=("SAMSUNG SDI CO LTD",))
    patent(date(2026, 3, 5), (CITY, "南京甲材料有限公司"))  # domestic
    found = tripped(watch)
    assert found[("new_foreign_applicant", "SONY CORPORATION")] == {"recent": 1}
    assert [key for key in found if key[0] == "new_foreign_applicant"] == [
        ("new_foreign_applicant", "SONY CORPORATION")
    ]


def test_the_city_share_of_the_field_falling_by_the_threshold_trips(embedded_index, make_watch):
    watch = make_watch(share_drop_points=25)
    # The year before: 3 of 4 filings by the city's applicants (75 %); the last 12 months: 2 of 4 (50 %).
    for day, district in [(date(2024, 7, 1), "haizhou")] * 3 + [(date(2024, 8, 1), None)]:
        patent(day, (CITY,), district=district)
    for day, district in [(date(2025, 7, 1), "haizhou")] * 2 + [(date(2025, 8, 1), None)] * 2:
        patent(day, (CITY,), district=district)
    found = tripped(watch)
    assert found[("city_share_falling", "")] == {
        "recent_city": 2,
        "recent_total": 4,
        "previous_city": 3,
        "previous_total": 4,
        "recent_share": 50.0,
        "previous_share": 75.0,
    }
    watch.share_drop_points = 26
    assert ("city_share_falling", "") not in tripped(watch)


def test_city_enterprise_patents_lapsing_in_the_last_twelve_months_trip(embedded_index, make_watch):
    watch = make_watch(lapse_threshold=2)
    granted = {"grant_date": date(2018, 1, 1)}
    patent(date(2016, 1, 1), (CITY,), events=[(EventKind.ANNUITY_LAPSE, date(2026, 3, 1))], **granted)
    patent(date(2016, 2, 1), (CITY,), events=[(EventKind.ANNUITY_LAPSE, date(2025, 7, 1))], **granted)
    # Lapsed before the 12 months; an individual's; a patent outside the city: none counts.
    patent(date(2016, 3, 1), (CITY,), events=[(EventKind.ANNUITY_LAPSE, date(2025, 5, 31))], **granted)
    individual = {"applicant_kind": PartyKind.INDIVIDUAL}
    patent(date(2016, 4, 1), ("王五",), events=[(EventKind.ANNUITY_LAPSE, date(2026, 1, 1))], **individual, **granted)
    patent(date(2016, 5, 1), (RIVAL,), district=None, events=[(EventKind.ANNUITY_LAPSE, date(2026, 1, 1))], **granted)
    assert tripped(watch)[("city_patents_lapsing", "")] == {"lapsed": 2, "threshold": 2}
    watch.lapse_threshold = 3
    assert ("city_patents_lapsing", "") not in tripped(watch)


def test_a_trip_is_reported_once_per_watch_indicator_and_month(embedded_index, make_watch, patent_index):
    watch = make_watch(competitors=[RIVAL], filings_threshold=1)
    patent(date(2026, 5, 1), (RIVAL,), district=None)
    index()
    first = watching.evaluate(watch, T)
    assert [(alert.indicator, alert.subject) for alert in first] == [("competitor_filings", RIVAL)]
    assert watching.evaluate(watch, T) == []
    assert watching.evaluate(watch, date(2026, 6, 30)) == []
    assert len(watching.evaluate(watch, date(2026, 7, 1))) == 1
    assert Alert.objects.filter(watch=watch).count() == 2
    assert watch.reports.count() == 2


@pytest.mark.parametrize("on", [T])
def test_an_inactive_watch_is_not_evaluated(embedded_index, make_watch, patent_index, on):
    make_watch(competitors=[RIVAL], filings_threshold=1, active=False)
    patent(date(2026, 5, 1), (RIVAL,), district=None)
    index()
    assert watching.evaluate_all(on) == 0
