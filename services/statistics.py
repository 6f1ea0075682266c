"""The service institutions the platform counts: on the home page and toward the plan's targets."""

from core.figures import Figure

from .models import Institution


def listed_institutions():
    """Approved institutions shown in the directory (`Institution.objects.public()`), each counted from
    the day it was approved, in its own district. A suspended or hidden institution no longer counts."""
    return Figure(Institution.objects.public(), date_field="approved_at", district_lookup="district")
