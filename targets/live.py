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

from .models import PLAN_START


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
            # A record without its start day (older data) counts from the start of the plan.
            start_day = _as_day(started) or PLAN_START
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


def _institutions():
    from services.models import Institution

    return Institution.objects.public()


def _training_certificates(course_type):
    def records():
        from training.models import Certificate

        return Certificate.objects.filter(course_type=course_type)

    return records


def _deals(section):
    def records():
        from listings.models import Deal

        return Deal.objects.filter(section=section)

    return records


def _closed_cases():
    from rights.models import Case, Status

    return Case.objects.filter(status=Status.CLOSED, closed_at__isnull=False)


register(
    LiveRule(
        code="service-institutions",
        label=_("知识产权服务机构（已通过审核且对外展示）"),
        description=_(
            "平台服务机构名录中审核状态为“已通过”且对外展示的机构数（services.Institution.objects.public()："
            "status = approved 且 is_active = True）；按通过时间 approved_at 计入统计日，按机构所在县区分区。"
            "被暂停或机构自行停止展示的不计入。"
        ),
        model="services.Institution",
        records=_institutions,
        date_field="approved_at",
        date_is_datetime=True,
        district_lookup="district",
        columns=(
            (_("机构"), "organisation__name"),
            (_("类型"), "institution_type"),
            (_("县区"), "district__name"),
            (_("通过时间"), "approved_at"),
        ),
    )
)

_CERTIFICATE_COLUMNS = (
    (_("证书编号"), "number"),
    (_("姓名"), "holder_name"),
    (_("所在单位"), "organisation__name"),
    (_("课程"), "course_title"),
    (_("发证日期"), "issued_on"),
)

register(
    LiveRule(
        code="ip-engineers-trained",
        label=_("累计培训知识产权工程师（结业证书）"),
        description=_(
            "培训类型为“知识产权工程师”的课程颁发的结业证书数（training.Certificate：course_type = ip_engineer），"
            "按发证日期 issued_on 计入统计日，按学员所在单位的县区分区；每完成一次培训计一人次。"
        ),
        model="training.Certificate",
        records=_training_certificates("ip_engineer"),
        date_field="issued_on",
        district_lookup="organisation__district",
        columns=_CERTIFICATE_COLUMNS,
    )
)

register(
    LiveRule(
        code="patent-agents-trained",
        label=_("累计培训专利代理人（结业证书）"),
        description=_(
            "培训类型为“专利代理人”的课程颁发的结业证书数（training.Certificate：course_type = patent_agent），"
            "按发证日期 issued_on 计入统计日，按学员所在单位的县区分区。"
        ),
        model="training.Certificate",
        records=_training_certificates("patent_agent"),
        date_field="issued_on",
        district_lookup="organisation__district",
        columns=_CERTIFICATE_COLUMNS,
    )
)

_DEAL_COLUMNS = (
    (_("信息"), "listing__title"),
    (_("交易对方"), "counterparty_name"),
    (_("县区"), "district__name"),
    (_("金额（万元）"), "amount"),
    (_("成交日期"), "deal_date"),
)

register(
    LiveRule(
        code="pledge-financing-deals",
        label=_("知识产权质押融资贷款笔数"),
        description=_(
            "平台质押融资需求登记为成交（放款）的笔数（listings.Deal：section = financing_need），"
            "按成交日期 deal_date 计入统计日，按发布方所在县区分区。方案要求“实现突破”，即至少一笔。"
        ),
        model="listings.Deal",
        records=_deals("financing_need"),
        date_field="deal_date",
        district_lookup="district",
        columns=_DEAL_COLUMNS,
    )
)

register(
    LiveRule(
        code="pledge-financing-amount",
        label=_("知识产权质押融资贷款金额"),
        description=_(
            "平台质押融资成交记录的贷款金额合计，单位万元（listings.Deal：section = financing_need，Sum(amount)），"
            "按成交日期 deal_date 计入统计日。"
        ),
        model="listings.Deal",
        records=_deals("financing_need"),
        date_field="deal_date",
        district_lookup="district",
        amount_field="amount",
        columns=_DEAL_COLUMNS,
    )
)

register(
    LiveRule(
        code="transaction-deals",
        label=_("知识产权交易成交笔数"),
        description=_(
            "平台知识产权交易信息（转让、许可、合作）登记为成交的笔数（listings.Deal：section = transaction），"
            "按成交日期 deal_date 计入统计日。"
        ),
        model="listings.Deal",
        records=_deals("transaction"),
        date_field="deal_date",
        district_lookup="district",
        columns=_DEAL_COLUMNS,
    )
)

register(
    LiveRule(
        code="rights-cases-closed",
        label=_("维权援助与举报投诉办结案件数"),
        description=_(
            "维权援助申请和侵权举报投诉中已办结的案件数（rights.Case：status = closed），按办结时间 closed_at "
            "计入统计日，按案件所在县区分区；未注明县区的案件只计入全市。"
        ),
        model="rights.Case",
        records=_closed_cases,
        date_field="closed_at",
        date_is_datetime=True,
        district_lookup="district",
        columns=(
            (_("受理编号"), "tracking_number"),
            (_("类型"), "kind"),
            (_("类别"), "category"),
            (_("县区"), "district__name"),
            (_("办结时间"), "closed_at"),
        ),
    )
)


def get_rule(code):
    return RULES.get(code)
