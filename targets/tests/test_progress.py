"""The status and forecast rule the dashboard's legend describes."""

from datetime import date
from decimal import Decimal

from targets.progress import Status, assess, fit_line, forecast

START, DEADLINE = date(2014, 1, 1), date(2016, 12, 31)
HALFWAY = date(2015, 7, 2)  # 547 of 1095 days


def status(value, on=HALFWAY, target=12, baseline=0, comparison="at_least", history=()):
    return assess(
        value=Decimal(value),
        on=on,
        target=Decimal(target),
        comparison=comparison,
        deadline=DEADLINE,
        baseline=Decimal(baseline),
        start=START,
        history=history,
    )


def test_met_when_the_target_is_reached():
    assert status(12).status == Status.MET
    assert status(13).percent == 108.3


def test_on_track_when_at_or_above_the_straight_line_to_the_target():
    assert status(6).status == Status.ON_TRACK  # expected ≈ 5.99 halfway
    assert round(status(6).expected, 2) == 5.99


def test_behind_when_below_the_line_but_within_twice_the_pace_so_far():
    # 5 in half the time: needs 7 more in the other half, 1.4× the pace so far.
    assert status(5).status == Status.BEHIND


def test_at_risk_when_the_pace_needed_is_more_than_twice_the_pace_so_far():
    # 3 in half the time: needs 9 more, 3× the pace so far.
    assert status(3).status == Status.AT_RISK
    assert status(0).status == Status.AT_RISK  # no progress at all


def test_at_risk_once_the_deadline_has_passed_unmet():
    assert status(11, on=date(2017, 1, 1)).status == Status.AT_RISK
    assert status(12, on=date(2017, 1, 1)).status == Status.MET


def test_at_most_target_runs_the_other_way():
    # Abnormal application share: from 1.3% down to below 0.5%.
    assert status("0.45", target="0.5", baseline="1.3", comparison="at_most").status == Status.MET
    assert status("0.8", target="0.5", baseline="1.3", comparison="at_most").status == Status.ON_TRACK
    assert status("1.2", target="0.5", baseline="1.3", comparison="at_most").status == Status.AT_RISK
    assert status("1.4", target="0.5", baseline="1.3", comparison="at_most").percent == 0.0


def test_no_value_is_no_data_and_no_target_is_informational():
    result = assess(value=None, on=HALFWAY, target=Decimal(3), comparison="at_least", deadline=DEADLINE)
    assert result.status == Status.NO_DATA
    result = assess(value=Decimal(3), on=HALFWAY, target=None, comparison="at_least", deadline=DEADLINE)
    assert result.status == Status.INFO


def test_without_a_baseline_the_first_entry_is_the_baseline():
    history = [(date(2013, 12, 31), Decimal("1.52")), (date(2015, 6, 30), Decimal("3.0"))]
    result = assess(
        value=Decimal("3.0"),
        on=date(2015, 6, 30),
        target=Decimal(4),
        comparison="at_least",
        deadline=DEADLINE,
        history=history,
    )
    assert result.status == Status.ON_TRACK
    assert result.forecast_reachable


def test_least_squares_line_and_forecast_date():
    points = [(date(2014, 1, 1), 0), (date(2015, 1, 1), 365), (date(2016, 1, 1), 730)]
    slope, _intercept = fit_line(points)
    assert round(slope, 6) == 1
    day, reachable = forecast(points, 1000, "at_least", on=date(2016, 1, 1))
    assert reachable and day == date(2016, 9, 27)


def test_forecast_says_not_at_current_pace_when_the_line_goes_the_wrong_way():
    points = [(date(2014, 1, 1), 5), (date(2015, 1, 1), 4)]
    assert forecast(points, 12, "at_least", on=date(2015, 1, 1)) == (None, False)
    assert forecast(points, 2, "at_most", on=date(2015, 1, 1))[1] is True


def test_forecast_uses_baseline_to_current_without_history():
    result = status(4, on=date(2015, 1, 1))
    assert result.forecast_reachable
    # 4 a year: 12 reached at the end of 2016.
    assert result.forecast_date.year == 2016
