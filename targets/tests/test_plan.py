"""The seeded indicators are the plan's targets, with the plan's figures and responsible units."""

import re
from decimal import Decimal
from pathlib import Path

import pytest

from targets.models import Indicator
from targets.plan import PLAN_INDICATORS

SHARED_PLAN = Path(__file__).resolve().parents[3] / "shared" / "seed" / "lianyungang-ip-pilot-city-plan-2014.txt"
COPIED_PLAN = Path(__file__).parent / "data" / "plan-2014.txt"

# Every numeric target the plan sets, as (words in the plan, figure).
PLAN_TARGETS = {
    "发明专利授权量年均增长25%以上": Decimal("25"),
    "市区每万人有效发明专利拥有量达到7件": Decimal("7"),
    "全市(含县)每万人有效发明专利拥有量达到4件": Decimal("4"),
    "每百万元研发经费发明专利授权量达到0.39件": Decimal("0.39"),
    "国际专利申请量达到50件": Decimal("50"),
    "非正常专利申请占比低于0.5%": Decimal("0.5"),
    "企业专利申请量占比达到41%": Decimal("41"),
    "在主要出口国均拥有自主商标": Decimal("100"),
    "国内注册总数达到13000件以上": Decimal("13000"),
    "农产品商标达到3000件以上": Decimal("3000"),
    "马德里体系国际注册总数30件以上": Decimal("30"),
    "地理标志商标总数30件以上": Decimal("30"),
    "定牌加工企业自主商标拥有率达80%以上": Decimal("80"),
    "行政认定中国驰名商标16件以上": Decimal("16"),
    "江苏省著名商标120件以上": Decimal("120"),
    "知识产权管理标准化示范企业200家以上": Decimal("200"),
    "知识产权服务机构达到12家": Decimal("12"),
    "知识产权工程师700名": Decimal("700"),
    "专利代理人30名": Decimal("30"),
    "质押融资贷款方面实现突破": Decimal("1"),
    "一般预算支出比例达到0.12%": Decimal("0.12"),
    "每年召开2次以上知识产权工作会议": Decimal("2"),
}


@pytest.fixture(scope="module")
def plan():
    path = SHARED_PLAN if SHARED_PLAN.exists() else COPIED_PLAN
    return path.read_text(encoding="utf-8")


def units_named_after(plan, quote):
    """The text of the (责任单位:…) that follows a quoted target in the plan."""
    start = plan.index(quote)
    match = re.compile(r"\(责任单位:([^)]*)\)").search(plan, start)
    return match.group(1)


def short_name(unit_name):
    # The plan names "市开发区、徐圩新区、高新区、云台山景区管委会" and "市创建工作领导小组其他成员单位" jointly.
    return unit_name.removesuffix("管委会").removesuffix("成员单位")


@pytest.mark.django_db
def test_every_numeric_target_of_the_plan_is_seeded_with_its_exact_figure(plan):
    seeded = list(Indicator.objects.exclude(target_value=None))
    assert len(seeded) == len(PLAN_TARGETS) == 22
    for words, figure in PLAN_TARGETS.items():
        assert words in plan, words
        matches = [indicator for indicator in seeded if words in indicator.plan_text or indicator.plan_text in words]
        assert matches, f"no indicator for “{words}”"
        assert any(indicator.target_value == figure for indicator in matches), words


@pytest.mark.django_db
def test_each_seeded_target_and_its_responsible_units_appear_in_the_plan(plan):
    for indicator in Indicator.objects.prefetch_related("responsible_units"):
        assert indicator.plan_text in plan, indicator.code
        named = units_named_after(plan, indicator.plan_text)
        units = list(indicator.responsible_units.all())
        assert units, indicator.code
        for unit in units:
            assert short_name(unit.name) in named, f"{indicator.code}: {unit.name} not in ({named})"
        if indicator.target_value is not None:
            item = next(item for item in PLAN_INDICATORS if item.code == indicator.code)
            assert item.target_text in indicator.plan_text
            number = re.search(r"[\d.]+", item.target_text)
            if number:
                assert Decimal(number.group()) == indicator.target_value, indicator.code


@pytest.mark.django_db
def test_abnormal_share_must_stay_below_and_percent_targets_are_percent():
    abnormal = Indicator.objects.get(code="abnormal-application-share")
    assert abnormal.comparison == "at_most"
    assert abnormal.target_value == Decimal("0.5")
    assert abnormal.is_percent
    assert Indicator.objects.get(code="ip-budget-share").target_value == Decimal("0.12")
    assert Indicator.objects.get(code="service-institutions").source == "live"
    assert all(indicator.deadline.isoformat() == "2016-12-31" for indicator in Indicator.objects.all())
