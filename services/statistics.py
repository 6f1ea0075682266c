"""Figures for the targets dashboard: the plan counts approved, active service institutions and their work.

Every function reads public, approved institutions only (`Institution.objects.public()`), except
`applications_by_status`, which is for staff.
"""

from django.db.models import Count, Sum

from .models import PAID_STATUSES, Institution, InstitutionType, Order, OrderStatus


def institution_count():
    """Approved, active institutions: the plan's count of service institutions."""
    return Institution.objects.public().count()


def institutions_by_type():
    """{type code: {"label": display name, "count": n}} for every type, zero included."""
    counts = dict(Institution.objects.public().values_list("institution_type").annotate(n=Count("pk")).order_by())
    return {code: {"label": str(label), "count": counts.get(code, 0)} for code, label in InstitutionType.choices}


def institutions_by_district():
    """[{"district": name, "code": code, "count": n}] of districts with at least one institution."""
    rows = (
        Institution.objects.public()
        .values("district__code", "district__name", "district__sort_order")
        .annotate(count=Count("pk"))
        .order_by("district__sort_order")
    )
    return [{"code": row["district__code"], "district": row["district__name"], "count": row["count"]} for row in rows]


def applications_by_status():
    return dict(Institution.objects.values_list("status").annotate(n=Count("pk")).order_by())


def order_figures(since=None, until=None):
    """Completed orders and money paid through the platform, amounts in fen.

    `completed_count`/`completed_amount`: orders completed (by `completed_at` in the period if given);
    `paid_amount`: orders paid and not refunded (by `paid_at`).
    """
    completed = Order.objects.filter(status=OrderStatus.COMPLETED)
    paid = Order.objects.filter(status__in=PAID_STATUSES)
    if since is not None:
        completed, paid = completed.filter(completed_at__gte=since), paid.filter(paid_at__gte=since)
    if until is not None:
        completed, paid = completed.filter(completed_at__lt=until), paid.filter(paid_at__lt=until)
    done = completed.aggregate(count=Count("pk"), amount=Sum("amount"))
    return {
        "completed_count": done["count"],
        "completed_amount": done["amount"] or 0,
        "paid_count": paid.count(),
        "paid_amount": paid.aggregate(amount=Sum("amount"))["amount"] or 0,
    }
