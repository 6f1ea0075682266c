"""Registration numbers, issued in one place.

A work's number is 苏作登字-<year>-<letter>-<8-digit serial> (the letter names the category of the work,
as the national register's numbers do); a contract's is 苏作合字-<year>-<T|L>-<serial> (transfer, licence).
Each series and year counts from 1 in a `RegistrationSequence` row, locked while a number is taken, so two
approvals at the same moment wait for each other and never share a number; the number's unique
constraint is the last guard.
"""

from django.db import IntegrityError, transaction

from .models import Kind, RegistrationSequence, WorkType

WORK_PREFIX = "苏作登字"
CONTRACT_PREFIX = "苏作合字"

WORK_LETTERS = {
    WorkType.TEXT: "A",
    WorkType.MUSIC: "C",
    WorkType.DRAMA: "D",
    WorkType.QUYI: "E",
    WorkType.FINE_ART: "F",
    WorkType.PHOTOGRAPHY: "G",
    WorkType.DANCE: "H",
    WorkType.AUDIOVISUAL: "I",
    WorkType.DESIGN_DRAWING: "J",
    WorkType.MAP: "K",
    WorkType.MODEL: "M",
    WorkType.ARCHITECTURE: "N",
    WorkType.ACROBATICS: "P",
    WorkType.SOFTWARE: "R",
    WorkType.OTHER: "Z",
}
CONTRACT_LETTERS = {Kind.TRANSFER: "T", Kind.LICENCE: "L"}


def series_of(filing):
    """(prefix, letter) of the series the filing's number is taken from."""
    if filing.kind == Kind.WORK:
        return WORK_PREFIX, WORK_LETTERS[filing.work_type]
    return CONTRACT_PREFIX, CONTRACT_LETTERS[filing.kind]


def format_number(prefix, year, letter, serial):
    return f"{prefix}-{year}-{letter}-{serial:08d}"


def _locked_sequence(series, year):
    sequence = RegistrationSequence.objects.select_for_update().filter(series=series, year=year).first()
    if sequence is not None:
        return sequence
    try:
        with transaction.atomic():
            RegistrationSequence.objects.create(series=series, year=year)
    except IntegrityError:
        pass  # another approval created it a moment ago: take its lock below
    return RegistrationSequence.objects.select_for_update().get(series=series, year=year)


def next_number(filing, year):
    """The next number of the filing's series in `year`; call inside the approval's transaction."""
    prefix, letter = series_of(filing)
    with transaction.atomic():
        sequence = _locked_sequence(f"{prefix}-{letter}", year)
        sequence.last_serial += 1
        sequence.save(update_fields=["last_serial"])
    return format_number(prefix, year, letter, sequence.last_serial)
