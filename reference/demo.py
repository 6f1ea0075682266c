"""Districts and responsible units: seeded by migration, re-asserted here so demo data is complete."""

from .data import ensure_reference_data
from .models import District, ResponsibleUnit

REQUIRES = ()


def load(stdout):
    ensure_reference_data(District, ResponsibleUnit)
    return []
