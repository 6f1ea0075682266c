"""How far an indicator is from its target, and when it will get there at the current pace.

The rule (shown to staff as the dashboard's legend):

- the expected value on day n runs in a straight line from the baseline b on the start day s to the
  target t on the deadline d: expected(n) = b + (t − b) · (n − s) / (d − s);
- **met** when the value has reached the target (≥ t, or ≤ t for an "at most" target);
- **on track** when it has reached the expected value for today;
- **at risk** when the deadline has passed unmet, or the pace still needed — (t − v) / (d − n) — is more
  than twice the pace so far (including no progress at all);
- **behind** otherwise: below the expected value but reachable within twice the pace so far.

The pace so far is the slope of a straight line fitted by least squares through the dated figures (from
the baseline to today's value, (v − b) / (n − s), when there is nothing in between), and the forecast
carries the same line on, so the two never disagree: an indicator at risk is forecast after its deadline
or not at all.

The forecast fits that line through the dated figures (the baseline, every entry
and today's value). It is given only when the data supports one: at least three dated figures and a trend
toward the target. The target is then reached (t − v) / slope days after today, counted from the current
value, so an unmet indicator is never forecast for today or earlier. Beyond FORECAST_HORIZON_YEARS the
date means nothing and the forecast says only "not before" that year.
"""

import math
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

AT_RISK_FACTOR = 2
MIN_FORECAST_POINTS = 3
FORECAST_HORIZON_YEARS = 15


class Status(models.TextChoices):
    MET = "met", _("已达成")
    ON_TRACK = "on_track", _("进度正常")
    BEHIND = "behind", _("进度滞后")
    AT_RISK = "at_risk", _("存在风险")
    NO_DATA = "no_data", _("暂无数据")
    INFO = "info", _("统计（无目标）")


@dataclass
class Assessment:
    status: str
    percent: float | None = None
    expected: float | None = None
    pace_so_far: float | None = None  # per year, in the target's direction
    pace_needed: float | None = None  # per year
    forecast_date: date | None = None
    forecast_reachable: bool = False
    forecast_not_before: int | None = None  # the horizon's year, when the trend reaches the target later
    forecast_lacks_data: bool = False

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def forecast_text(self):
        """The forecast in words, as the dashboard, the reports and the exports show it ("" when none applies)."""
        if self.status == Status.MET:
            return _("已达成")
        if self.status in (Status.NO_DATA, Status.INFO):
            return ""
        if self.forecast_date is not None:
            return self.forecast_date.isoformat()
        if self.forecast_not_before is not None:
            return _("不早于%(year)s年") % {"year": self.forecast_not_before}
        if self.forecast_lacks_data:
            return _("数据不足，暂不预测")
        return _("按当前进度无法达成")


def _f(value):
    return None if value is None else float(value)


def expected_value(baseline, start, target, deadline, on):
    total = (deadline - start).days
    if total <= 0:
        return float(target)
    elapsed = min(max((on - start).days, 0), total)
    return float(baseline) + (float(target) - float(baseline)) * elapsed / total


def percent_of_target(value, target, comparison, baseline=None):
    value, target, baseline = _f(value), _f(target), _f(baseline)
    if value is None or target is None:
        return None
    if comparison == "at_most":
        if value <= target:
            return 100.0
        if baseline is not None and baseline > target:
            return max(0.0, (baseline - value) / (baseline - target) * 100)
        return round(target / value * 100, 1) if value else 100.0
    if target == 0:
        return 100.0
    return round(value / target * 100, 1)


def fit_line(points):
    """Least squares through (date, value) points; (slope per day, intercept at ordinal 0) or None."""
    xs = [day.toordinal() for day, _value in points]
    ys = [float(value) for _day, value in points]
    if len(set(xs)) < 2:
        return None
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x


def forecast(points, target, comparison, on, value=None):
    """(date the trend reaches the target, reachable?) — (None, False) when it never does.

    The trend's slope is carried on from `value` (today's figure; the line's own value today when not
    given), so the date is never before tomorrow for a target not yet met.
    """
    line = fit_line(points)
    if line is None or target is None:
        return None, False
    slope, intercept = line
    sign = -1 if comparison == "at_most" else 1
    if slope * sign <= 0:
        return None, False
    current = float(value) if value is not None else slope * on.toordinal() + intercept
    if sign * (current - float(target)) >= 0:
        return on, True
    days = math.ceil((float(target) - current) / slope)
    try:
        return on + timedelta(days=days), True
    except OverflowError:
        return date.max, True


def horizon(on):
    return date(on.year + FORECAST_HORIZON_YEARS, 1, 1)


def assess(*, value, on, target, comparison, deadline, baseline=None, start=None, history=()):
    """Status, percent, paces and forecast of one indicator on day `on`.

    `history` is the dated figures [(date, value), …] oldest first; without a baseline the first of them
    serves as one.
    """
    history = sorted((day, Decimal(v)) for day, v in history if day <= on)
    if baseline is None and history:
        start, baseline = history[0]
    if value is None:
        return Assessment(Status.NO_DATA if target is not None else Status.INFO)
    if target is None:
        return Assessment(Status.INFO)
    if baseline is None:
        start, baseline = on, value
    sign = -1 if comparison == "at_most" else 1
    value_f, target_f, baseline_f = float(value), float(target), float(baseline)
    result = Assessment(Status.NO_DATA, percent=percent_of_target(value, target, comparison, baseline))
    result.expected = expected_value(baseline, start, target, deadline, on)

    points = [(start, baseline), *[point for point in history if point[0] > start]]
    if not history or history[-1][0] < on or history[-1][1] != value:
        points.append((on, value))
    if len({day for day, _value in points}) < MIN_FORECAST_POINTS:
        result.forecast_lacks_data = True
    else:
        result.forecast_date, result.forecast_reachable = forecast(points, target, comparison, on, value)
        if result.forecast_date is not None and result.forecast_date >= horizon(on):
            result.forecast_date, result.forecast_not_before = None, horizon(on).year

    elapsed = (on - start).days
    remaining = (deadline - on).days
    trend = fit_line(points)
    if trend is not None:
        result.pace_so_far = sign * trend[0] * 365
    elif elapsed > 0:
        result.pace_so_far = sign * (value_f - baseline_f) / elapsed * 365
    if remaining > 0:
        result.pace_needed = sign * (target_f - value_f) / remaining * 365

    if sign * (value_f - target_f) >= 0:
        result.status = Status.MET
        result.forecast_date, result.forecast_reachable = None, True
        result.forecast_not_before, result.forecast_lacks_data = None, False
    elif remaining <= 0:
        result.status = Status.AT_RISK
    elif sign * (value_f - result.expected) >= 0:
        result.status = Status.ON_TRACK
    elif not result.pace_so_far or result.pace_so_far <= 0:
        result.status = Status.AT_RISK
    elif result.pace_needed > AT_RISK_FACTOR * result.pace_so_far:
        result.status = Status.AT_RISK
    else:
        result.status = Status.BEHIND
    return result


def assess_year(*, value, on, target, comparison, pro_rata):
    """Status of a target that holds for every year (a yearly target), for the year of `on`.

    Met when the year's value reaches the target. Before the year is over, a count that accumulates over
    the year (`pro_rata`: meetings held so far) is on track when it has reached the target's share of
    the year gone by; a rate (a growth on the same period of last year) is on track only at the target.
    Otherwise behind while the year runs, and at risk once it has ended unmet.
    """
    if value is None:
        return Assessment(Status.NO_DATA if target is not None else Status.INFO)
    if target is None:
        return Assessment(Status.INFO)
    sign = -1 if comparison == "at_most" else 1
    year_start, year_end = date(on.year, 1, 1), date(on.year, 12, 31)
    expected = float(target)
    if pro_rata and sign > 0:
        expected = expected_value(0, year_start - timedelta(days=1), target, year_end, on)
    result = Assessment(Status.NO_DATA, percent=percent_of_target(value, target, comparison), expected=expected)
    if sign * (float(value) - float(target)) >= 0:
        result.status, result.forecast_reachable = Status.MET, True
    elif on >= year_end:
        result.status = Status.AT_RISK
    elif sign * (float(value) - expected) >= 0:
        result.status, result.forecast_lacks_data = Status.ON_TRACK, True
    else:
        result.status, result.forecast_lacks_data = Status.BEHIND, True
    return result


def met(value, target, comparison):
    """Whether a figure reaches its target (the verdict of one year of a yearly target)."""
    if value is None or target is None:
        return None
    sign = -1 if comparison == "at_most" else 1
    return sign * (float(value) - float(target)) >= 0
