"""The dashboard counts the plan's indicators from records: yearly targets judged per year, staff entries
overriding a count (shown as such), at least 18 of the 22 targets counted with their formula, and a past
"as of" day giving that day's figures after later changes."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from reference.models import District, ResidentPopulation
from register.models import Trademark
from register.terms import EventKind
from register.tests.factories import add_event, make_patent, make_trademark
from services.statistics import listed_institutions
from services.tests.factories import InstitutionFactory
from targets.dashboard import build_rows, counted_from_records, public_rows
from targets.entries import record_entry
from targets.live import RULES
from targets.models import Indicator
from targets.progress import Status

pytestmark = pytest.mark.django_db


def row(code, on, district=None):
    return build_rows(Indicator.objects.filter(code=code), district=district, on=on)[0]


def meetings(staff, *figures):
    indicator = Indicator.objects.get(code="ip-work-meetings")
    for day, value in figures:
        record_entry(indicator, as_of=day, value=Decimal(value), source_note="市政府办公室", user=staff)


def test_meetings_are_judged_year_by_year(staff):
    meetings(staff, (date(2014, 12, 20), 2), (date(2015, 12, 25), 1), (date(2016, 6, 30), 1), (date(2016, 11, 30), 3))
    end_2016 = row("ip-work-meetings", date(2016, 12, 31))
    assert (end_2016.value, end_2016.status) == (3, Status.MET)
    assert end_2016.years == [(2014, 2, True), (2015, 1, False), (2016, 3, True)]
    # 2015 ended with one meeting: that year missed its target.
    assert row("ip-work-meetings", date(2015, 12, 31)).status == Status.AT_RISK


def test_one_meeting_by_mid_year_is_on_track_not_at_risk(staff):
    # Before the fix the 2016 figure was read against 2015's as a falling cumulative value: 存在风险.
    meetings(staff, (date(2015, 12, 25), 2), (date(2016, 6, 30), 1))
    mid_2016 = row("ip-work-meetings", date(2016, 7, 1))
    assert mid_2016.value == 1
    assert mid_2016.assessment.expected == pytest.approx(1.0)  # 2 × 183/366 of the year gone
    assert mid_2016.status == Status.ON_TRACK


def test_last_years_figure_is_not_this_years(staff):
    meetings(staff, (date(2015, 12, 25), 2))
    early_2016 = row("ip-work-meetings", date(2016, 3, 1))
    assert early_2016.value is None and early_2016.status == Status.NO_DATA
    assert early_2016.years == [(2014, None, None), (2015, 2, True), (2016, None, None)]


def test_growth_of_grants_is_a_yearly_target_counted_from_the_register():
    make_patent(date(2012, 1, 1), grant_date=date(2014, 3, 1))
    make_patent(date(2012, 1, 1), grant_date=date(2014, 4, 1))
    make_patent(date(2013, 1, 1), grant_date=date(2015, 2, 1))
    make_patent(date(2013, 1, 1), grant_date=date(2015, 3, 1))
    make_patent(date(2013, 1, 1), grant_date=date(2015, 5, 1))
    growth = row("invention-grant-growth", date(2015, 12, 31))
    assert growth.is_counted and growth.value == Decimal("50.00")  # 3 against 2
    assert growth.status == Status.MET
    assert growth.years[-1] == (2015, Decimal("50.00"), True)
    # By mid-April 2015, 2 grants against 2: growth 0, below 25% while the year runs.
    assert row("invention-grant-growth", date(2015, 4, 15)).status == Status.BEHIND


def test_a_staff_entry_overrides_the_count_for_the_rest_of_its_year_and_says_who(staff, staff_client):
    make_trademark(date(2012, 1, 1))
    make_trademark(date(2013, 1, 1))
    record_entry(
        Indicator.objects.get(code="trademark-registrations"),
        as_of=date(2015, 6, 30),
        value=Decimal(12900),
        source_note="连云港工商局年报",
        user=staff,
    )
    overridden = row("trademark-registrations", date(2015, 12, 31))
    assert (overridden.value, overridden.counted) == (12900, 2)
    assert overridden.is_overridden and overridden.override.entered_by == staff
    assert not overridden.is_counted
    next_year = row("trademark-registrations", date(2016, 1, 1))
    assert (next_year.value, next_year.is_overridden) == (2, False)

    html = staff_client.get(reverse("targets_admin:dashboard"), {"on": "2015-12-31"}).content.decode()
    assert "人工填报（覆盖平台统计）" in html and str(staff) in html and "平台统计 2" in html


def test_at_least_18_of_the_22_targets_are_counted_from_records_with_their_formula(staff_client):
    rows = build_rows(Indicator.objects.all(), on=date(2016, 12, 31))
    with_target = [row for row in rows if row.indicator.has_target]
    assert len(with_target) == 22
    assert counted_from_records(rows) >= 18
    response = staff_client.get(reverse("targets_admin:dashboard"), {"on": "2016-12-31"})
    html = response.content.decode()
    for counted in (row for row in with_target if row.is_counted):
        assert str(counted.rule.formula) in html, counted.indicator.code
        assert str(counted.rule.sources) in html, counted.indicator.code
    assert f"{counted_from_records(rows)} 项由平台记录统计" in html


def figure_on(staff_client, code, day):
    html = staff_client.get(reverse("targets_admin:dashboard"), {"on": day}).content.decode()
    cell = html.split(f'id="indicator-{code}"', 1)[1]
    return cell.split('data-value="', 1)[1].split('"', 1)[0]


def test_a_past_as_of_day_reproduces_that_days_figures_after_later_changes(staff_client):
    for code, residents in (("haizhou", "1.00"), ("lianyun", "1.00")):
        ResidentPopulation.objects.create(district=District.objects.get(code=code), year=2015, residents=residents)
    for urban in District.objects.filter(is_urban=True).exclude(code__in=["haizhou", "lianyun"]):
        ResidentPopulation.objects.create(district=urban, year=2015, residents=Decimal("0.50"))
    granted = make_patent(date(2010, 1, 1), grant_date=date(2013, 1, 1))
    make_patent(date(2011, 1, 1), grant_date=date(2014, 1, 1), district="lianyun")
    agricultural = make_trademark(date(2012, 1, 1), is_agricultural=True)
    make_trademark(date(2013, 1, 1), is_agricultural=True)
    # Urban population 1 + 1 + 4 × 0.5 = 4.00 万人; 2 valid inventions.
    assert figure_on(staff_client, "invention-patents-per-10k-urban", "2015-12-31") == "0.50"
    assert figure_on(staff_client, "agricultural-trademarks", "2015-12-31") == "2"

    add_event(granted, EventKind.ANNUITY_LAPSE, date(2017, 3, 1))
    agricultural.status, agricultural.status_since = Trademark.Status.CANCELLED, date(2017, 1, 5)
    agricultural.save()
    assert figure_on(staff_client, "invention-patents-per-10k-urban", "2015-12-31") == "0.50"
    assert figure_on(staff_client, "agricultural-trademarks", "2015-12-31") == "2"
    assert figure_on(staff_client, "invention-patents-per-10k-urban", "2017-12-31") == "0.25"
    assert figure_on(staff_client, "agricultural-trademarks", "2017-12-31") == "1"


def test_the_public_summary_and_the_home_page_count_with_the_same_rules(client):
    InstitutionFactory()
    InstitutionFactory(is_active=False)  # paused its listing: still an institution of the city
    rows = {row.indicator.code: row for row in public_rows()}
    counted = RULES["service-institutions"].value()
    assert rows["service-institutions"].value == counted == 2
    assert listed_institutions().count() == counted
    html = client.get(reverse("targets:summary")).content.decode()
    assert "知识产权服务机构" in html
