from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership, Organisation
from reference.models import District
from search.outbox import process_pending
from services.models import Institution, Offering, ServiceCategory
from tests.factories import OrganisationFactory

from .factories import InstitutionFactory, OfferingFactory, member_of

pytestmark = pytest.mark.django_db


def names(response):
    return [institution.name for institution in response.context["page_obj"]]


def test_directory_lists_only_approved_active_institutions(client, search_index):
    shown = InstitutionFactory()
    hidden = [
        InstitutionFactory(status=Institution.Status.PENDING),
        InstitutionFactory(status=Institution.Status.REJECTED),
        InstitutionFactory(status=Institution.Status.SUSPENDED),
        InstitutionFactory(is_active=False),
    ]
    response = client.get("/institutions/")
    assert names(response) == [shown.name]
    for institution in hidden:
        assert institution.name not in response.content.decode()


def test_directory_filters_by_type_category_district_grade_rating_and_verified(client, search_index):
    agency = InstitutionFactory(
        institution_type="patent_agency",
        licence_number="32231",
        credit_grade="A+",
        credit_grade_year=2024,
        district=District.objects.get(code="ganyu"),
        rating_average=Decimal("4.80"),
        rating_count=5,
        categories=[ServiceCategory.objects.get(code="patent-filing")],
    )
    valuation = InstitutionFactory(
        institution_type="valuation",
        rating_average=Decimal("3.20"),
        rating_count=2,
        categories=[ServiceCategory.objects.get(code="valuation")],
    )
    assert names(client.get("/institutions/?type=patent_agency")) == [agency.name]
    assert names(client.get("/institutions/?category=valuation")) == [valuation.name]
    assert names(client.get("/institutions/?district=ganyu")) == [agency.name]
    assert names(client.get("/institutions/?grade=A%2B")) == [agency.name]
    assert names(client.get("/institutions/?rating=4")) == [agency.name]
    assert names(client.get("/institutions/?verified=on")) == [agency.name]


def test_directory_sorts_by_rating_newest_and_name(client, search_index):
    now = timezone.now()
    low = InstitutionFactory(
        organisation__name="甲机构", rating_average=Decimal("3.00"), rating_count=1, approved_at=now
    )
    high = InstitutionFactory(
        organisation__name="乙机构",
        rating_average=Decimal("4.90"),
        rating_count=3,
        approved_at=now - timezone.timedelta(days=30),
    )
    unrated = InstitutionFactory(organisation__name="丙机构", approved_at=now - timezone.timedelta(days=60))
    assert names(client.get("/institutions/")) == [high.name, low.name, unrated.name]
    assert names(client.get("/institutions/?sort=newest")) == [low.name, high.name, unrated.name]
    assert names(client.get("/institutions/?sort=name")) == sorted([low.name, high.name, unrated.name])


def test_directory_paginates_with_a_bounded_number_of_queries(client, search_index, django_assert_max_num_queries):
    for _ in range(15):
        InstitutionFactory()
    # The index is up to date (as after the commits), so only the page itself is counted.
    process_pending()
    with django_assert_max_num_queries(18):
        first = client.get("/institutions/")
    assert len(first.context["page_obj"]) == 12
    second = client.get("/institutions/?page=2")
    assert len(second.context["page_obj"]) == 3


def test_keyword_search_finds_an_institution_by_its_offering(client, search_index):
    offering = OfferingFactory(title="高价值专利培育布局分析")
    InstitutionFactory()
    assert names(client.get("/institutions/?q=专利培育")) == [offering.institution.name]


def test_institution_page_shows_scorecard_offerings_and_bounded_queries(client, django_assert_max_num_queries):
    institution = InstitutionFactory(
        institution_type="patent_agency",
        licence_number="32231",
        credit_grade="A",
        credit_grade_year=2024,
        rating_average=Decimal("4.50"),
        rating_count=2,
        completed_orders=7,
        median_reply_seconds=5400,
    )
    for _ in range(15):
        OfferingFactory(institution=institution)
    draft = OfferingFactory(institution=institution, status=Offering.Status.DRAFT, title="未发布的草稿服务")
    with django_assert_max_num_queries(20):
        response = client.get(f"/institutions/{institution.pk}/")
    content = response.content.decode()
    assert "A（2024）" in content
    assert "4.50" in content
    assert "中位数 1.5 小时" in content
    assert ">7<" in content
    assert draft.title not in content


def test_members_preview_their_pending_institution_others_get_404(client, outsider):
    institution = InstitutionFactory(status=Institution.Status.PENDING)
    assert client.get(f"/institutions/{institution.pk}/").status_code == 404
    client.force_login(outsider)
    assert client.get(f"/institutions/{institution.pk}/").status_code == 404
    client.force_login(member_of(institution.organisation))
    response = client.get(f"/institutions/{institution.pk}/")
    assert response.status_code == 200
    assert "仅您的机构和平台管理员可见" in response.content.decode()


def test_offerings_are_browsed_by_category(client, search_index, django_assert_max_num_queries):
    trademark = OfferingFactory()
    valuation = OfferingFactory(category=ServiceCategory.objects.get(code="valuation"), title="专利价值评估报告")
    OfferingFactory(status=Offering.Status.ARCHIVED, title="已下架的旧服务")
    OfferingFactory(institution=InstitutionFactory(status=Institution.Status.SUSPENDED), title="暂停机构的服务")
    process_pending()
    with django_assert_max_num_queries(16):
        response = client.get("/institutions/offerings/?category=valuation")
    assert [offering.pk for offering in response.context["page_obj"]] == [valuation.pk]
    everything = client.get("/institutions/offerings/").content.decode()
    assert trademark.title in everything
    assert "已下架的旧服务" not in everything
    assert "暂停机构的服务" not in everything


# --- Who is offered the application ----------------------------------------------------------------

APPLY_LINK = 'href="/institutions/apply/"'


def test_directory_offers_the_application_to_visitors_and_institution_managers_only(client, search_index):
    assert APPLY_LINK in client.get("/institutions/").content.decode()

    enterprise = member_of(OrganisationFactory())
    client.force_login(enterprise)
    assert APPLY_LINK not in client.get("/institutions/").content.decode()
    assert client.get("/institutions/apply/").status_code == 403

    institution_organisation = OrganisationFactory(kind=Organisation.Kind.INSTITUTION)
    client.force_login(member_of(institution_organisation))
    assert APPLY_LINK in client.get("/institutions/").content.decode()

    client.force_login(member_of(institution_organisation, role=Membership.Role.MEMBER))
    assert APPLY_LINK not in client.get("/institutions/").content.decode()
    dashboard = client.get(reverse("services:dashboard")).content.decode()
    assert APPLY_LINK not in dashboard
    assert "入驻申请由本机构的负责人提交" in dashboard

    listed = InstitutionFactory()
    client.force_login(member_of(listed.organisation))
    assert APPLY_LINK not in client.get("/institutions/").content.decode()


def test_a_turned_down_institution_is_offered_the_application_again(client, search_index):
    rejected = InstitutionFactory(status=Institution.Status.REJECTED)
    client.force_login(member_of(rejected.organisation))
    assert APPLY_LINK in client.get("/institutions/").content.decode()
