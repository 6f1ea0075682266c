"""How the demo is played: each app's `demo` module tells its stories as scenario records, and every step
of a story calls the domain function a person's click calls, at the moment the story says.

A moment is a day relative to the day the demo is loaded (`-30` is a month ago, `12` is in twelve days)
and a time of day in the site's time zone; the clock is frozen there while the step runs, so the
timestamps, event rows, deadlines and certificate numbers the domain writes are those of that moment,
and a course announced as "in twenty days" is upcoming whenever the demo is loaded.

An app's demo module has `load(stdout)` (returns the log-ins it made) and `REQUIRES`, the apps whose
demo records its stories use; `load_demo` loads them in that order, whatever the order of LOCAL_APPS.
"""

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from graphlib import TopologicalSorter
from importlib import import_module
from importlib.util import find_spec
from zoneinfo import ZoneInfo

import time_machine
from django.conf import settings


@dataclass(frozen=True)
class When:
    """A moment of a story: `day` days after the load day (negative: before), at `hour`:`minute`."""

    day: int
    hour: int = 10
    minute: int = 0

    def later(self, *, days=0, hours=0, minutes=0):
        moment = self.moment() + timedelta(days=days, hours=hours, minutes=minutes)
        return When((moment.date() - load_day()).days, moment.hour, moment.minute)

    def moment(self):
        return datetime.combine(load_day() + timedelta(days=self.day), time(self.hour, self.minute), tzinfo=_zone())

    def date(self):
        return load_day() + timedelta(days=self.day)


def _zone():
    return ZoneInfo(settings.TIME_ZONE)


def load_day():
    """Today in the site's time zone, read from the real clock even while a scenario's clock is frozen."""
    return real_now().date()


def day(offset, hour=10, minute=0):
    return When(offset, hour, minute)


def real_now():
    if time_machine.escape_hatch.is_travelling():
        return time_machine.escape_hatch.datetime.datetime.now(tz=_zone())
    return datetime.now(tz=_zone())


@contextmanager
def at(when):
    """Run the block with the clock frozen at `when` (a `When`). A story never happens in the future: a
    moment of the load day later than the real time (the demo loaded early in the morning) is played now."""
    moment = min(when.moment(), real_now())
    with time_machine.travel(moment, tick=False), _requests_signed_at_the_real_time():
        yield moment


@contextmanager
def _requests_signed_at_the_real_time():
    """Object storage refuses a request signed more than a few minutes away from its own clock (403), so
    while a story's clock is frozen in the past, the bucket's client (botocore) signs with the real time."""
    try:
        from botocore import auth
    except ImportError:  # no bucket client installed: nothing signs requests
        yield
        return

    def real_utc_now(remove_tzinfo=True):
        now = time_machine.escape_hatch.datetime.datetime.now(tz=UTC)
        return now.replace(tzinfo=None) if remove_tzinfo else now

    frozen, auth.get_current_datetime = auth.get_current_datetime, real_utc_now
    try:
        yield
    finally:
        auth.get_current_datetime = frozen


def on(when_date):
    """The `When` of a calendar date (at ten in the morning)."""
    return When((when_date - load_day()).days) if isinstance(when_date, date) else when_date


def demo_apps():
    """Every local app with a demo module, each after the apps it requires."""
    modules = {}
    for app_name in settings.LOCAL_APPS:
        if find_spec(f"{app_name}.demo") is not None:
            modules[app_name] = import_module(f"{app_name}.demo")
    graph = {name: set(getattr(module, "REQUIRES", ())) for name, module in modules.items()}
    missing = {required for needs in graph.values() for required in needs} - set(modules)
    if missing:
        raise LookupError(f"Demo modules required but missing: {sorted(missing)}")
    return [(name, modules[name]) for name in TopologicalSorter(graph).static_order()]
