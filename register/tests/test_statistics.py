"""The plan's patent and trademark indicators counted from the register, each on hand-computed records,
and each asked "as of" a past day after later changes."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reference.abnormal import import_abnormal_applications
from reference.models import District, RdSpending, ResidentPopulation
from register import statistics
from register.models import Trademark
from register.terms import EventKind, PatentType
from register.tests.factories import add_event, make_patent, make_trademark

pytestmark = pytest.mark.django_db

# 万人, chosen so the ratios come out exact: the urban districts hold 2.00, the whole city 4.00.
POPULATION_2015 = {
    "haizhou": "1.00",
    "lianyun": "0.20",
    "ganyu": "0.30",
    "kaifaqu": "0.20",
    "gaoxinqu": "0.20",
    "yuntaishan": "0.10",
    "donghai": "1.00",
    "guanyun": "0.50",
    "guannan": "0.30",
    "xuwei": "0.20",
}


def district(code):
    return District.objects.get(code=code)


@pytest.fixture
def population():
    for code, residents in POPULATION_2015.items():
        ResidentPopulation.objects.create(district=district(code), year=2015, residents=Decimal(residents))
    # 2016 is entered for one district only: the figures keep using 2015, the last complete year.
    ResidentPopulation.objects.create(district=district("haizhou"), year=2016, residents=Decimal("9.00"))


@pytest.fixture
def inventions():
    """Invention patents whose status differs from year to year."""
    return {
        "granted": make_patent(date(2010, 1, 5), grant_date=date(2013, 6, 1)),
        "lapses_2016": make_patent(
            date(2011, 2, 1), grant_date=date(2014, 5, 1), events=[(EventKind.ANNUITY_LAPSE, date(2016, 3, 1))]
        ),
        "county": make_patent(date(2012, 1, 1), grant_date=date(2015, 1, 10), district="donghai"),
        "pending": make_patent(date(2014, 1, 1), district="ganyu"),
        "utility_model": make_patent(
            date(2013, 1, 1), patent_type=PatentType.UTILITY_MODEL, grant_date=date(2013, 8, 1)
        ),
        "outside_city": make_patent(date(2010, 1, 1), grant_date=date(2013, 1, 1), district=None),
        "invalidated_2015": make_patent(
            date(2012, 3, 1),
            grant_date=date(2014, 3, 1),
            district="lianyun",
            events=[(EventKind.INVALIDATION, date(2015, 6, 1))],
        ),
        "restored": make_patent(
            date(2009, 1, 1),
            grant_date=date(2012, 1, 1),
            events=[(EventKind.ANNUITY_LAPSE, date(2014, 5, 1)), (EventKind.RESTORATION, date(2014, 9, 1))],
        ),
    }


def per_10k(on, district=None, urban_only=False):
    return statistics.invention_patents_per_10k(district, on, urban_only=urban_only).value


def test_valid_invention_patents_per_10k_residents_urban_and_whole_city(population, inventions):
    # End of 2015: granted, lapses_2016, restored (urban, 3) and county (1); invalidated_2015 no longer.
    assert per_10k(date(2015, 12, 31), urban_only=True) == Decimal("1.50")  # 3 ÷ 2.00
    assert per_10k(date(2015, 12, 31)) == Decimal("1.00")  # 4 ÷ 4.00
    # End of 2016: lapses_2016 has lapsed; 2016's population is incomplete, so 2015's is used.
    assert per_10k(date(2016, 12, 31), urban_only=True) == Decimal("1.00")  # 2 ÷ 2.00
    assert per_10k(date(2016, 12, 31)) == Decimal("0.75")  # 3 ÷ 4.00
    # One district: 海州区 at the end of 2015 holds granted, lapses_2016, restored: 3 ÷ 1.00.
    assert per_10k(date(2015, 12, 31), district("haizhou")) == Decimal("3.00")


def test_the_urban_figure_has_no_value_for_a_county_and_none_without_population(inventions):
    county = statistics.invention_patents_per_10k(district("donghai"), date(2015, 12, 31), urban_only=True)
    assert county.value is None and county.missing
    measured = statistics.invention_patents_per_10k(None, date(2015, 12, 31))
    assert measured.value is None
    assert "常住人口" in measured.missing
    assert measured.parts[0][1] == 4  # the patents are still counted and shown


def test_a_lapse_recorded_later_leaves_the_earlier_figure_as_it_was(population, inventions):
    before = per_10k(date(2016, 12, 31), urban_only=True)
    add_event(inventions["granted"], EventKind.ANNUITY_LAPSE, date(2017, 2, 1))
    assert per_10k(date(2016, 12, 31), urban_only=True) == before == Decimal("1.00")
    # Today only `restored` is left in the urban districts: 1 ÷ 2.00.
    assert per_10k(None, urban_only=True) == Decimal("0.50")


@pytest.fixture
def grants():
    for day in (date(2014, 3, 1), date(2014, 5, 1), date(2014, 9, 1)):
        make_patent(date(2012, 1, 1), grant_date=day)
    make_patent(date(2013, 1, 1), grant_date=date(2015, 1, 10), district="donghai")
    # Granted by its event only: the grant event's day counts.
    make_patent(date(2013, 1, 1), events=[(EventKind.GRANT, date(2015, 2, 1))])
    make_patent(date(2013, 1, 1), grant_date=date(2015, 6, 30))
    make_patent(date(2013, 1, 1), grant_date=date(2015, 7, 1))
    make_patent(date(2014, 1, 1), patent_type=PatentType.UTILITY_MODEL, grant_date=date(2015, 3, 1))
    make_patent(date(2013, 1, 1), grant_date=date(2015, 3, 1), district=None)


def test_growth_of_invention_grants_on_the_same_period_of_last_year(grants):
    # 1 Jan–30 Jun: 3 grants in 2015 against 2 in 2014.
    assert statistics.invention_grant_growth(None, date(2015, 6, 30)).value == Decimal("50.00")
    # The whole year: 4 against 3.
    assert statistics.invention_grant_growth(None, date(2015, 12, 31)).value == Decimal("33.33")
    # No grants in the same period of 2013: no rate.
    no_base = statistics.invention_grant_growth(None, date(2014, 6, 30))
    assert no_base.value is None and no_base.missing
    # 东海县: one grant in 2015, none in 2014.
    assert statistics.invention_grant_growth(district("donghai"), date(2015, 12, 31)).value is None


def test_invention_grants_per_million_yuan_of_rd_spending(grants):
    assert statistics.invention_grants_per_rd_million(None, date(2015, 12, 31)).value is None
    RdSpending.objects.create(year=2014, amount=Decimal("1000"))  # 10 million yuan
    RdSpending.objects.create(year=2015, amount=Decimal("2000"))  # 20 million yuan
    assert statistics.invention_grants_per_rd_million(None, date(2014, 12, 31)).value == Decimal("0.30")  # 3 ÷ 10
    assert statistics.invention_grants_per_rd_million(None, date(2015, 12, 31)).value == Decimal("0.20")  # 4 ÷ 20
    # Mid-2016 without 2016's spending: 2015's grants and spending.
    assert statistics.invention_grants_per_rd_million(None, date(2016, 6, 30)).value == Decimal("0.20")
    assert statistics.invention_grants_per_rd_million(district("haizhou"), date(2015, 12, 31)).value is None


def test_pct_applications_of_the_year():
    make_patent(date(2014, 5, 1), pct=True)
    make_patent(date(2015, 2, 1), pct=True)
    make_patent(date(2015, 8, 1), pct=True, district="donghai")
    make_patent(date(2015, 3, 1))
    make_patent(date(2015, 3, 1), pct=True, district=None)
    assert statistics.pct_applications(None, date(2014, 12, 31)).value == 1
    assert statistics.pct_applications(None, date(2015, 6, 30)).value == 1
    assert statistics.pct_applications(None, date(2015, 12, 31)).value == 2
    assert statistics.pct_applications(district("donghai"), date(2015, 12, 31)).value == 1


def abnormal_list(*lines):
    text = "\r\n".join(["申请号,通报日期,通报文件", *lines]) + "\r\n"
    return SimpleUploadedFile("list.csv", text.encode("utf-8"), content_type="text/csv")


@pytest.fixture
def applications_2015():
    kinds = ["enterprise"] * 5 + ["individual"] * 2 + ["academic"]
    return [
        make_patent(date(2015, 1, 1 + index * 3), patent_type=PatentType.UTILITY_MODEL, applicant_kind=kind)
        for index, kind in enumerate(kinds)
    ]


def test_abnormal_application_share_of_the_year(applications_2015):
    first, second, third = (patent.application_number for patent in applications_2015[:3])
    result = import_abnormal_applications(
        abnormal_list(f"CN{first},2015-10-01,国知局通报", f"ZL {second},2015-10-01,国知局通报", f"{third},2016-03-01,")
    )
    assert (result.written, result.errors) == (3, [])
    assert statistics.abnormal_application_share(None, date(2015, 6, 30)).value == Decimal("0.00")
    assert statistics.abnormal_application_share(None, date(2015, 12, 31)).value == Decimal("25.00")  # 2 of 8
    # 2016 has no applications yet: no share.
    assert statistics.abnormal_application_share(None, date(2016, 12, 31)).value is None


def test_a_bad_abnormal_list_imports_nothing_and_names_the_row(applications_2015):
    result = import_abnormal_applications(
        abnormal_list(f"{applications_2015[0].application_number},2015-10-01,", "201510000001.9,2015-10-01,")
    )
    assert result.written == 0 and "第 3 行" in result.errors[0]
    assert statistics.abnormal_application_share(None, date(2015, 12, 31)).value == Decimal("0.00")


def test_enterprise_share_of_the_years_applications(applications_2015):
    assert statistics.enterprise_application_share(None, date(2015, 12, 31)).value == Decimal("62.50")  # 5 of 8
    make_patent(date(2015, 11, 1), applicant_kind="individual")
    assert statistics.enterprise_application_share(None, date(2015, 6, 30)).value == Decimal("62.50")
    assert statistics.enterprise_application_share(None, date(2015, 12, 31)).value == Decimal("55.56")  # 5 of 9


@pytest.fixture
def trademarks():
    return {
        "plain": make_trademark(date(2010, 5, 1)),
        "agricultural": make_trademark(date(2012, 3, 1), is_agricultural=True),
        "gi": make_trademark(
            date(2013, 1, 1), district="donghai", is_geographical_indication=True, is_agricultural=True
        ),
        "madrid_2015": make_trademark(date(2014, 6, 1), is_madrid=True, madrid_date=date(2015, 9, 1)),
        "madrid_undated": make_trademark(date(2011, 1, 1), is_madrid=True),
        "well_known": make_trademark(
            date(2009, 1, 1), well_known=Trademark.WellKnown.ADMINISTRATIVE, well_known_year=2015
        ),
        "judicial": make_trademark(date(2009, 1, 1), well_known=Trademark.WellKnown.JUDICIAL, well_known_year=2014),
        "famous_2016": make_trademark(date(2008, 1, 1), is_provincial_famous=True, provincial_famous_year=2016),
        "famous": make_trademark(date(2010, 1, 1), is_provincial_famous=True),
        "cancelled_2016": make_trademark(
            date(2012, 1, 1), status=Trademark.Status.CANCELLED, status_since=date(2016, 4, 1)
        ),
        "invalidated_undated": make_trademark(date(2012, 1, 1), status=Trademark.Status.INVALIDATED),
        "expired_2014": make_trademark(date(2005, 1, 1), expiry_date=date(2014, 12, 31)),
        "outside_city": make_trademark(date(2012, 1, 1), district=None),
    }


def test_registered_trademarks_on_a_day(trademarks):
    assert trademarks["expired_2014"].status == Trademark.Status.EXPIRED
    # End of 2014: everything registered by then except the undated invalidation and outside the city.
    assert statistics.registered_trademarks(None, date(2014, 12, 31)).value == 11
    assert statistics.registered_trademarks(None, date(2015, 12, 31)).value == 10  # expired_2014 gone
    assert statistics.registered_trademarks(None, date(2016, 12, 31)).value == 9  # cancelled_2016 gone
    assert statistics.registered_trademarks(district("donghai"), date(2015, 12, 31)).value == 1


def test_agricultural_madrid_and_geographical_indication_marks(trademarks):
    assert statistics.agricultural_trademarks(None, date(2015, 12, 31)).value == 2
    assert statistics.geographical_indication_marks(None, date(2015, 12, 31)).value == 1
    assert statistics.madrid_registrations(None, date(2015, 6, 30)).value == 1  # the undated one
    assert statistics.madrid_registrations(None, date(2015, 12, 31)).value == 2


def test_well_known_and_provincial_famous_marks_by_year_of_recognition(trademarks):
    assert statistics.well_known_marks(None, date(2014, 12, 31)).value == 0  # the judicial one never
    assert statistics.well_known_marks(None, date(2015, 12, 31)).value == 1
    assert statistics.famous_marks(None, date(2015, 12, 31)).value == 1
    assert statistics.famous_marks(None, date(2016, 12, 31)).value == 2


def test_a_cancellation_imported_later_leaves_the_earlier_figures_as_they_were(trademarks):
    mark = trademarks["agricultural"]
    mark.status, mark.status_since = Trademark.Status.CANCELLED, date(2017, 5, 1)
    mark.save()
    assert statistics.agricultural_trademarks(None, date(2016, 12, 31)).value == 2
    assert statistics.agricultural_trademarks(None, date(2017, 12, 31)).value == 1
