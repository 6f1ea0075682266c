"""What special funds count: the payments finance recorded (toward the targets: the live rules
"special-funds-paid" and "special-funds-share", the latter as a share of the general budget expenditure
staff enter per year), and the totals the statistics page shows per programme, year, district and item
type, with each programme's budget used against its budget."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.figures import Figure

from .models import Application, ApplicationItem, BudgetYear, ItemType, Programme

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


@dataclass(frozen=True)
class BudgetShare(Figure):
    """专项工作经费占一般预算支出比例 (%): the funds paid in the latest year staff entered a general budget
    expenditure for (up to the day asked about), against that expenditure. Without a figure for any year
    up to that day, the share is 0. The records behind it are that year's payments."""

    def _year(self, on):
        day = on or timezone.localdate()
        return BudgetYear.objects.filter(year__lte=day.year).order_by("-year").first()

    def queryset(self, district=None, on=None, since=None):
        records = super().queryset(district, on, since)
        budget = self._year(on)
        return records.filter(paid_on__year=budget.year) if budget else records.none()

    def total(self, district=None, on=None, since=None):
        budget = self._year(on)
        if budget is None:
            return Decimal("0")
        paid = super().total(district, on, since)
        return (paid * 100 / budget.general_expenditure).quantize(Decimal("0.0001"))

    def history(self, district=None, amounts=False, undated_from=None):
        """The share after each payment and at the start of each year with a budget figure."""
        days = {timezone.datetime(year, 1, 1).date() for year in BudgetYear.objects.values_list("year", flat=True)}
        days |= set(Application.objects.filter(status=Application.Status.PAID).values_list("paid_on", flat=True))
        return [(day, self.total(district, day)) for day in sorted(days)]


def funds_share():
    return BudgetShare(
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
