"""The demo's scenarios: their clock and the order their parts load in."""

from datetime import timedelta

from django.utils import timezone

from core.scenarios import at, day, demo_apps, load_day


def test_a_story_step_runs_at_its_wall_clock_time_in_the_site_time_zone():
    with at(day(-3, 9, 30)):
        now = timezone.localtime()
        assert (now.date(), now.hour, now.minute) == (load_day() - timedelta(days=3), 9, 30)
        # The load day is read from the real clock, not from the frozen one.
        assert load_day() == timezone.localdate() + timedelta(days=3)


def test_a_story_never_happens_in_the_future():
    with at(day(2, 9)):
        assert timezone.localdate() == load_day()


def test_later_moves_a_moment_across_days():
    assert day(-1, 22).later(hours=5) == day(0, 3)


def test_each_demo_loads_after_the_demos_it_requires_whatever_the_order_of_local_apps(settings):
    settings.LOCAL_APPS = list(reversed(settings.LOCAL_APPS))
    order = [name for name, _module in demo_apps()]
    for position, (_name, module) in enumerate(demo_apps()):
        for required in getattr(module, "REQUIRES", ()):
            assert order.index(required) < position
    assert order.index("accounts") < order.index("services") < len(order)
