import pytest
from django.urls import reverse

from accounts.roles import REGISTER_MANAGERS
from register import imports
from register.models import PatentParty
from register.organisations import agency_figures, portfolio
from services.tests.factories import InstitutionFactory
from tests.factories import MembershipFactory, OrganisationFactory, make_credit_code, staff_in

from .files import PATENT_HEADER, PHARMA, QUARTZ, csv_file

pytestmark = pytest.mark.django_db


def load(rows, header=PATENT_HEADER):
    user = staff_in(REGISTER_MANAGERS)
    batch = imports.preview_file(csv_file(rows, header=header), record_kind="patent", source_kind="cnipa", user=user)
    imports.start_import(batch)
    return imports.run_import(batch.pk)


def test_an_applicant_with_a_credit_code_is_tied_to_its_organisation_at_once():
    code = make_credit_code(424242)
    enterprise = OrganisationFactory(name="连云港石英新材料股份公司", credit_code=code)
    load([[*QUARTZ, code]], header=[*PATENT_HEADER, "统一社会信用代码"])
    party = PatentParty.objects.get()
    assert (party.organisation, party.match_confirmed) == (enterprise, True)
    assert portfolio(enterprise)["patent_total"] == 1


def test_a_match_by_name_only_counts_once_staff_confirm_it(client):
    enterprise = OrganisationFactory(name="连云港石英新材料有限公司")
    load([QUARTZ])
    party = PatentParty.objects.get()
    assert (party.organisation, party.match_confirmed) == (enterprise, False)
    assert portfolio(enterprise)["patent_total"] == 0
    client.force_login(staff_in(REGISTER_MANAGERS))
    assert "连云港石英新材料有限公司" in client.get(reverse("register_admin:matches")).content.decode()
    client.post(reverse("register_admin:match_decide", args=["party", party.pk]), {"decision": "confirm"})
    assert portfolio(enterprise)["patent_total"] == 1


def test_staff_can_undo_a_wrong_name_match():
    enterprise = OrganisationFactory(name="连云港石英新材料有限公司")
    load([QUARTZ])
    from register.organisations import confirm_match

    confirm_match(PatentParty.objects.get(), confirmed=False)
    assert PatentParty.objects.get().organisation is None
    assert portfolio(enterprise)["patent_total"] == 0


def test_an_enterprise_sees_its_portfolio_on_its_dashboard(client):
    code = make_credit_code(434343)
    membership = MembershipFactory(organisation__credit_code=code)
    load([[*QUARTZ, code], [*PHARMA, code]], header=[*PATENT_HEADER, "统一社会信用代码"])
    client.force_login(membership.user)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert "专利 2 件（有效 1 件）" in page
    assert reverse("register:patent", args=["201310123456.2"]) in page


def test_an_institutions_scorecard_shows_the_patents_it_filed_as_agency():
    agency = InstitutionFactory(licence_number="32231")
    pending = ["201310123469X", "2013-05-01", "", "", "", "一种石英管", "", "连云港石英新材料有限公司", "", "", ""]
    pending += ["连云港港城专利代理事务所 32231", "", "", ""]
    load([QUARTZ, [*PHARMA[:11], "连云港港城专利代理事务所 32231", *PHARMA[12:]], pending])
    assert agency_figures(agency) == {"filed": 3, "granted": 2, "grant_rate": 67}
