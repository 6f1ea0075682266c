"""Every live indicator's counting rule: what counts, by district and by day, and that data changes show at once."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from listings.models import Deal, Listing
from listings.tests.factories import FinancingNeedFactory, ListingFactory
from reference.models import District
from rights.models import Case, Status
from rights.tests.factories import CaseFactory
from services import institutions as institution_functions
from services.models import Institution
from services.tests.factories import InstitutionFactory
from targets.dashboard import build_rows
from targets.entries import certify_enterprise, revoke_certification
from targets.live import RULES
from targets.models import Indicator
from tests.factories import OrganisationFactory, UserFactory
from training.models import Certificate

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def district(code):
    return District.objects.get(code=code)


def at(day):
    return datetime.combine(day, datetime.min.time(), tzinfo=SHANGHAI) + timedelta(hours=10)


def test_every_live_indicator_names_a_registered_rule_that_counts():
    for indicator in Indicator.objects.filter(source="live"):
        rule = RULES[indicator.live_rule]
        assert str(rule.description), indicator.code
        measured = rule.measurement()
        # A ratio without its reference data says what to enter instead of showing a number.
        assert (measured.value is None and measured.missing) or measured.value >= 0, indicator.code


def test_service_institutions_count_by_their_status_on_the_day_from_the_status_history():
    rule = RULES["service-institutions"]
    staff = UserFactory(is_staff=True, is_superuser=True)
    with time_machine.travel(at(date(2015, 3, 1)), tick=False):
        applied_2015 = InstitutionFactory(status=Institution.Status.PENDING, approved_at=None)
        institution_functions.approve(applied_2015, staff)
    with time_machine.travel(at(date(2016, 5, 1)), tick=False):
        donghai = InstitutionFactory(district=district("donghai"), status=Institution.Status.PENDING, approved_at=None)
        institution_functions.approve(donghai, staff)
    InstitutionFactory(approved_at=at(date(2015, 6, 1)))  # older data: approved without an event row
    InstitutionFactory(status=Institution.Status.PENDING, approved_at=None)
    InstitutionFactory(is_active=False, approved_at=at(date(2015, 1, 1)))  # paused its own listing
    with time_machine.travel(at(date(2016, 8, 1)), tick=False):
        institution_functions.suspend(applied_2015, staff, "资质证书过期")

    assert rule.value(on=date(2015, 2, 1)) == 1  # only the paused one, approved in January
    assert rule.value(on=date(2015, 12, 31)) == 3
    assert rule.value(on=date(2016, 6, 30)) == 4
    assert rule.value(district=district("donghai"), on=date(2016, 6, 30)) == 1
    # Suspended in August: no longer counted from then on, still counted before.
    assert rule.value(on=date(2016, 12, 31)) == 3
    assert rule.value() == 3
    assert rule.value(on=date(2016, 6, 30)) == 4


def test_approving_one_more_institution_raises_the_figure_at_once():
    rule = RULES["service-institutions"]
    InstitutionFactory()
    pending = InstitutionFactory(status=Institution.Status.PENDING, approved_at=None)
    assert rule.value() == 1
    institution_functions.approve(pending, UserFactory(is_staff=True, is_superuser=True))
    assert rule.value() == 2


def certificate(course_type, issued_on, organisation=None, number=[0]):  # noqa: B006 - a counter
    number[0] += 1
    return Certificate.objects.create(
        number=f"LYG-T-{number[0]:05d}",
        holder=UserFactory(),
        holder_name="张三",
        organisation=organisation,
        course_title="知识产权工程师培训班",
        course_type=course_type,
        issued_on=issued_on,
    )


def test_people_trained_are_counted_once_with_their_certificates_beside():
    engineers, agents = RULES["ip-engineers-trained"], RULES["patent-agents-trained"]
    ganyu = OrganisationFactory(district=district("ganyu"))
    twice = certificate("ip_engineer", date(2015, 6, 1), ganyu)
    again = certificate("ip_engineer", date(2016, 6, 1))
    again.holder = twice.holder
    again.save()
    certificate("ip_engineer", date(2016, 3, 1))
    certificate("patent_agent", date(2016, 3, 1))
    certificate("ip_manager", date(2016, 3, 1))
    assert engineers.value() == 2  # three certificates, two people
    assert engineers.measurement().parts[1][1] == 3
    assert engineers.value(on=date(2015, 12, 31)) == 1
    assert engineers.value(district=district("ganyu")) == 1
    assert agents.value() == 1


def deal(listing, amount, day):
    return Deal.objects.create(
        listing=listing,
        section=listing.section,
        district=listing.district,
        counterparty_name="江苏银行连云港分行",
        amount=Decimal(amount),
        deal_date=day,
    )


def test_pledge_financing_deals_and_amounts_and_transaction_deals():
    deal(FinancingNeedFactory(), "500", date(2015, 9, 1))
    deal(FinancingNeedFactory(district=district("donghai")), "300", date(2016, 2, 1))
    deal(ListingFactory(), "80", date(2016, 4, 1))
    FinancingNeedFactory()  # a need without a deal does not count
    assert RULES["pledge-financing-deals"].value() == 2
    assert RULES["pledge-financing-deals"].value(on=date(2015, 12, 31)) == 1
    assert RULES["pledge-financing-amount"].value() == Decimal("800")
    assert RULES["pledge-financing-amount"].value(district=district("donghai")) == Decimal("300")
    assert RULES["pledge-financing-amount"].history()[-1] == (date(2016, 2, 1), Decimal("800"))
    assert RULES["transaction-deals"].value() == 1
    assert Listing.objects.count() == 4


def test_rights_cases_count_closed_ones():
    rule = RULES["rights-cases-closed"]
    CaseFactory(status=Status.CLOSED, outcome="mediated", closed_at=at(date(2016, 3, 1)), district=district("haizhou"))
    CaseFactory(status=Status.CLOSED, outcome="assisted", closed_at=at(date(2016, 8, 1)))
    CaseFactory(status=Status.RECEIVED)
    assert rule.value() == 2
    assert rule.value(district=district("haizhou")) == 1
    assert rule.value(on=date(2016, 6, 30)) == 1
    assert Case.objects.count() == 3


def certify(enterprise, number, day, staff):
    return certify_enterprise(
        enterprise,
        certificate_number=number,
        certified_on=day,
        issued_by="市科技局",
        evidence=SimpleUploadedFile("c.pdf", PDF),
        user=staff,
    )


def test_demonstration_enterprises_count_certifications_in_force(staff):
    rule = RULES["demonstration-enterprises"]
    donghai = OrganisationFactory(district=district("donghai"))
    first = certify(OrganisationFactory(), "A-1", date(2015, 6, 1), staff)
    certify(donghai, "A-2", date(2016, 1, 10), staff)
    assert rule.value() == 2
    assert rule.value(district=district("donghai")) == 1
    revoke_certification(first, revoked_on=date(2016, 6, 1))
    assert rule.value() == 1
    assert rule.value(on=date(2016, 3, 1)) == 2  # still in force then
    assert rule.history() == [(date(2015, 6, 1), 1), (date(2016, 1, 10), 2), (date(2016, 6, 1), 1)]


def test_an_enterprise_holds_one_certification_at_a_time(staff):
    from django.core.exceptions import ValidationError

    enterprise = OrganisationFactory()
    certify(enterprise, "B-1", date(2015, 6, 1), staff)
    with pytest.raises(ValidationError):
        certify(enterprise, "B-2", date(2016, 6, 1), staff)


def test_dashboard_row_shows_the_live_figure_against_the_target():
    InstitutionFactory()
    InstitutionFactory()
    row = build_rows(Indicator.objects.filter(code="service-institutions"), on=timezone.localdate())[0]
    assert row.value == 2 and row.indicator.target_value == 12
    assert row.assessment.percent == pytest.approx(16.7)


def test_drilldown_lists_the_records_and_shows_the_query(staff_client):
    InstitutionFactory(organisation__name="连云港港城专利代理事务所")
    InstitutionFactory(status=Institution.Status.PENDING, organisation__name="尚未审核的机构")
    response = staff_client.get(reverse("targets_admin:indicator", args=["service-institutions"]))
    html = response.content.decode()
    assert "连云港港城专利代理事务所" in html
    assert "尚未审核的机构" not in html
    assert "SELECT" in html and "services_institution" in html
    assert "status = approved" in html
