"""The service institutions the platform counts: on the home page and toward the plan's targets."""

from decimal import Decimal

from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from core.figures import Figure
from core.measures import Measurement, end_of_day

from .models import Institution, InstitutionEvent


def institutions_in_service(district=None, on=None):
    """Institutions approved at the end of `on` (None: now), in their district, by their status history:
    the state the last `InstitutionEvent` up to that day moved them to (before their first event after
    it, the state that event left; without events, their status since `approved_at`). Suspending one
    today leaves earlier figures as they were. An institution pausing its own listing stays approved:
    it still exists in the city, it is only not shown in the directory."""
    records = Institution.objects.all()
    if on is not None:
        end = end_of_day(on)
        before = InstitutionEvent.objects.filter(institution=OuterRef("pk"), created_at__lt=end).order_by(
            "-created_at", "-pk"
        )
        after = InstitutionEvent.objects.filter(institution=OuterRef("pk"), created_at__gte=end).order_by(
            "created_at", "pk"
        )
        records = records.annotate(
            status_then=Coalesce(
                Subquery(before.values("to_status")[:1]), Subquery(after.values("from_status")[:1]), F("status")
            )
        ).filter(status_then=Institution.Status.APPROVED)
        records = records.exclude(approved_at__gte=end)
    else:
        records = records.filter(status=Institution.Status.APPROVED)
    if district is not None:
        records = records.filter(district=district)
    return records


def institution_count(district=None, on=None):
    on = on or timezone.localdate()
    count = institutions_in_service(district, on).count()
    return Measurement(Decimal(count), parts=((_("已通过审核的机构（家）"), count),))


def listed_institutions():
    """The institutions in service today (`institutions_in_service`), in their districts: the home
    page's figure, the same rule the plan's target counts on any day."""
    return Figure(institutions_in_service(), district_lookup="district")


def institutions_in_centre():
    """The public institutions housed in the service centre (知识产权服务中心), by their district: the figure
    the centre's page shows."""
    return Figure(Institution.objects.housed_in_centre(), district_lookup="district")
