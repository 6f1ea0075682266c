"""What special funds count: the payments finance recorded (toward the targets: the live rule
"special-funds-paid"), and the totals the statistics page shows per programme, year, district and item
type, with each programme's budget used against its budget."""

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from core.figures import Figure

from .models import Application, ApplicationItem, ItemType, Programme

ZERO = Decimal("0.00")


def funds_paid():
    """Special funds paid: each paid application's amount, counted from the day it was paid, in the
    district of the applicant organisation."""
    return Figure(
        Application.objects.filter(status=Application.Status.PAID),
        date_field="paid_on",
        district_lookup="organisation__district",
        amount_field="paid_amount",
    )


def _paid():
    return Application.objects.filter(status=Application.Status.PAID)


def by_programme():
    """Every published programme with its budget, the amount granted (approved, publicised or paid) and paid."""
    approved = Q(applications__status__in=Application.APPROVED_STATES)
    paid = Q(applications__status=Application.Status.PAID)
    return (
        Programme.objects.public()
        .annotate(
            granted=Coalesce(Sum("applications__approved_amount", filter=approved), ZERO),
            paid=Coalesce(Sum("applications__paid_amount", filter=paid), ZERO),
            paid_count=Count("applications", filter=paid),
        )
        .order_by("-year", "title")
    )


def by_year():
    return list(
        _paid().values("programme__year").annotate(total=Sum("paid_amount"), n=Count("pk")).order_by("programme__year")
    )


def by_district():
    return list(
        _paid()
        .values("organisation__district__name")
        .annotate(total=Sum("paid_amount"), n=Count("pk"))
        .order_by("-total")
    )


def by_item_type():
    """The computed amounts of the eligible items of paid applications, by type (before any cap)."""
    rows = (
        ApplicationItem.objects.filter(application__status=Application.Status.PAID, eligible=True)
        .values("item_type")
        .annotate(total=Sum("amount"), n=Count("pk"))
        .order_by("item_type")
    )
    return [{"label": ItemType(row["item_type"]).label, **row} for row in rows]
