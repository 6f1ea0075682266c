"""The indicators the platform counts live, each read from the rule of the app that owns the records.

A rule names either the owning app's figure (`core.figures.Figure`, from `<app>/statistics.py`: a count
of records, or the sum of an amount) or its measure (a function `(district, on) → Measurement` for a
ratio, a share, a growth rate or a count with a condition on the day). The targets add only what the
dashboard shows: the words staff read next to the value, the formula and the sources it is computed
from, and the columns of the drill-down table of the records behind it (whose SQL staff can read).
Counting happens on every request: changing the data changes the figure at once, and any past day
gives the figure as it stood then.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import partial

from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.measures import Measurement
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
class LiveRule:
    code: str
    label: str
    description: str
    figure: Callable | None = None  # () -> core.figures.Figure, from the owning app's statistics module
    sums_amount: bool = False  # the figure's total amount instead of its number of records
    columns: tuple = field(default_factory=tuple)  # (label, attribute path) for the drill-down table
    measure: Callable | None = None  # (district, on) -> core.measures.Measurement, instead of a figure
    records: Callable | None = None  # (district, on) -> the records behind a measure, for the drill-down
    formula: str = ""  # the computation in words, shown beside the value
    sources: str = ""  # where the records and reference data come from

    def queryset(self, district=None, on=None):
        """The records behind the figure, for one district (None = the whole city), as they stood on `on`."""
        if self.measure is not None:
            return self.records(district=district, on=on or timezone.localdate())
        return self.figure().queryset(district, on)

    def measurement(self, district=None, on=None):
        if self.measure is not None:
            return self.measure(district=district, on=on or timezone.localdate())
        figure = self.figure()
        return Measurement(figure.total(district, on) if self.sums_amount else Decimal(figure.count(district, on)))

    def value(self, district=None, on=None):
        return self.measurement(district, on).value

    def history(self, district=None, on=None):
        """[(date, value), …]: the figure after each day something changed, oldest first. A record
        without its start day (older data) counts from the start of the plan. A measure is computed at
        the end of the year before the plan and of each year of the plan before `on` (the caller adds
        the figure of `on` itself): a fixed number of computations whatever the number of records."""
        if self.measure is None:
            return self.figure().history(district, amounts=self.sums_amount, undated_from=PLAN_START)
        on = on or timezone.localdate()
        last = min(on.year - 1, PLAN_DEADLINE.year)
        days = [date(year, 12, 31) for year in range(PLAN_START.year - 1, last + 1)]
        points = [(day, self.value(district=district, on=day)) for day in days]
        return [(day, value) for day, value in points if value is not None]

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
        formula=_("统计日有效的示范企业认定数（每家企业同时只有一条有效认定）"),
        sources=_("示范企业认定记录（附证明材料）"),
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
        label=_("知识产权服务机构（统计日处于“已通过”状态）"),
        description=_(
            "平台服务机构中在统计日审核状态为“已通过”（status = approved）的机构数，"
            "按审核记录（services.InstitutionEvent）还原统计日的状态："
            "统计日及以前最后一条审核记录的新状态；统计日以后才有记录的，取其后第一条记录的原状态；没有记录的，按当前状态及通过时间。"
            "今天暂停一家机构，不改变过去的数字；机构自行暂停展示的，仍计入。按机构所在县区分区。"
        ),
        measure=services_statistics.institution_count,
        records=services_statistics.institutions_in_service,
        formula=_("统计日处于“已通过”状态的服务机构数"),
        sources=_("平台服务机构名录及其审核记录"),
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


def _certificates(course_type, district=None, on=None):
    return training_statistics.completions(course_type).queryset(district, on)


register(
    LiveRule(
        code="ip-engineers-trained",
        label=_("累计培训知识产权工程师（人数）"),
        description=_(
            "完成“知识产权工程师”培训、获得结业证书的人数"
            "（training.Certificate：course_type = ip_engineer，按持证人去重），"
            "按发证日期 issued_on 计入统计日；一人多证只计一人，证书数列于其旁。按学员所在单位的县区分区。"
        ),
        measure=partial(training_statistics.people_trained, CourseType.IP_ENGINEER),
        records=partial(_certificates, CourseType.IP_ENGINEER),
        formula=_("持有知识产权工程师结业证书的人数（一人多证计一人）"),
        sources=_("平台培训结业证书"),
        columns=_CERTIFICATE_COLUMNS,
    )
)

register(
    LiveRule(
        code="patent-agents-trained",
        label=_("累计培训专利代理人（人数）"),
        description=_(
            "完成“专利代理人”培训、获得结业证书的人数"
            "（training.Certificate：course_type = patent_agent，按持证人去重），"
            "按发证日期 issued_on 计入统计日，按学员所在单位的县区分区。"
        ),
        measure=partial(training_statistics.people_trained, CourseType.PATENT_AGENT),
        records=partial(_certificates, CourseType.PATENT_AGENT),
        formula=_("持有专利代理人结业证书的人数（一人多证计一人）"),
        sources=_("平台培训结业证书"),
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
        formula=_("截至统计日放款的质押融资笔数"),
        sources=_("平台质押融资成交记录"),
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
        formula=_("截至统计日放款金额合计（万元）"),
        sources=_("平台质押融资成交记录"),
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
        formula=_("截至统计日成交的知识产权交易笔数"),
        sources=_("平台知识产权交易成交记录"),
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
        formula=_("截至统计日办结的维权援助与举报投诉案件数"),
        sources=_("平台维权援助与举报投诉案件"),
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


# -- from the register ------------------------------------------------------------------------------

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
_PATENTS = _("知识产权登记簿（专利）")
_TRADEMARKS = _("知识产权登记簿（商标）")
_CITY = _("申请人（注册人）地址在本市某县区的记录计入（登记簿导入时按地址确定县区），按该县区分区。")


def _joined(*parts):
    """Sentences translated one by one and joined when shown (joining lazy strings at import would fix
    the language of the moment)."""
    return format_lazy("{}" * len(parts), *parts)


def _register_rule(code, label, description, measure, records, formula, sources, columns):
    return register(
        LiveRule(
            code=code,
            label=label,
            description=description,
            measure=measure,
            records=records,
            formula=formula,
            sources=sources,
            columns=columns,
        )
    )


def _valid_inventions(district=None, on=None, *, urban_only=False):
    districts = register_statistics.districts_in_scope(district, urban_only)
    return register_statistics.valid_invention_patents_records(on=on, districts=districts)


_register_rule(
    "invention-patents-per-10k-urban",
    _("市区每万人有效发明专利拥有量"),
    _(
        "统计日有效的发明专利（法律状态按统计日及以前的法律状态事件由 register.terms.current_status 判定）中，"
        "申请人在市区各区（县区设置中“属于市区”）的件数，除以这些区最近一年（不晚于统计年度）常住人口（万人）之和。"
    ),
    partial(register_statistics.invention_patents_per_10k, urban_only=True),
    partial(_valid_inventions, urban_only=True),
    _("市区有效发明专利件数 ÷ 市区常住人口（万人）"),
    _("知识产权登记簿（专利）；参考数据：常住人口"),
    _PATENT_COLUMNS,
)
_register_rule(
    "invention-patents-per-10k-city",
    _("全市（含县）每万人有效发明专利拥有量"),
    _("统计日有效的发明专利中，申请人在全市各县区（含县、功能区）的件数，除以全市各县区最近一年常住人口（万人）之和。"),
    register_statistics.invention_patents_per_10k,
    _valid_inventions,
    _("全市有效发明专利件数 ÷ 全市常住人口（万人）"),
    _("知识产权登记簿（专利）；参考数据：常住人口"),
    _PATENT_COLUMNS,
)
_register_rule(
    "invention-grant-growth",
    _("发明专利授权量增长率（同比）"),
    _joined(
        _(
            "统计年度1月1日至统计日授权的发明专利件数，与上年同期（1月1日至上年同一日）相比的增长率。授权日取授权事件日期，"
            "无授权事件时取授权公告日。该目标每年考核：每一年的增长率都应达到25%。"
        ),
        _CITY,
    ),
    register_statistics.invention_grant_growth,
    lambda district=None, on=None: register_statistics.invention_grants_records(
        district, on, since=on.replace(month=1, day=1)
    ),
    _("（当年授权量 − 上年同期授权量）÷ 上年同期授权量 × 100%"),
    _PATENTS,
    _PATENT_COLUMNS,
)
_register_rule(
    "invention-grants-per-rd-million",
    _("每百万元研发经费发明专利授权量"),
    _(
        "最近一个录入了研发经费的年度（不晚于统计年度）内、截至统计日授权的全市发明专利件数，除以该年度研发经费支出（百万元）。"
        "研发经费只有全市数，不分县区。"
    ),
    register_statistics.invention_grants_per_rd_million,
    lambda district=None, on=None: register_statistics.invention_grants_records(
        district, on, since=on.replace(month=1, day=1)
    ),
    _("当年发明专利授权量 ÷ 当年研发经费支出（百万元）"),
    _("知识产权登记簿（专利）；参考数据：研发经费支出"),
    _PATENT_COLUMNS,
)
_register_rule(
    "pct-applications",
    _("PCT国际专利申请量（当年）"),
    _joined(
        _(
            "统计年度1月1日至统计日提交的PCT申请件数：登记簿中标为PCT（PCT进入国家阶段的申请号，或载有PCT国际申请号）的申请，"
            "按申请日（PCT申请为国际申请日）计入。"
        ),
        _CITY,
    ),
    register_statistics.pct_applications,
    register_statistics.pct_applications_records,
    _("当年PCT申请件数"),
    _PATENTS,
    _PATENT_COLUMNS,
)
_register_rule(
    "abnormal-application-share",
    _("非正常专利申请占比"),
    _joined(
        _(
            "统计年度1月1日至统计日提交的专利申请中，列入国家知识产权局通报的非正常专利申请名单（通报日期不晚于统计日）的件数所占比例。"
        ),
        _CITY,
    ),
    register_statistics.abnormal_application_share,
    register_statistics.abnormal_applications_records,
    _("名单内的当年申请件数 ÷ 当年申请件数 × 100%"),
    _("知识产权登记簿（专利）；参考数据：非正常专利申请名单"),
    _PATENT_COLUMNS,
)
_register_rule(
    "enterprise-application-share",
    _("企业专利申请量占比"),
    _joined(_("统计年度1月1日至统计日提交的专利申请中，第一申请人为企业的件数所占比例。"), _CITY),
    register_statistics.enterprise_application_share,
    register_statistics.enterprise_applications_records,
    _("第一申请人为企业的当年申请件数 ÷ 当年申请件数 × 100%"),
    _PATENTS,
    _PATENT_COLUMNS,
)
_TRADEMARK_IN_FORCE = _(
    "统计日有效的注册商标：注册日期不晚于统计日、专用权期限（含续展）未届满、且统计日前未被注销、撤销或宣告无效"
    "（注销、撤销、无效而无生效日期的不计入）。"
)
_register_rule(
    "trademark-registrations",
    _("国内注册商标总数"),
    _joined(_TRADEMARK_IN_FORCE, _CITY),
    register_statistics.registered_trademarks,
    register_statistics.registered_trademarks_records,
    _("统计日有效的注册商标件数"),
    _TRADEMARKS,
    _TRADEMARK_COLUMNS,
)
_register_rule(
    "agricultural-trademarks",
    _("农产品商标"),
    _joined(_("统计日有效的注册商标中标为农产品商标的件数。"), _TRADEMARK_IN_FORCE),
    register_statistics.agricultural_trademarks,
    register_statistics.agricultural_trademarks_records,
    _("统计日有效的农产品商标件数"),
    _TRADEMARKS,
    _TRADEMARK_COLUMNS,
)
_register_rule(
    "madrid-registrations",
    _("马德里体系国际注册商标"),
    _joined(
        _("统计日有效的注册商标中，国际注册日期不晚于统计日的马德里国际注册件数（无国际注册日期的按国内注册日期计）。"),
        _TRADEMARK_IN_FORCE,
    ),
    register_statistics.madrid_registrations,
    register_statistics.madrid_registrations_records,
    _("统计日有效的马德里国际注册商标件数"),
    _TRADEMARKS,
    _TRADEMARK_COLUMNS,
)
_register_rule(
    "geographical-indication-marks",
    _("地理标志商标"),
    _joined(_("统计日有效的注册商标中的地理标志（集体、证明）商标件数。"), _TRADEMARK_IN_FORCE),
    register_statistics.geographical_indication_marks,
    register_statistics.geographical_indication_marks_records,
    _("统计日有效的地理标志商标件数"),
    _TRADEMARKS,
    _TRADEMARK_COLUMNS,
)
_register_rule(
    "china-well-known-marks",
    _("中国驰名商标（行政认定）"),
    _joined(_("统计日有效的注册商标中，经行政认定为中国驰名商标且认定年度不晚于统计年度的件数。"), _TRADEMARK_IN_FORCE),
    register_statistics.well_known_marks,
    register_statistics.well_known_marks_records,
    _("统计日有效、已行政认定的驰名商标件数"),
    _TRADEMARKS,
    _TRADEMARK_COLUMNS,
)
_register_rule(
    "jiangsu-famous-marks",
    _("江苏省著名商标"),
    _joined(
        _("统计日有效的注册商标中，认定年度不晚于统计年度的江苏省著名商标件数（未载认定年度的自注册起计）。"),
        _TRADEMARK_IN_FORCE,
    ),
    register_statistics.famous_marks,
    register_statistics.famous_marks_records,
    _("统计日有效的江苏省著名商标件数"),
    _TRADEMARKS,
    _TRADEMARK_COLUMNS,
)


def get_rule(code):
    return RULES.get(code)
