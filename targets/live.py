"""The indicators the platform counts live: one table, each entry naming the owning app's statistics
function that counts it.

An entry names either the owning app's figure (`core.figures.Figure`, from `<app>/statistics.py`: a count
of records, or the sum of an amount), through `Counted`, or its measure (a function `(district, on) →
Measurement` for a ratio, a share, a growth rate or a count with a condition on the day) with the records
behind it, through `Measured`. The targets add only what the dashboard shows: the words staff read next
to the value, the formula and the sources it is computed from, and the columns of the drill-down table
of the records behind it (whose SQL staff can read). Counting happens on every request: changing the data
changes the figure at once, and any past day gives the figure as it stood then.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import partial

from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from advisers import statistics as advisers_statistics
from copyrights import statistics as copyright_statistics
from core.measures import Measurement
from evaluations import statistics as evaluations_statistics
from funding import statistics as funding_statistics
from listings import statistics as listings_statistics
from register import statistics as register_statistics
from rights import statistics as rights_statistics
from services import statistics as services_statistics
from training import statistics as training_statistics
from training.models import CourseType

from . import statistics as targets_statistics
from .models import PLAN_DEADLINE, PLAN_START


@dataclass(frozen=True)
class Counted:
    """An indicator counted by a figure of the owning app: its number of records, or with `amounts` the
    sum of its amount."""

    figure: Callable  # () -> core.figures.Figure
    amounts: bool = False

    def measurement(self, district, on):
        figure = self.figure()
        return Measurement(figure.total(district, on) if self.amounts else Decimal(figure.count(district, on)))

    def queryset(self, district, on):
        return self.figure().queryset(district, on)

    def history(self, district, on):
        """A record without its start day (older data) counts from the start of the plan."""
        return self.figure().history(district, amounts=self.amounts, undated_from=PLAN_START)


@dataclass(frozen=True)
class Measured:
    """An indicator computed by a measure of the owning app, with the function giving the records behind it."""

    measure: Callable  # (district, on) -> core.measures.Measurement
    records: Callable  # (district, on) -> the records behind the measure, for the drill-down

    def measurement(self, district, on):
        return self.measure(district=district, on=on or timezone.localdate())

    def queryset(self, district, on):
        return self.records(district=district, on=on or timezone.localdate())

    def history(self, district, on):
        """Computed at the end of the year before the plan and of each year of the plan before `on` (the
        caller adds the figure of `on` itself): a fixed number of computations whatever the number of
        records."""
        on = on or timezone.localdate()
        last = min(on.year - 1, PLAN_DEADLINE.year)
        days = [date(year, 12, 31) for year in range(PLAN_START.year - 1, last + 1)]
        points = [(day, self.measurement(district, day).value) for day in days]
        return [(day, value) for day, value in points if value is not None]


@dataclass(frozen=True)
class LiveRule:
    code: str
    label: str
    description: str
    formula: str  # the computation in words, shown beside the value
    sources: str  # where the records and reference data come from
    counts: Counted | Measured
    columns: tuple  # (label, attribute path) for the drill-down table

    def queryset(self, district=None, on=None):
        """The records behind the figure, for one district (None = the whole city), as they stood on `on`."""
        return self.counts.queryset(district, on)

    def measurement(self, district=None, on=None):
        return self.counts.measurement(district, on)

    def value(self, district=None, on=None):
        return self.measurement(district, on).value

    def history(self, district=None, on=None):
        """[(date, value), …]: the figure after each day something changed, oldest first."""
        return self.counts.history(district, on)

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


def _joined(*parts):
    """Sentences translated one by one and joined when shown (joining lazy strings at import would fix
    the language of the moment)."""
    return format_lazy("{}" * len(parts), *parts)


# -- the drill-down columns and the sentences several descriptions share ---------------------------------

_CERTIFICATION_COLUMNS = (
    (_("企业"), "enterprise__name"),
    (_("县区"), "enterprise__district__name"),
    (_("证书编号"), "certificate_number"),
    (_("认定日期"), "certified_on"),
    (_("认定单位"), "issued_by"),
)
_INSTITUTION_COLUMNS = (
    (_("机构"), "organisation__name"),
    (_("类型"), "institution_type"),
    (_("县区"), "district__name"),
    (_("通过时间"), "approved_at"),
)
_CERTIFICATE_COLUMNS = (
    (_("证书编号"), "number"),
    (_("姓名"), "holder_name"),
    (_("所在单位"), "organisation__name"),
    (_("课程"), "course_title"),
    (_("发证日期"), "issued_on"),
)
_DEAL_COLUMNS = (
    (_("信息"), "listing__title"),
    (_("交易对方"), "counterparty_name"),
    (_("县区"), "district__name"),
    (_("金额（万元）"), "amount"),
    (_("成交日期"), "deal_date"),
)
_CASE_COLUMNS = (
    (_("受理编号"), "tracking_number"),
    (_("类型"), "kind"),
    (_("类别"), "category"),
    (_("县区"), "district__name"),
    (_("办结时间"), "closed_at"),
)
_PAYMENT_COLUMNS = (
    (_("申请单位"), "organisation__name"),
    (_("资助项目"), "programme__title"),
    (_("拨付金额（元）"), "paid_amount"),
    (_("拨付日期"), "paid_on"),
)
_PATENT_COLUMNS = (
    (_("申请号"), "application_number"),
    (_("名称"), "title"),
    (_("类型"), "patent_type"),
    (_("县区"), "district__name"),
    (_("申请日"), "filing_date"),
    (_("授权公告日"), "grant_date"),
)
_TRADEMARK_COLUMNS = (
    (_("注册号"), "registration_number"),
    (_("商标名称"), "name"),
    (_("注册人"), "registrant_name"),
    (_("县区"), "district__name"),
    (_("注册日期"), "registration_date"),
    (_("专用权期限至"), "expiry_date"),
)
# Not the project's name or owner: evaluation requests are private to their owners and the institution.
_EVALUATION_COLUMNS = (
    (_("评议服务的决策事项"), "decision"),
    (_("评议机构"), "institution__organisation__name"),
    (_("县区"), "district__name"),
    (_("交付时间"), "delivered_at"),
)
_RECOGNITION_COLUMNS = (
    (_("姓名"), "person_name"),
    (_("所在单位"), "organisation__name"),
    (_("职称级别"), "level"),
    (_("评定单位"), "deciding_unit"),
    (_("评定日期"), "decided_on"),
)
_RECORDAL_COLUMNS = (
    (_("海关备案号"), "number"),
    (_("备案权利人"), "holder_name"),
    (_("县区"), "district__name"),
    (_("备案核准日期"), "recorded_on"),
    (_("备案有效期至"), "valid_until"),
)
_WORK_COLUMNS = (
    (_("登记号"), "number"),
    (_("作品名称"), "title"),
    (_("作品类别"), "work_type"),
    (_("县区"), "district__name"),
    (_("登记日期"), "registered_on"),
)
_CONTRACT_COLUMNS = (
    (_("备案号"), "number"),
    (_("作品名称"), "title"),
    (_("类别"), "kind"),
    (_("县区"), "district__name"),
    (_("登记日期"), "registered_on"),
)
_PATENTS = _("知识产权登记簿（专利）")
_TRADEMARKS = _("知识产权登记簿（商标）")
_CITY = _("申请人（注册人）地址在本市某县区的记录计入（登记簿导入时按地址确定县区），按该县区分区。")
_TRADEMARK_IN_FORCE = _(
    "统计日有效的注册商标：注册日期不晚于统计日、专用权期限（含续展）未届满、且统计日前未被注销、撤销或宣告无效"
    "（注销、撤销、无效而无生效日期的不计入）。"
)


# -- the indicators ---------------------------------------------------------------------------------------

INDICATORS = (
    LiveRule(
        code="demonstration-enterprises",
        label=_("知识产权管理标准化示范企业（认定记录）"),
        description=_(
            "工作人员录入、附有证明材料的“知识产权管理标准化示范企业”认定记录中，截至统计日已认定且未撤销的企业数"
            "（DemonstrationCertification：certified_on ≤ 统计日，且未在统计日前撤销；每家企业同时只有一条有效认定）。"
        ),
        formula=_("统计日有效的示范企业认定数（每家企业同时只有一条有效认定）"),
        sources=_("示范企业认定记录（附证明材料）"),
        counts=Counted(targets_statistics.certified_enterprises),
        columns=_CERTIFICATION_COLUMNS,
    ),
    LiveRule(
        code="service-institutions",
        label=_("知识产权服务机构（统计日处于“已通过”状态）"),
        description=_(
            "平台服务机构中在统计日审核状态为“已通过”（status = approved）的机构数，"
            "按审核记录（services.InstitutionEvent）还原统计日的状态："
            "统计日及以前最后一条审核记录的新状态；统计日以后才有记录的，取其后第一条记录的原状态；没有记录的，按当前状态及通过时间。"
            "今天暂停一家机构，不改变过去的数字；机构自行暂停展示的，仍计入。按机构所在县区分区。"
        ),
        formula=_("统计日处于“已通过”状态的服务机构数"),
        sources=_("平台服务机构名录及其审核记录"),
        counts=Measured(services_statistics.institution_count, services_statistics.institutions_in_service),
        columns=_INSTITUTION_COLUMNS,
    ),
    LiveRule(
        code="ip-engineers-trained",
        label=_("累计培训知识产权工程师（人数）"),
        description=_(
            "完成“知识产权工程师”培训、获得结业证书的人数"
            "（training.Certificate：course_type = ip_engineer，按持证人去重），"
            "按发证日期 issued_on 计入统计日；一人多证只计一人，证书数列于其旁。按学员所在单位的县区分区。"
        ),
        formula=_("持有知识产权工程师结业证书的人数（一人多证计一人）"),
        sources=_("平台培训结业证书"),
        counts=Measured(
            partial(training_statistics.people_trained, CourseType.IP_ENGINEER),
            partial(training_statistics.certificates_records, CourseType.IP_ENGINEER),
        ),
        columns=_CERTIFICATE_COLUMNS,
    ),
    LiveRule(
        code="patent-agents-trained",
        label=_("累计培训专利代理人（人数）"),
        description=_(
            "完成“专利代理人”培训、获得结业证书的人数"
            "（training.Certificate：course_type = patent_agent，按持证人去重），"
            "按发证日期 issued_on 计入统计日，按学员所在单位的县区分区。"
        ),
        formula=_("持有专利代理人结业证书的人数（一人多证计一人）"),
        sources=_("平台培训结业证书"),
        counts=Measured(
            partial(training_statistics.people_trained, CourseType.PATENT_AGENT),
            partial(training_statistics.certificates_records, CourseType.PATENT_AGENT),
        ),
        columns=_CERTIFICATE_COLUMNS,
    ),
    LiveRule(
        code="pledge-financing-deals",
        label=_("知识产权质押融资贷款笔数"),
        description=_(
            "平台质押融资需求登记为成交（放款）的笔数（listings.Deal：section = financing_need），"
            "按成交日期 deal_date 计入统计日，按发布方所在县区分区。方案要求“实现突破”，即至少一笔。"
        ),
        formula=_("截至统计日放款的质押融资笔数"),
        sources=_("平台质押融资成交记录"),
        counts=Counted(listings_statistics.financing_deals),
        columns=_DEAL_COLUMNS,
    ),
    LiveRule(
        code="pledge-financing-amount",
        label=_("知识产权质押融资贷款金额"),
        description=_(
            "平台质押融资成交记录的贷款金额合计，单位万元（listings.Deal：section = financing_need，Sum(amount)），"
            "按成交日期 deal_date 计入统计日。"
        ),
        formula=_("截至统计日放款金额合计（万元）"),
        sources=_("平台质押融资成交记录"),
        counts=Counted(listings_statistics.financing_deals, amounts=True),
        columns=_DEAL_COLUMNS,
    ),
    LiveRule(
        code="transaction-deals",
        label=_("知识产权交易成交笔数"),
        description=_(
            "平台知识产权交易信息（转让、许可、合作）登记为成交的笔数（listings.Deal：section = transaction），"
            "按成交日期 deal_date 计入统计日。"
        ),
        formula=_("截至统计日成交的知识产权交易笔数"),
        sources=_("平台知识产权交易成交记录"),
        counts=Counted(listings_statistics.transaction_deals),
        columns=_DEAL_COLUMNS,
    ),
    LiveRule(
        code="rights-cases-closed",
        label=_("维权援助与举报投诉办结案件数"),
        description=_(
            "维权援助申请和侵权举报投诉中已办结的案件数（rights.Case：status = closed），按办结时间 closed_at "
            "计入统计日，按案件所在县区分区；未注明县区的案件只计入全市。"
        ),
        formula=_("截至统计日办结的维权援助与举报投诉案件数"),
        sources=_("平台维权援助与举报投诉案件"),
        counts=Counted(rights_statistics.closed_cases),
        columns=_CASE_COLUMNS,
    ),
    LiveRule(
        code="special-funds-paid",
        label=_("知识产权专项资金拨付金额"),
        description=_(
            "专项资金申请经公示期满、由财政部门登记拨付的金额合计，单位元（funding.Application：status = paid，"
            "Sum(paid_amount)），按拨付日期 paid_on 计入统计日，按申请单位所在县区分区。"
        ),
        formula="",
        sources="",
        counts=Counted(funding_statistics.funds_paid, amounts=True),
        columns=_PAYMENT_COLUMNS,
    ),
    LiveRule(
        code="special-funds-share",
        label=_("知识产权专项资金占本级一般预算支出比例"),
        description=_(
            "当年登记拨付的专项资金（funding.Application：status = paid，paid_on 在当年，Sum(paid_amount)）"
            "除以工作人员录入的当年本级一般预算支出（funding.BudgetYear），乘以 100，单位 %；当年尚未录入时"
            "用最近一个已录入年度。分县区时为该县区企业获拨资金占全市一般预算支出的比例。"
        ),
        formula="",
        sources="",
        counts=Counted(funding_statistics.funds_share, amounts=True),
        columns=_PAYMENT_COLUMNS,
    ),
    LiveRule(
        code="invention-patents-per-10k-urban",
        label=_("市区每万人有效发明专利拥有量"),
        description=_(
            "统计日有效的发明专利（法律状态按统计日及以前的法律状态事件由 register.terms.current_status 判定）中，"
            "申请人在市区各区（县区设置中“属于市区”）的件数，除以这些区最近一年（不晚于统计年度）常住人口（万人）之和。"
        ),
        formula=_("市区有效发明专利件数 ÷ 市区常住人口（万人）"),
        sources=_("知识产权登记簿（专利）；参考数据：常住人口"),
        counts=Measured(
            partial(register_statistics.invention_patents_per_10k, urban_only=True),
            partial(register_statistics.valid_invention_patents_records, urban_only=True),
        ),
        columns=_PATENT_COLUMNS,
    ),
    LiveRule(
        code="invention-patents-per-10k-city",
        label=_("全市（含县）每万人有效发明专利拥有量"),
        description=_(
            "统计日有效的发明专利中，申请人在全市各县区（含县、功能区）的件数，除以全市各县区最近一年常住人口（万人）之和。"
        ),
        formula=_("全市有效发明专利件数 ÷ 全市常住人口（万人）"),
        sources=_("知识产权登记簿（专利）；参考数据：常住人口"),
        counts=Measured(
            register_statistics.invention_patents_per_10k, register_statistics.valid_invention_patents_records
        ),
        columns=_PATENT_COLUMNS,
    ),
    LiveRule(
        code="invention-grant-growth",
        label=_("发明专利授权量增长率（同比）"),
        description=_joined(
            _(
                "统计年度1月1日至统计日授权的发明专利件数，与上年同期（1月1日至上年同一日）相比的增长率。授权日取授权事件日期，"
                "无授权事件时取授权公告日。该目标每年考核：每一年的增长率都应达到25%。"
            ),
            _CITY,
        ),
        formula=_("（当年授权量 − 上年同期授权量）÷ 上年同期授权量 × 100%"),
        sources=_PATENTS,
        counts=Measured(
            register_statistics.invention_grant_growth, register_statistics.invention_grants_this_year_records
        ),
        columns=_PATENT_COLUMNS,
    ),
    LiveRule(
        code="invention-grants-per-rd-million",
        label=_("每百万元研发经费发明专利授权量"),
        description=_(
            "最近一个录入了研发经费的年度（不晚于统计年度）内、截至统计日授权的全市发明专利件数，除以该年度研发经费支出（百万元）。"
            "研发经费只有全市数，不分县区。"
        ),
        formula=_("当年发明专利授权量 ÷ 当年研发经费支出（百万元）"),
        sources=_("知识产权登记簿（专利）；参考数据：研发经费支出"),
        counts=Measured(
            register_statistics.invention_grants_per_rd_million, register_statistics.invention_grants_this_year_records
        ),
        columns=_PATENT_COLUMNS,
    ),
    LiveRule(
        code="pct-applications",
        label=_("PCT国际专利申请量（当年）"),
        description=_joined(
            _(
                "统计年度1月1日至统计日提交的PCT申请件数：登记簿中标为PCT（PCT进入国家阶段的申请号，或载有PCT国际申请号）的申请，"
                "按申请日（PCT申请为国际申请日）计入。"
            ),
            _CITY,
        ),
        formula=_("当年PCT申请件数"),
        sources=_PATENTS,
        counts=Measured(register_statistics.pct_applications, register_statistics.pct_applications_records),
        columns=_PATENT_COLUMNS,
    ),
    LiveRule(
        code="abnormal-application-share",
        label=_("非正常专利申请占比"),
        description=_joined(
            _(
                "统计年度1月1日至统计日提交的专利申请中，列入国家知识产权局通报的非正常专利申请名单（通报日期不晚于统计日）的件数所占比例。"
            ),
            _CITY,
        ),
        formula=_("名单内的当年申请件数 ÷ 当年申请件数 × 100%"),
        sources=_("知识产权登记簿（专利）；参考数据：非正常专利申请名单"),
        counts=Measured(
            register_statistics.abnormal_application_share, register_statistics.abnormal_applications_records
        ),
        columns=_PATENT_COLUMNS,
    ),
    LiveRule(
        code="enterprise-application-share",
        label=_("企业专利申请量占比"),
        description=_joined(_("统计年度1月1日至统计日提交的专利申请中，第一申请人为企业的件数所占比例。"), _CITY),
        formula=_("第一申请人为企业的当年申请件数 ÷ 当年申请件数 × 100%"),
        sources=_PATENTS,
        counts=Measured(
            register_statistics.enterprise_application_share, register_statistics.enterprise_applications_records
        ),
        columns=_PATENT_COLUMNS,
    ),
    LiveRule(
        code="trademark-registrations",
        label=_("国内注册商标总数"),
        description=_joined(_TRADEMARK_IN_FORCE, _CITY),
        formula=_("统计日有效的注册商标件数"),
        sources=_TRADEMARKS,
        counts=Measured(register_statistics.registered_trademarks, register_statistics.registered_trademarks_records),
        columns=_TRADEMARK_COLUMNS,
    ),
    LiveRule(
        code="agricultural-trademarks",
        label=_("农产品商标"),
        description=_joined(_("统计日有效的注册商标中标为农产品商标的件数。"), _TRADEMARK_IN_FORCE),
        formula=_("统计日有效的农产品商标件数"),
        sources=_TRADEMARKS,
        counts=Measured(
            register_statistics.agricultural_trademarks, register_statistics.agricultural_trademarks_records
        ),
        columns=_TRADEMARK_COLUMNS,
    ),
    LiveRule(
        code="madrid-registrations",
        label=_("马德里体系国际注册商标"),
        description=_joined(
            _(
                "统计日有效的注册商标中，国际注册日期不晚于统计日的马德里国际注册件数（无国际注册日期的按国内注册日期计）。"
            ),
            _TRADEMARK_IN_FORCE,
        ),
        formula=_("统计日有效的马德里国际注册商标件数"),
        sources=_TRADEMARKS,
        counts=Measured(register_statistics.madrid_registrations, register_statistics.madrid_registrations_records),
        columns=_TRADEMARK_COLUMNS,
    ),
    LiveRule(
        code="geographical-indication-marks",
        label=_("地理标志商标"),
        description=_joined(_("统计日有效的注册商标中的地理标志（集体、证明）商标件数。"), _TRADEMARK_IN_FORCE),
        formula=_("统计日有效的地理标志商标件数"),
        sources=_TRADEMARKS,
        counts=Measured(
            register_statistics.geographical_indication_marks,
            register_statistics.geographical_indication_marks_records,
        ),
        columns=_TRADEMARK_COLUMNS,
    ),
    LiveRule(
        code="china-well-known-marks",
        label=_("中国驰名商标（行政认定）"),
        description=_joined(
            _("统计日有效的注册商标中，经行政认定为中国驰名商标且认定年度不晚于统计年度的件数。"), _TRADEMARK_IN_FORCE
        ),
        formula=_("统计日有效、已行政认定的驰名商标件数"),
        sources=_TRADEMARKS,
        counts=Measured(register_statistics.well_known_marks, register_statistics.well_known_marks_records),
        columns=_TRADEMARK_COLUMNS,
    ),
    LiveRule(
        code="jiangsu-famous-marks",
        label=_("江苏省著名商标"),
        description=_joined(
            _("统计日有效的注册商标中，认定年度不晚于统计年度的江苏省著名商标件数（未载认定年度的自注册起计）。"),
            _TRADEMARK_IN_FORCE,
        ),
        formula=_("统计日有效的江苏省著名商标件数"),
        sources=_TRADEMARKS,
        counts=Measured(register_statistics.famous_marks, register_statistics.famous_marks_records),
        columns=_TRADEMARK_COLUMNS,
    ),
    LiveRule(
        code="ip-evaluations",
        label=_("知识产权评议项目数"),
        description=_(
            "重大经济科技活动知识产权评议申请中，评议机构已交付评议报告的项目数（evaluations.EvaluationRequest："
            "status 为 delivered 或 closed；报告被退回修改的在重新交付前不计入），按交付时间 delivered_at 计入统计日，"
            "按申请单位所在县区分区；部门提交的只计入全市。"
        ),
        formula=_("截至统计日已交付评议报告的知识产权评议项目数"),
        sources=_("平台知识产权评议申请"),
        counts=Counted(evaluations_statistics.completed_evaluations),
        columns=_EVALUATION_COLUMNS,
    ),
    LiveRule(
        code="ip-engineers-recognised",
        label=_("评聘知识产权工程师（人数）"),
        description=_(
            "经评聘、由工作人员登记为“已评定”的知识产权工程师人数（advisers.TitleRecognition：status = recognised，"
            "按本人去重），按评定日期 decided_on 计入统计日，按本人登记时所在单位的县区分区。"
            "与“累计培训知识产权工程师”（培训结业人数）并列，不计入该目标。"
        ),
        formula=_("已评定的知识产权工程师人数（一人多份记录计一人）"),
        sources=_("平台知识产权工程师评聘记录"),
        counts=Measured(advisers_statistics.people_recognised, advisers_statistics.recognitions_records),
        columns=_RECOGNITION_COLUMNS,
    ),
    LiveRule(
        code="customs-recordals",
        label=_("知识产权海关备案（有效备案的专利与商标）"),
        description=_(
            "统计日有效的知识产权海关备案件数（register.CustomsRecordal：核准日期 recorded_on ≤ 统计日 ≤ 有效期至 "
            "valid_until），专利与商标分列，来自海关备案名单导入或工作人员录入；按权利人所在县区分区。方案未定数量目标。"
        ),
        formula=_("统计日有效的海关备案件数（专利 + 商标）"),
        sources=_("海关备案名单；工作人员录入的备案"),
        counts=Measured(register_statistics.customs_recordals, register_statistics.customs_recordals_records),
        columns=_RECORDAL_COLUMNS,
    ),
    LiveRule(
        code="copyright-works-registered",
        label=_("作品登记量"),
        description=_(
            "市文广新局经平台审查准予登记的作品件数（copyrights.Filing：kind = work，status = approved），"
            "按登记日期 registered_on 计入统计日，按申请人所在县区分区。方案未设目标值，仅作统计。"
        ),
        formula=_("截至统计日准予登记的作品件数"),
        sources=_("平台作品登记记录"),
        counts=Counted(copyright_statistics.registered_works),
        columns=_WORK_COLUMNS,
    ),
    LiveRule(
        code="copyright-contracts-filed",
        label=_("著作权转让、许可合同备案量"),
        description=_(
            "市文广新局经平台审查准予备案的著作权转让合同和许可合同件数（copyrights.Filing：kind = transfer 或 "
            "licence，status = approved），按登记日期 registered_on 计入统计日，按申请人所在县区分区。"
            "方案未设目标值，仅作统计。"
        ),
        formula=_("截至统计日准予备案的合同件数"),
        sources=_("平台著作权合同备案记录"),
        counts=Counted(copyright_statistics.filed_contracts),
        columns=_CONTRACT_COLUMNS,
    ),
)

RULES = {rule.code: rule for rule in INDICATORS}


def get_rule(code):
    return RULES.get(code)
