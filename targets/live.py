"""The indicators the platform counts live, each read from the figure of the app that owns the records.

A rule adds to the owning app's figure (`core.figures.Figure`, from `<app>/statistics.py`) only what the
targets show: the words staff read next to the value, whether it counts records or sums an amount, and
the columns of the drill-down table of the records behind it (whose SQL staff can read). Counting
happens on every request: changing the data changes the figure at once.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import partial

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from funding import statistics as funding_statistics
from listings import statistics as listings_statistics
from rights import statistics as rights_statistics
from services import statistics as services_statistics
from training import statistics as training_statistics
from training.models import CourseType

from . import statistics as targets_statistics
from .models import PLAN_START


@dataclass(frozen=True)
class LiveRule:
    code: str
    label: str
    description: str
    figure: Callable  # () -> core.figures.Figure, from the owning app's statistics module
    sums_amount: bool = False  # the figure's total amount instead of its number of records
    columns: tuple = field(default_factory=tuple)  # (label, attribute path) for the drill-down table

    def queryset(self, district=None, on=None):
        """The records behind the figure, for one district (None = the whole city), as they stood on `on`."""
        return self.figure().queryset(district, on)

    def value(self, district=None, on=None):
        figure = self.figure()
        return figure.total(district, on) if self.sums_amount else Decimal(figure.count(district, on))

    def history(self, district=None):
        """[(date, value), …]: the figure after each day something changed, oldest first. A record
        without its start day (older data) counts from the start of the plan."""
        return self.figure().history(district, amounts=self.sums_amount, undated_from=PLAN_START)

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
        figure=targets_statistics.certified_enterprises,
        columns=(
            (_("企业"), "enterprise__name"),
            (_("县区"), "enterprise__district__name"),
            (_("证书编号"), "certificate_number"),
            (_("认定日期"), "certified_on"),
            (_("认定单位"), "issued_by"),
        ),
    )
)


register(
    LiveRule(
        code="service-institutions",
        label=_("知识产权服务机构（已通过审核且对外展示）"),
        description=_(
            "平台服务机构名录中审核状态为“已通过”且对外展示的机构数（services.Institution.objects.public()："
            "status = approved 且 is_active = True）；按通过时间 approved_at 计入统计日，按机构所在县区分区。"
            "被暂停或机构自行停止展示的不计入。"
        ),
        figure=services_statistics.listed_institutions,
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
        figure=partial(training_statistics.completions, CourseType.IP_ENGINEER),
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
        figure=partial(training_statistics.completions, CourseType.PATENT_AGENT),
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
        figure=listings_statistics.financing_deals,
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
        figure=listings_statistics.financing_deals,
        sums_amount=True,
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
        figure=listings_statistics.transaction_deals,
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
        figure=rights_statistics.closed_cases,
        columns=(
            (_("受理编号"), "tracking_number"),
            (_("类型"), "kind"),
            (_("类别"), "category"),
            (_("县区"), "district__name"),
            (_("办结时间"), "closed_at"),
        ),
    )
)

register(
    LiveRule(
        code="special-funds-paid",
        label=_("知识产权专项资金拨付金额"),
        description=_(
            "专项资金申请经公示期满、由财政部门登记拨付的金额合计，单位元（funding.Application：status = paid，"
            "Sum(paid_amount)），按拨付日期 paid_on 计入统计日，按申请单位所在县区分区。"
        ),
        figure=funding_statistics.funds_paid,
        sums_amount=True,
        columns=(
            (_("申请单位"), "organisation__name"),
            (_("资助项目"), "programme__title"),
            (_("拨付金额（元）"), "paid_amount"),
            (_("拨付日期"), "paid_on"),
        ),
    )
)

register(
    LiveRule(
        code="special-funds-share",
        label=_("知识产权专项资金占本级一般预算支出比例"),
        description=_(
            "当年登记拨付的专项资金（funding.Application：status = paid，paid_on 在当年，Sum(paid_amount)）"
            "除以工作人员录入的当年本级一般预算支出（funding.BudgetYear），乘以 100，单位 %；当年尚未录入时"
            "用最近一个已录入年度。分县区时为该县区企业获拨资金占全市一般预算支出的比例。"
        ),
        figure=funding_statistics.funds_share,
        sums_amount=True,
        columns=(
            (_("申请单位"), "organisation__name"),
            (_("资助项目"), "programme__title"),
            (_("拨付金额（元）"), "paid_amount"),
            (_("拨付日期"), "paid_on"),
        ),
    )
)


def get_rule(code):
    return RULES.get(code)
