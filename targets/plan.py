"""Every numeric target of the 2014 pilot-city plan (连政发〔2014〕114号), with the words that state it.

`plan_text` is quoted verbatim from the plan and `target_text` is the part of it naming the target, so a
test can check each seeded figure and its responsible units against the plan itself. Baselines are not in
the plan: staff enter them (or the first entered figure serves as the baseline). Informational
indicators (no target) count what the platform records for chapters the plan gives no figure.
"""

from dataclasses import dataclass, field
from decimal import Decimal

# Units named together by most creation and safeguard targets.
LOCAL_GOVERNMENTS = ("xianqu", "kaifaqu", "xuwei", "gaoxinqu", "yuntaishan")
PATENT_UNITS = ("kejiju", "jingxinwei", "tongjiju", *LOCAL_GOVERNMENTS)
TRADEMARK_UNITS = ("gongshangju", *LOCAL_GOVERNMENTS)
TALENT_UNITS = ("zuzhibu", "kejiju", "jiaoyuju", "renshe-ju")


@dataclass(frozen=True)
class PlanIndicator:
    code: str
    name: str
    unit: str
    category: str
    target: Decimal | None
    plan_text: str
    target_text: str = ""
    units: tuple = ()
    comparison: str = "at_least"
    live_rule: str = ""
    yearly: bool = False  # the target holds for each year of the plan, judged year by year
    published: bool = False
    extra: dict = field(default_factory=dict)


PLAN_INDICATORS = [
    # 三(一)1 培育专利助推创新
    PlanIndicator(
        "invention-grant-growth",
        "发明专利授权量年均增长率",
        "%",
        "creation",
        Decimal("25"),
        "发明专利授权量年均增长25%以上",
        "25%以上",
        PATENT_UNITS,
        live_rule="invention-grant-growth",
        yearly=True,
    ),
    PlanIndicator(
        "invention-patents-per-10k-urban",
        "市区每万人有效发明专利拥有量",
        "件",
        "creation",
        Decimal("7"),
        "市区每万人有效发明专利拥有量达到7件",
        "7件",
        PATENT_UNITS,
        published=True,
        live_rule="invention-patents-per-10k-urban",
    ),
    PlanIndicator(
        "invention-patents-per-10k-city",
        "全市（含县）每万人有效发明专利拥有量",
        "件",
        "creation",
        Decimal("4"),
        "全市(含县)每万人有效发明专利拥有量达到4件",
        "4件",
        PATENT_UNITS,
        published=True,
        live_rule="invention-patents-per-10k-city",
    ),
    PlanIndicator(
        "invention-grants-per-rd-million",
        "每百万元研发经费发明专利授权量",
        "件",
        "creation",
        Decimal("0.39"),
        "每百万元研发经费发明专利授权量达到0.39件",
        "0.39件",
        PATENT_UNITS,
        live_rule="invention-grants-per-rd-million",
    ),
    PlanIndicator(
        "pct-applications",
        "PCT国际专利申请量",
        "件",
        "creation",
        Decimal("50"),
        "通过《专利合作条约》(PCT)途径递交国际专利申请量达到50件",
        "50件",
        PATENT_UNITS,
        published=True,
        live_rule="pct-applications",
    ),
    PlanIndicator(
        "abnormal-application-share",
        "非正常专利申请占比",
        "%",
        "creation",
        Decimal("0.5"),
        "非正常专利申请占比低于0.5%",
        "低于0.5%",
        PATENT_UNITS,
        comparison="at_most",
        live_rule="abnormal-application-share",
    ),
    PlanIndicator(
        "enterprise-application-share",
        "企业专利申请量占比",
        "%",
        "creation",
        Decimal("41"),
        "企业专利申请量占比达到41%",
        "41%",
        PATENT_UNITS,
        live_rule="enterprise-application-share",
    ),
    # 三(一)2 实施商标品牌战略
    PlanIndicator(
        "exporters-own-trademarks",
        "出口型驰名、著名、知名商标企业在主要出口国拥有自主商标比例",
        "%",
        "creation",
        Decimal("100"),
        "全市出口型驰名、著名、知名商标企业在主要出口国均拥有自主商标",
        "均拥有",
        TRADEMARK_UNITS,
    ),
    PlanIndicator(
        "trademark-registrations",
        "国内注册商标总数",
        "件",
        "creation",
        Decimal("13000"),
        "国内注册总数达到13000件以上",
        "13000件以上",
        TRADEMARK_UNITS,
        published=True,
        live_rule="trademark-registrations",
    ),
    PlanIndicator(
        "agricultural-trademarks",
        "农产品商标",
        "件",
        "creation",
        Decimal("3000"),
        "其中农产品商标达到3000件以上",
        "3000件以上",
        TRADEMARK_UNITS,
        live_rule="agricultural-trademarks",
    ),
    PlanIndicator(
        "madrid-registrations",
        "马德里体系国际注册商标",
        "件",
        "creation",
        Decimal("30"),
        "通过马德里体系国际注册总数30件以上",
        "30件以上",
        TRADEMARK_UNITS,
        live_rule="madrid-registrations",
    ),
    PlanIndicator(
        "geographical-indication-marks",
        "地理标志商标",
        "件",
        "creation",
        Decimal("30"),
        "地理标志商标总数30件以上",
        "30件以上",
        TRADEMARK_UNITS,
        live_rule="geographical-indication-marks",
    ),
    PlanIndicator(
        "oem-own-trademark-rate",
        "定牌加工企业自主商标拥有率",
        "%",
        "creation",
        Decimal("80"),
        "定牌加工企业自主商标拥有率达80%以上",
        "80%以上",
        TRADEMARK_UNITS,
    ),
    PlanIndicator(
        "china-well-known-marks",
        "中国驰名商标（行政认定）",
        "件",
        "creation",
        Decimal("16"),
        "行政认定中国驰名商标16件以上",
        "16件以上",
        TRADEMARK_UNITS,
        live_rule="china-well-known-marks",
    ),
    PlanIndicator(
        "jiangsu-famous-marks",
        "江苏省著名商标",
        "件",
        "creation",
        Decimal("120"),
        "江苏省著名商标120件以上",
        "120件以上",
        TRADEMARK_UNITS,
        live_rule="jiangsu-famous-marks",
    ),
    # 三(二)1 完善知识产权交易机制: no figure; the platform counts deals.
    PlanIndicator(
        "transaction-deals",
        "知识产权交易成交数",
        "笔",
        "utilisation",
        None,
        "通过连云港市知识产权公共服务平台适时发布知识产权交易信息",
        "",
        ("kejiju", "caizhengju", "jinrongban", "renmin-yinhang", "yinjianju", *LOCAL_GOVERNMENTS),
        live_rule="transaction-deals",
    ),
    # 三(三)2 完善知识产权保护机制: no figure; the platform counts cases.
    PlanIndicator(
        "rights-cases-closed",
        "维权援助与举报投诉办结案件数",
        "件",
        "protection",
        None,
        "及时受理、快速处理侵犯知识产权的举报和投诉案件",
        "",
        (
            "kejiju",
            "jingxinwei",
            "gonganju",
            "minzhengju",
            "sifaju",
            "wenguangxinju",
            "zhongji-fayuan",
            "jianchayuan",
            "haiguan",
            "gongshangju",
            "zhijianju",
        ),
        live_rule="rights-cases-closed",
    ),
    # 三(四)2 提升企业知识产权管理能力
    PlanIndicator(
        "demonstration-enterprises",
        "知识产权管理标准化示范企业",
        "家",
        "management",
        Decimal("200"),
        "全市创建知识产权管理标准化示范企业200家以上",
        "200家以上",
        ("kejiju", "zhijianju"),
        live_rule="demonstration-enterprises",
        published=True,
    ),
    # 三(五)1 建设知识产权服务机构
    PlanIndicator(
        "service-institutions",
        "知识产权服务机构",
        "家",
        "services",
        Decimal("12"),
        "全市拥有各类知识产权服务机构达到12家",
        "12家",
        ("kejiju", "wenguangxinju", "gongshangju"),
        live_rule="service-institutions",
        published=True,
    ),
    # 三(五)4 培养知识产权高端人才
    PlanIndicator(
        "ip-engineers-trained",
        "累计培训知识产权工程师",
        "名",
        "services",
        Decimal("700"),
        "全市累计培训知识产权工程师700名",
        "700名",
        TALENT_UNITS,
        live_rule="ip-engineers-trained",
        published=True,
    ),
    PlanIndicator(
        "patent-agents-trained",
        "累计培训专利代理人",
        "名",
        "services",
        Decimal("30"),
        "专利代理人30名",
        "30名",
        TALENT_UNITS,
        live_rule="patent-agents-trained",
        published=True,
    ),
    # 三(五)5 培育知识产权服务市场
    PlanIndicator(
        "pledge-financing-deals",
        "知识产权质押融资贷款笔数（实现突破）",
        "笔",
        "services",
        Decimal("1"),
        "争取到2016年在知识产权质押融资贷款方面实现突破",
        "实现突破",
        ("kejiju", "gongshangju", "wenguangxinju", "jinrongban"),
        live_rule="pledge-financing-deals",
        published=True,
    ),
    PlanIndicator(
        "pledge-financing-amount",
        "知识产权质押融资贷款金额",
        "万元",
        "services",
        None,
        "探索知识产权质押融资贷款业务",
        "",
        ("kejiju", "gongshangju", "wenguangxinju", "jinrongban"),
        live_rule="pledge-financing-amount",
    ),
    # 四(三) 完善激励政策
    PlanIndicator(
        "ip-budget-share",
        "知识产权专项工作经费占本级财政一般预算支出比例",
        "%",
        "safeguards",
        Decimal("0.12"),
        "知识产权专项工作经费占本级财政一般预算支出比例达到0.12%",
        "0.12%",
        ("kejiju", "caizhengju", "renshe-ju", "fazhiban", "dishuiju", *LOCAL_GOVERNMENTS),
    ),
    # 四(四) 强化绩效考核
    PlanIndicator(
        "ip-work-meetings",
        "市政府知识产权工作会议（当年）",
        "次",
        "safeguards",
        Decimal("2"),
        "市政府每年召开2次以上知识产权工作会议",
        "2次以上",
        ("fagaiwei", "kejiju", "lingdao-xiaozu"),
        yearly=True,
    ),
]


def ensure_indicator(indicator_model, unit_model, item, sort_order):
    """Create `item` (a `PlanIndicator`) if no indicator has its code yet; one staff have edited is left alone.

    Migrations call it with their historical models, the plan's own seed and each app that adds a count."""
    indicator, created = indicator_model.objects.get_or_create(
        code=item.code,
        defaults={
            "name": item.name,
            "unit": item.unit,
            "category": item.category,
            "source": "live" if item.live_rule else "manual",
            "live_rule": item.live_rule,
            "target_value": item.target,
            "comparison": item.comparison,
            "plan_text": item.plan_text,
            "is_published": item.published,
            "sort_order": sort_order,
            # Live counts start from nothing on the platform; manual baselines come from staff.
            "baseline": Decimal("0") if item.live_rule else None,
            # The field came with a later migration than the one that first seeds the indicators.
            **({"yearly": item.yearly} if _has_field(indicator_model, "yearly") else {}),
        },
    )
    if created:
        indicator.responsible_units.set(unit_model.objects.filter(code__in=item.units))
    return indicator


def ensure_plan_indicators(indicator_model, unit_model):
    """Create the plan's indicators that do not exist yet, in the plan's order."""
    for order, item in enumerate(PLAN_INDICATORS):
        ensure_indicator(indicator_model, unit_model, item, sort_order=order)


def counted_indicator(code, name, unit, category, plan_text, units, *, published):
    """An indicator counted live by the rule of the same code, for a measure the plan names without a figure."""
    return PlanIndicator(code, name, unit, category, None, plan_text, units=units, live_rule=code, published=published)


def _has_field(model, name):
    return any(field.name == name for field in model._meta.get_fields())


def count_indicators_from_records(indicator_model):
    """Switch the plan's indicators the platform now counts to their rules, where staff have not chosen
    a rule of their own; figures entered for them before stay, as overrides of the count."""
    for item in PLAN_INDICATORS:
        if item.live_rule:
            indicator_model.objects.filter(code=item.code, source="manual", live_rule="").update(
                source="live", live_rule=item.live_rule
            )
            indicator_model.objects.filter(code=item.code, source="live", baseline=None).update(baseline=Decimal(0))
        if item.yearly:
            indicator_model.objects.filter(code=item.code).update(yearly=True)
