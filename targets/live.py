"""The counting rules behind the indicators the platform counts live.

Each rule says in words what it counts (shown to staff next to the figure), builds the queryset of the
records behind the figure (the drill-down, whose SQL staff can read), and from it the value — for the
whole city or one district, on any day — and its history. Counting happens on every request: changing
the data changes the figure at once. A rule whose app is not installed or has no such model reports
itself unavailable rather than a made-up figure.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.apps import apps
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RuleUnavailable(Exception):
    pass


@dataclass(frozen=True)
class LiveRule:
    code: str
    label: str
    description: str
    model: str  # "app_label.ModelName" the records are
    records: Callable  # () -> queryset of every record that counts, today
    date_field: str  # the day a record starts counting
    district_lookup: str  # path from a record to its reference.District
    end_field: str = ""  # the day a record stops counting (revocation), if any
    amount_field: str = ""  # sum this field instead of counting records
    date_is_datetime: bool = False
    columns: tuple = field(default_factory=tuple)  # (label, attribute path) for the drill-down table

    # -- availability ------------------------------------------------------------------------------
    def unavailable_reason(self):
        app_label, model_name = self.model.split(".")
        if not apps.is_installed(app_label) and app_label not in {a.label for a in apps.get_app_configs()}:
            return _("应用“%(app)s”尚未安装。") % {"app": app_label}
        try:
            apps.get_model(app_label, model_name)
            self.records()
        except (LookupError, ImportError, AttributeError) as error:
            return _("统计所需的数据（%(model)s）尚不可用：%(error)s") % {"model": self.model, "error": error}
        return None

    @property
    def available(self):
        return self.unavailable_reason() is None

    # -- counting ----------------------------------------------------------------------------------
    def _day_lookup(self, name):
        return f"{name}__date" if self.date_is_datetime else name

    def queryset(self, district=None, on=None):
        """The records behind the figure, for one district (None = the whole city), as they stood on `on`."""
        records = self.records()
        if on is not None:
            records = records.filter(**{f"{self._day_lookup(self.date_field)}__lte": on})
            if self.end_field:
                records = records.exclude(**{f"{self._day_lookup(self.end_field)}__lte": on})
        elif self.end_field:
            records = records.filter(**{f"{self.end_field}__isnull": True})
        if district is not None:
            records = records.filter(**{self.district_lookup: district})
        return records

    def value(self, district=None, on=None):
        records = self.queryset(district, on)
        if self.amount_field:
            return records.aggregate(total=Sum(self.amount_field))["total"] or Decimal("0")
        return Decimal(records.count())

    def history(self, district=None):
        """[(date, value), …]: the figure after each day something changed, oldest first (one query)."""
        records = self.records()  # revoked ones too: they counted until their end
        if district is not None:
            records = records.filter(**{self.district_lookup: district})
        fields = [self.date_field, self.end_field or self.date_field, self.amount_field or self.date_field]
        changes = {}
        for started, ended, amount in records.values_list(*fields):
            size = Decimal(amount or 0) if self.amount_field else Decimal(1)
            start_day = _as_day(started)
            changes[start_day] = changes.get(start_day, Decimal(0)) + size
            if self.end_field and ended:
                end_day = _as_day(ended)
                changes[end_day] = changes.get(end_day, Decimal(0)) - size
        total, points = Decimal(0), []
        for day in sorted(changes):
            total += changes[day]
            points.append((day, total))
        return points

    def sql(self, district=None, on=None):
        return str(self.queryset(district, on).query)

    def drilldown(self, district=None, on=None, limit=200):
        """Rows for the table of records behind the figure: [[cell, …], …] and the total number."""
        records = self.queryset(district, on)
        related = sorted({path.rsplit("__", 1)[0] for _label, path in self.columns if "__" in path})
        if related:
            records = records.select_related(*related)
        rows = [[_resolve(record, path) for _label, path in self.columns] for record in records[:limit]]
        return rows, records.count()


def _as_day(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _resolve(record, path):
    value = record
    for part in path.split("__"):
        if value is None:
            return ""
        display = getattr(value, f"get_{part}_display", None)
        value = display() if callable(display) else getattr(value, part)
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


# -- the rules ---------------------------------------------------------------------------------------


def _certifications():
    from .models import DemonstrationCertification

    return DemonstrationCertification.objects.all()


RULES = {}


def register(rule):
    RULES[rule.code] = rule
    return rule


register(
    LiveRule(
        code="demonstration-enterprises",
        label=_("知识产权管理标准化示范企业（认定记录）"),
        description=_(
            "工作人员录入、附有证明材料的“知识产权管理标准化示范企业”认定记录中，截至统计日已认定且未撤销的企业数"
            "（DemonstrationCertification：certified_on ≤ 统计日，且未在统计日前撤销；每家企业同时只有一条有效认定）。"
        ),
        model="targets.DemonstrationCertification",
        records=_certifications,
        date_field="certified_on",
        end_field="revoked_on",
        district_lookup="enterprise__district",
        columns=(
            (_("企业"), "enterprise__name"),
            (_("县区"), "enterprise__district__name"),
            (_("证书编号"), "certificate_number"),
            (_("认定日期"), "certified_on"),
            (_("认定单位"), "issued_by"),
        ),
    )
)


def get_rule(code):
    return RULES.get(code)
