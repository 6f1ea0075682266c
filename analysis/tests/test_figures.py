"""The analysis figures, counted by the search backend: each test runs on the embedded backend and, when
ELASTICSEARCH_URL is set, on Elasticsearch, against the same hand-computed figures (so both backends give
the same figures on the same data)."""

from datetime import date

import pytest

from analysis import figures
from analysis.tests.factories import index, patent
from register.models import PartyKind
from register.search import build_query
from register.terms import PatentType
from search.query import Terms, Years
from search.service import aggregate

A, B, C, D = "连云港港城新材料有限公司", "南京甲材料有限公司", "东海石英科技有限公司", "赵六"


@pytest.fixture
def register(search_index):
    patent(
        date(2019, 3, 1),
        (A, B),
        ipc=("C03B 20/00", "C01B 33/12"),
        inventors=("王海", "李明"),
        agency="连云港港城专利代理事务所",
        grant_date=date(2021, 5, 1),
    )
    patent(date(2019, 7, 1), (A,), ipc=("C03B 19/02",), inventors=("王海",), pct=True)
    patent(
        date(2020, 2, 1),
        (C, A),
        ipc=("C03B 20/00",),
        inventors=("张三",),
        patent_type=PatentType.UTILITY_MODEL,
        grant_date=date(2020, 8, 1),
        district="donghai",
    )
    patent(
        date(2020, 5, 1),
        (D,),
        ipc=("H01L 21/02",),
        inventors=("赵六",),
        district=None,
        applicant_kind=PartyKind.INDIVIDUAL,
    )
    index()
    return search_index


def everything():
    return build_query({}, only="patent")


def rows(analysis, key):
    return analysis.table(key).rows


def test_filings_and_grants_are_counted_by_year_and_type(register):
    analysis = figures.analyse(everything())
    assert analysis.total == 4
    # year, invention, utility model, design, total
    assert rows(analysis, "filings") == [[2019, 2, 0, 0, 2], [2020, 1, 1, 0, 2]]
    assert rows(analysis, "grants") == [["2020", 0, 1, 0, 1], ["2021", 1, 0, 0, 1]]
    # Of the inventions filed each year, the share granted.
    assert rows(analysis, "grant_rate") == [[2019, 2, 1, 50.0], [2020, 1, 0, 0.0]]
    assert rows(analysis, "pct") == [[2019, 2, 1, 50.0], [2020, 2, 0, 0.0]]


def test_applicants_inventors_districts_kinds_agencies_and_statuses_are_ranked(register):
    analysis = figures.analyse(everything())
    assert rows(analysis, "applicants")[0] == [A, 3, 75.0]
    assert sorted(rows(analysis, "applicants")[1:]) == sorted([[B, 1, 25.0], [C, 1, 25.0], [D, 1, 25.0]])
    assert rows(analysis, "inventors")[0] == ["王海", 2, 50.0]
    assert sorted(row[0] for row in rows(analysis, "inventors")[1:]) == sorted(["李明", "张三", "赵六"])
    assert rows(analysis, "districts") == [["海州区", 2, 50.0], ["东海县", 1, 25.0]]
    assert rows(analysis, "kinds") == [["企业", 3, 75.0], ["个人", 1, 25.0]]
    assert rows(analysis, "agencies") == [["连云港港城专利代理事务所", 1, 25.0]]
    assert sorted(rows(analysis, "statuses")) == sorted([["有效", 2, 50.0], ["审查中", 2, 50.0]])


def test_co_applicants_are_paired_once_with_their_joint_filings(register):
    table = figures.analyse(everything()).table("network")
    assert {(frozenset(row[:2]), row[2]) for row in table.rows} == {(frozenset((A, B)), 1), (frozenset((A, C)), 1)}
    assert len(table.rows) == 2
    assert {node["name"] for node in table.chart["nodes"]} == {A, B, C}


def test_the_ipc_distribution_drills_from_section_to_class_to_group(register):
    assert rows(figures.analyse(everything()), "ipc") == [["C", 3, 75.0], ["H", 1, 25.0]]
    in_c = everything()
    in_c.tags = {"ipc": ["C"]}
    analysis = figures.analyse(in_c, "C")
    assert analysis.total == 3
    assert rows(analysis, "ipc") == [["C03", 3, 100.0], ["C01", 1, 33.3]]
    in_c03b = build_query({"ipc": "C03B"}, only="patent")
    assert rows(figures.analyse(in_c03b, "C03B"), "ipc") == [["C03B 20/00", 2, 66.7], ["C03B 19/00", 1, 33.3]]


def test_the_register_search_filters_narrow_the_analysis(register):
    analysis = figures.analyse(build_query({"applicant": A, "year_from": 2020}, only="patent"))
    assert analysis.total == 1
    assert rows(analysis, "filings") == [[2020, 0, 1, 0, 1]]


def test_aggregations_nest_and_keep_only_the_values_asked_for(register):
    result, _backend = aggregate(
        everything(), [Terms("chosen", "applicant", size=5, values=(B, C, "无此人"), sub=(Years("years"),))]
    )
    found = {
        bucket.key: (bucket.count, [(y.key, y.count) for y in bucket.sub["years"]])
        for bucket in result.buckets["chosen"]
    }
    assert found == {B: (1, [(2019, 1)]), C: (1, [(2020, 1)])}
