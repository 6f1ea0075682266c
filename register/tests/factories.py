"""Register records for tests, written the way an import writes them: parties in order, legal events,
and the status computed by `Patent.evaluate_status` / `Trademark.evaluate_status`."""

import itertools
from datetime import date

from django.utils import timezone

from reference.models import District
from register.models import ImportSource, LegalEvent, Patent, PatentParty, Trademark
from register.numbers import patent_check_digit
from register.terms import PatentType, trademark_term_end

_serials = itertools.count(100_001)
_TYPE_DIGITS = {PatentType.INVENTION: "1", PatentType.UTILITY_MODEL: "2", PatentType.DESIGN: "3"}


def _district(code):
    return District.objects.get(code=code) if code else None


def _source():
    return ImportSource.for_kind(ImportSource.Kind.DEMO)


def application_number(filing_date, patent_type=PatentType.INVENTION, pct=False):
    digit = "8" if pct else _TYPE_DIGITS[patent_type]
    digits = f"{filing_date.year}{digit}{next(_serials):07d}"
    return f"{digits}.{patent_check_digit(digits)}"


def make_patent(
    filing_date,
    *,
    patent_type=PatentType.INVENTION,
    grant_date=None,
    district="haizhou",
    applicant_kind="enterprise",
    applicant="连云港港城新材料有限公司",
    pct=False,
    events=(),
    number=None,
):
    """A patent of one applicant in `district` (None: outside the city), with (kind, date) events."""
    patent = Patent(
        application_number=number or application_number(filing_date, patent_type, pct),
        patent_type=patent_type,
        is_pct=pct,
        filing_date=filing_date,
        grant_date=grant_date,
        title="一种港口散货输送装置",
        district=_district(district),
        source=_source(),
    )
    patent.evaluate_status(events=list(events))
    patent.save()
    PatentParty.objects.create(patent=patent, position=0, name=applicant, district=patent.district, kind=applicant_kind)
    LegalEvent.objects.bulk_create(LegalEvent(patent=patent, kind=kind, date=day) for kind, day in events)
    return patent


def add_event(patent, kind, day):
    """A later export adds an event: the record and its stored status follow, as an import does."""
    LegalEvent.objects.create(patent=patent, kind=kind, date=day)
    patent.evaluate_status()
    patent.save()
    return patent


_registrations = itertools.count(30_000_001)


def make_trademark(
    registration_date,
    *,
    district="haizhou",
    status=Trademark.Status.REGISTERED,
    status_since=None,
    expiry_date=None,
    **flags,
):
    """A trademark registered on `registration_date` for ten years (or until `expiry_date`)."""
    mark = Trademark(
        registration_number=str(next(_registrations)),
        nice_class=29,
        name="花果山",
        registrant_name="连云港花果山食品有限公司",
        district=_district(district),
        source=_source(),
        application_date=date(registration_date.year - 1, 1, 1),
        registration_date=registration_date,
        expiry_date=expiry_date or trademark_term_end(registration_date),
        status=status,
        status_since=status_since,
        status_checked_at=timezone.now(),
        **flags,
    )
    mark.evaluate_status()
    mark.save()
    return mark
