"""A patent's term and its current legal status, from its type, filing date and legal-status events.

One function decides, for the register, the daily re-evaluation, the postings and the search facets:
`current_status`. It is pure (dates and event tuples in, a result out), so it is tested without a
database and the same answer comes from an import, the beat task and a record page. Its SQL twin,
`in_force_on`, answers "in force on a day?" for a whole queryset at once, for the counts (see there why
there are two).

The term is the Patent Law's: an invention 20 years from filing, a utility model 10, a design 10 if
filed before 2021-06-01 (when the fourth amendment took effect) and 15 from then on. A PCT national-
phase entry's filing date is its international filing date, which is what the register stores for it.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from core.dates import years_after

DESIGN_TERM_CHANGE = date(2021, 6, 1)


class PatentType(models.TextChoices):
    INVENTION = "invention", _("发明")
    UTILITY_MODEL = "utility_model", _("实用新型")
    DESIGN = "design", _("外观设计")


# The type digit of the application number → the type (8 and 9 are PCT entries of the first two).
TYPE_BY_DIGIT = {
    "1": PatentType.INVENTION,
    "8": PatentType.INVENTION,
    "2": PatentType.UTILITY_MODEL,
    "9": PatentType.UTILITY_MODEL,
    "3": PatentType.DESIGN,
}


class EventKind(models.TextChoices):
    GRANT = "grant", _("授权")
    TRANSFER = "transfer", _("权利转移")
    LICENCE = "licence", _("实施许可")
    PLEDGE = "pledge", _("质押")
    PLEDGE_RELEASE = "pledge_release", _("质押解除")
    ANNUITY_LAPSE = "annuity_lapse", _("未缴年费终止")
    RESTORATION = "restoration", _("权利恢复")
    INVALIDATION = "invalidation", _("宣告无效")
    EXPIRY = "expiry", _("期限届满")


class LegalStatus(models.TextChoices):
    PENDING = "pending", _("审查中")
    VALID = "valid", _("有效")
    TRANSFERRED = "transferred", _("有效（已转移）")
    LAPSED = "lapsed", _("未缴年费失效")
    EXPIRED = "expired", _("期限届满失效")
    INVALIDATED = "invalidated", _("宣告无效")


IN_FORCE = frozenset({LegalStatus.VALID, LegalStatus.TRANSFERRED})


def term_years(patent_type, filing_date):
    if patent_type == PatentType.INVENTION:
        return 20
    if patent_type == PatentType.UTILITY_MODEL:
        return 10
    return 10 if filing_date < DESIGN_TERM_CHANGE else 15


def term_end(patent_type, filing_date):
    """The day the term ends: the anniversary of filing after `term_years` (28 February for 29 February)."""
    return years_after(filing_date, term_years(patent_type, filing_date))


def trademark_term_end(registration_date):
    """The last day of a registration's ten years of exclusive right (商标法 第三十九条), renewals aside."""
    return years_after(registration_date, 10) - timedelta(days=1)


@dataclass(frozen=True)
class StatusResult:
    status: str
    term_ends: date
    # The date the status took effect (the event's, or the term's end); None while pending.
    since: date | None

    @property
    def in_force(self):
        return self.status in IN_FORCE


# Events that decide the status, in the order they are applied when two fall on the same day.
_ORDER = {kind: index for index, kind in enumerate(EventKind.values)}


def current_status(patent_type, filing_date, events, today, grant_date=None):
    """The status on `today` of a patent of `patent_type` filed on `filing_date`.

    `events` are (kind, date) pairs in any order; events after `today` are not yet in effect. A grant
    date without a grant event counts as one (exports give the date in its own column). An invalidated
    patent stays invalidated (invalidity is from the start); a lapsed one is valid again only after a
    restoration; once the term has ended nothing brings it back.
    """
    ends = term_end(patent_type, filing_date)
    effective = sorted(
        ((day, kind) for kind, day in events if day is not None and day <= today),
        key=lambda item: (item[0], _ORDER.get(item[1], 99)),
    )
    if grant_date is not None and grant_date <= today and all(kind != EventKind.GRANT for _day, kind in effective):
        effective.insert(0, (grant_date, EventKind.GRANT))
        effective.sort(key=lambda item: (item[0], _ORDER.get(item[1], 99)))
    status, since = LegalStatus.PENDING, None
    for day, kind in effective:
        if status in (LegalStatus.INVALIDATED, LegalStatus.EXPIRED):
            break
        if kind == EventKind.GRANT and status == LegalStatus.PENDING:
            status, since = LegalStatus.VALID, day
        elif kind == EventKind.TRANSFER and status in IN_FORCE:
            status, since = LegalStatus.TRANSFERRED, day
        elif kind == EventKind.ANNUITY_LAPSE and status in IN_FORCE:
            status, since = LegalStatus.LAPSED, day
        elif kind == EventKind.RESTORATION and status == LegalStatus.LAPSED:
            status, since = LegalStatus.VALID, day
        elif kind == EventKind.INVALIDATION:
            status, since = LegalStatus.INVALIDATED, day
        elif kind == EventKind.EXPIRY:
            status, since = LegalStatus.EXPIRED, day
    if today >= ends and status not in (LegalStatus.INVALIDATED, LegalStatus.EXPIRED, LegalStatus.LAPSED):
        status, since = LegalStatus.EXPIRED, ends
    return StatusResult(status=status, term_ends=ends, since=since)


def _last_filing_ended_by(day, years):
    """The latest filing date whose term of `years` has ended on `day` (a term ends on its anniversary,
    `years_after`, so a patent filed after this date is still within its term on `day`).

    Found by stepping from the same day `years` earlier: `years_after` never decreases as the filing date
    grows, but 29 February's anniversary is 28 February in a common year, so the naive subtraction can be
    a day off in either direction.
    """
    filed = years_after(day, -years)
    while years_after(filed + timedelta(days=1), years) <= day:
        filed += timedelta(days=1)
    while years_after(filed, years) > day:
        filed -= timedelta(days=1)
    return filed


def _within_term(day):
    """Q: the patent's term (`term_end`) has not ended on `day`, per type, as `term_years` says."""
    return (
        Q(patent_type=PatentType.INVENTION, filing_date__gt=_last_filing_ended_by(day, 20))
        | Q(patent_type=PatentType.UTILITY_MODEL, filing_date__gt=_last_filing_ended_by(day, 10))
        | Q(
            patent_type=PatentType.DESIGN,
            filing_date__lt=DESIGN_TERM_CHANGE,
            filing_date__gt=_last_filing_ended_by(day, 10),
        )
        | Q(
            patent_type=PatentType.DESIGN,
            filing_date__gte=DESIGN_TERM_CHANGE,
            filing_date__gt=_last_filing_ended_by(day, 15),
        )
    )


def in_force_on(patents, day):
    """The patents of the queryset `patents` that are in force at the end of `day`: the same answer as
    `current_status(...).in_force` on each of them with their events, decided in one SQL query.

    Why two forms of one rule: `current_status` states the rule for one record (an import, the daily
    re-evaluation, a record page) and gives the status and its start; the counts (valid invention patents
    per 10,000 residents, for any district and any past day) need the in-force set of a whole register,
    which at a province's size cannot be read into Python event by event. The two MUST agree; the test
    `register/tests/test_status_sql.py` compares them on generated event sequences. Change both together.

    `current_status`'s walk over the events, restated as conditions on the events up to `day`:
    - granted: the first grant event by then, else the export's grant date if by then (`granted_on`);
    - no invalidation or expiry event by then, whenever it fell (they end the patent from any state);
    - within its term (`_within_term`);
    - not lapsed: a lapse counts from the first grant on (a lapse before it finds the patent pending; on
      the grant's day the grant comes first, `_ORDER`), and is undone by a restoration on or after its
      day (on the same day the restoration comes after it) up to `day`. Transfers, licences and pledges
      leave a patent in force.
    """
    events = patents.model._meta.get_field("events").related_model.objects
    up_to_day = events.filter(patent=OuterRef("pk"), date__lte=day)
    first_grant = up_to_day.filter(kind=EventKind.GRANT).order_by("date").values("date")[:1]
    restored = events.filter(
        patent=OuterRef("patent"), kind=EventKind.RESTORATION, date__gte=OuterRef("date"), date__lte=day
    )
    unrestored_lapse = up_to_day.filter(kind=EventKind.ANNUITY_LAPSE, date__gte=OuterRef("granted_on")).exclude(
        Exists(restored)
    )
    ended = up_to_day.filter(kind__in=(EventKind.INVALIDATION, EventKind.EXPIRY))
    return (
        patents.alias(granted_on=Coalesce(Subquery(first_grant), "grant_date"))
        .filter(_within_term(day), granted_on__lte=day)
        .exclude(Exists(ended))
        .exclude(Exists(unrestored_lapse))
    )
