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
    assert result.pace_so_far > 0


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


def test_forecast_follows_the_trend_of_the_history():
    history = [(date(2014, 7, 1), Decimal(2)), (date(2015, 1, 1), Decimal(4))]
    result = status(4, on=date(2015, 1, 1), history=history)
    assert result.forecast_reachable
    # About 4 a year: 12 reached at the end of 2016.
    assert date(2016, 12, 1) < result.forecast_date <= date(2017, 1, 2)
    assert result.forecast_text == result.forecast_date.isoformat()


def test_two_figures_alone_give_no_forecast():
    result = status(4, on=date(2015, 1, 1))
    assert result.forecast_date is None
    assert result.forecast_text == "数据不足，暂不预测"


def test_an_unmet_indicator_is_never_forecast_for_today_even_when_its_figures_fell_back():
    # Late but steep growth, then a fall: the fitted line stands above today's value and the target.
    history = [(date(2016, 6, 1), Decimal("11.5")), (date(2016, 12, 1), Decimal("11.9"))]
    on = date(2017, 3, 1)
    result = status(11, on=on, history=history)
    assert result.status == Status.AT_RISK
    assert result.forecast_date is None or result.forecast_date > on


def test_an_indicator_at_risk_is_forecast_after_its_deadline_or_not_at_all():
    for figures in ([1, 2, 3], [0, 0, 1], [3, 2, 1], [1, 1, 6]):
        history = [(date(2014, 4 * i + 1, 1), Decimal(v)) for i, v in enumerate(figures)]
        result = status(figures[-1], on=date(2014, 9, 1), history=history)
        if result.status == Status.AT_RISK:
            assert result.forecast_date is None or result.forecast_date > DEADLINE, figures


def test_a_forecast_beyond_the_horizon_says_only_not_before():
    history = [(date(2014, 1, 1), Decimal(0)), (date(2014, 7, 1), Decimal("0.01")), (date(2015, 1, 1), Decimal("0.02"))]
    result = status("0.02", on=date(2015, 1, 1), history=history, target=1000)
    assert result.forecast_date is None
    assert result.forecast_not_before == 2030
    assert result.forecast_text == "不早于2030年"


def test_a_met_target_has_no_forecast_date():
    assert status(12).forecast_text == "已达成"
