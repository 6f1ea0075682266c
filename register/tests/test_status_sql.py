"""`register.terms.in_force_on` (SQL, for counting) agrees with `current_status` (Python, per record).

Each test writes many patents with generated legal-event sequences and, for every report day, compares
the set the SQL selects with the set `current_status` declares in force from the same rows. A
disagreement names the patent's type, dates and events, so a change to one form without the other fails
here with the case that shows it.
"""

import itertools
import random
from datetime import date, timedelta

import pytest
from django.utils import timezone

from core.planner import refresh_planner_statistics
from register.models import ImportSource, LegalEvent, Patent
from register.terms import EventKind, PatentType, current_status, in_force_on, term_end

pytestmark = pytest.mark.django_db

# The kinds that change a status (and a transfer, which must not), on four days of one year.
KINDS = (
    EventKind.GRANT,
    EventKind.TRANSFER,
    EventKind.ANNUITY_LAPSE,
    EventKind.RESTORATION,
    EventKind.INVALIDATION,
    EventKind.EXPIRY,
)
EVENT_DAYS = (date(2014, 3, 1), date(2014, 6, 1), date(2014, 9, 1), date(2014, 12, 1))
# Before every event, each event day, between them and after them all.
REPORT_DAYS = (
    date(2014, 2, 28),
    *EVENT_DAYS,
    date(2014, 4, 15),
    date(2014, 7, 15),
    date(2014, 10, 15),
    date(2015, 1, 1),
)


def write(cases):
    """Patents for (type, filing date, grant date, events) cases, with their events; returns
    {pk: case}. Written in bulk, as an import writes them (statistics refreshed at the end): the status
    columns are not what this compares."""
    source = ImportSource.for_kind(ImportSource.Kind.DEMO)
    now = timezone.now()
    patents = [
        Patent(
            application_number=f"T{index:09d}",
            patent_type=patent_type,
            filing_date=filing_date,
            grant_date=grant_date,
            title="测试",
            source=source,
            status="pending",
            term_ends=term_end(patent_type, filing_date),
            status_checked_at=now,
        )
        for index, (patent_type, filing_date, grant_date, _events) in enumerate(cases)
    ]
    Patent.objects.bulk_create(patents, batch_size=2000)
    by_number = dict(Patent.objects.values_list("application_number", "pk"))
    written = {by_number[patent.application_number]: case for patent, case in zip(patents, cases, strict=True)}
    LegalEvent.objects.bulk_create(
        (LegalEvent(patent_id=pk, kind=kind, date=day) for pk, case in written.items() for kind, day in case[3]),
        batch_size=2000,
    )
    refresh_planner_statistics(Patent, LegalEvent)
    return written


def assert_agree(written, days):
    """Asserts the two forms select the same patents on each day; returns how many were in force on
    each day, for the caller to see the cases were not all one way."""
    counts = []
    for day in days:
        in_sql = set(in_force_on(Patent.objects.all(), day).values_list("pk", flat=True))
        in_python = {
            pk
            for pk, (patent_type, filing_date, grant_date, events) in written.items()
            if current_status(patent_type, filing_date, events, day, grant_date=grant_date).in_force
        }
        differing = [(pk in in_sql, written[pk]) for pk in sorted(in_sql ^ in_python)]
        assert not differing, f"on {day}, (SQL says in force, case): {differing[:5]}"
        counts.append(len(in_sql))
    return counts


def test_every_sequence_of_up_to_three_events_on_four_days_agrees_on_every_report_day():
    """Same-day pairs, a lapse before the grant, a restoration without a lapse or before it, two grants,
    a grant date before, on or after the grant event, an invalidation while pending: all in the grid."""
    items = [(kind, day) for kind in KINDS for day in EVENT_DAYS]
    sequences = [combo for size in range(4) for combo in itertools.combinations(items, size)]
    cases = [
        (PatentType.INVENTION, date(2010, 1, 1), grant_date, events)
        for events in sequences
        for grant_date in (None, EVENT_DAYS[1], EVENT_DAYS[3])
    ]
    written = write(cases)
    assert len(written) > 6000
    in_force = assert_agree(written, REPORT_DAYS)
    assert in_force[0] == 0 and all(0 < count < len(written) for count in in_force[1:])


# Filing dates around 29 February and the design term's change; report days around each term's end.
FILING_DAYS = (
    date(2000, 2, 28),
    date(2000, 2, 29),
    date(2000, 3, 1),
    date(2001, 2, 28),
    date(2001, 3, 1),
    date(2004, 2, 29),
    date(2011, 2, 28),
    date(2012, 2, 29),
    date(2021, 5, 31),
    date(2021, 6, 1),
)


def test_the_term_ends_on_the_same_day_as_current_status_for_every_type_and_leap_day_filing():
    cases = [
        (patent_type, filing_date, years_later(filing_date, 1), events)
        for patent_type in PatentType.values
        for filing_date in FILING_DAYS
        for events in ((), ((EventKind.TRANSFER, years_later(filing_date, 2)),))
    ]
    written = write(cases)
    days = set()
    for patent_type, filing_date, _grant, _events in cases:
        ends = term_end(patent_type, filing_date)
        days.update(ends + timedelta(days=offset) for offset in (-2, -1, 0, 1, 2))
    # Term ends on 28/29 February and 1 March of leap and common years are among them.
    assert {date(2020, 2, 28), date(2020, 2, 29), date(2020, 3, 1), date(2021, 2, 28), date(2021, 3, 1)} <= days
    in_force = assert_agree(written, sorted(days))
    assert 0 < max(in_force) and min(in_force) < len(written)


def years_later(day, years):
    return day.replace(year=day.year + years, day=min(day.day, 28))


def test_random_histories_of_every_type_agree_on_random_days():
    """Longer histories than the grid: up to eight events over the whole term, including repeated
    lapses and restorations, every type, filing dates from 1995 to 2022."""
    rng = random.Random(17)
    start = date(1995, 1, 1)
    cases = []
    for _index in range(3000):
        filing_date = start + timedelta(days=rng.randrange(28 * 365))
        patent_type = rng.choice(PatentType.values)
        grant_date = filing_date + timedelta(days=rng.randrange(2000)) if rng.random() < 0.7 else None
        picked = {
            (rng.choice(KINDS), filing_date + timedelta(days=rng.randrange(25 * 365)))
            for _event in range(rng.randrange(9))
        }
        cases.append((patent_type, filing_date, grant_date, tuple(picked)))
    written = write(cases)
    days = [start + timedelta(days=rng.randrange(50 * 365)) for _day in range(40)]
    in_force = assert_agree(written, days)
    assert sum(in_force) > 0
