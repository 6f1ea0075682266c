"""The directory and the offerings list go through the same search as the cross-search page: segmented
Chinese keywords, filters, orders and counts come from the index, on both backends."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from reference.models import District
from services import institutions, offerings, orders, reviews
from services.models import Institution, Offering, Order, OrderStatus, ServiceCategory

from .factories import InstitutionFactory, OfferingFactory, member_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]


def category(code):
    return ServiceCategory.objects.get(code=code)


def names(response):
    return [institution.name for institution in response.context["page_obj"]]


def titles(response):
    return [offering.title for offering in response.context["page_obj"]]


def sidebar_counts(response):
    return {item.code: count for item, count in response.context["categories"]}


def page_links(response):
    return re.findall(r'href="\?([^"]*page=\d+)"', response.content.decode())


# --- The directory -------------------------------------------------------------------------------


def test_directory_keyword_finds_part_of_a_name_or_a_word_only_in_the_description(client):
    mingde = InstitutionFactory(
        organisation__name="连云港明德知识产权代理有限公司", description="专注于高价值专利布局与海外维权。"
    )
    InstitutionFactory(organisation__name="连云港启航商标事务所", description="提供商标注册与续展服务。")
    assert names(client.get("/institutions/?q=明德")) == [mingde.name]
    assert names(client.get("/institutions/?q=海外维权")) == [mingde.name]
    assert names(client.get("/institutions/?q=不存在的词语")) == []


def test_directory_highlights_the_keyword_in_the_name_and_the_snippet(client):
    InstitutionFactory(
        organisation__name="连云港明德知识产权代理有限公司", description="专注于高价值专利布局与海外维权。"
    )
    content = client.get("/institutions/?q=明德").content.decode()
    assert "<mark>明德</mark>" in content
    content = client.get("/institutions/?q=海外维权").content.decode()
    assert "<mark>海外</mark>" in content or "<mark>海外维权</mark>" in content


def test_directory_finds_an_institution_by_a_new_offering_and_forgets_an_archived_one(client):
    institution = InstitutionFactory()
    assert names(client.get("/institutions/?q=海关备案")) == []
    offering = OfferingFactory(institution=institution, title="知识产权海关备案代理")
    assert names(client.get("/institutions/?q=海关备案")) == [institution.name]
    offerings.set_status(offering, member_of(institution.organisation), Offering.Status.ARCHIVED)
    assert names(client.get("/institutions/?q=海关备案")) == []
    draft = OfferingFactory(institution=institution, title="境外商标监测服务", status=Offering.Status.DRAFT)
    assert names(client.get("/institutions/?q=境外商标监测")) == []
    offerings.set_status(draft, member_of(institution.organisation), Offering.Status.PUBLISHED)
    assert names(client.get("/institutions/?q=境外商标监测")) == [institution.name]
    draft.delete()
    assert names(client.get("/institutions/?q=境外商标监测")) == []


def test_directory_filters_combine_and_each_category_of_an_institution_matches(client):
    both = InstitutionFactory(
        institution_type="patent_agency",
        licence_number="32231",
        district=District.objects.get(code="ganyu"),
        categories=[category("patent-filing"), category("search")],
    )
    InstitutionFactory(institution_type="patent_agency", licence_number="32232", categories=[category("search")])
    InstitutionFactory(district=District.objects.get(code="ganyu"), categories=[category("trademark")])
    assert names(client.get("/institutions/?category=patent-filing")) == [both.name]
    assert len(names(client.get("/institutions/?category=search"))) == 2
    assert names(client.get("/institutions/?type=patent_agency&district=ganyu")) == [both.name]
    assert names(client.get("/institutions/?category=search&district=ganyu&verified=on")) == [both.name]
    assert names(client.get("/institutions/?type=trademark_agency&category=search")) == []


def test_minimum_rating_includes_the_threshold_and_the_rating_order_breaks_ties_by_count_then_name(client):
    few = InstitutionFactory(organisation__name="乙所", rating_average=Decimal("4.50"), rating_count=2)
    many = InstitutionFactory(organisation__name="丙所", rating_average=Decimal("4.50"), rating_count=40)
    same = InstitutionFactory(organisation__name="甲所", rating_average=Decimal("4.50"), rating_count=2)
    below = InstitutionFactory(organisation__name="丁所", rating_average=Decimal("4.49"), rating_count=99_999)
    three = InstitutionFactory(organisation__name="戊所", rating_average=Decimal("3.00"), rating_count=1)
    unrated = InstitutionFactory(organisation__name="己所")
    # Same average: more ratings first, then the name (乙 before 甲 in code-point order).
    assert names(client.get("/institutions/")) == [
        many.name,
        *sorted([few.name, same.name]),
        below.name,
        three.name,
        unrated.name,
    ]
    assert set(names(client.get("/institutions/?rating=4.5"))) == {many.name, few.name, same.name}
    assert set(names(client.get("/institutions/?rating=4"))) == {many.name, few.name, same.name, below.name}
    assert unrated.name not in names(client.get("/institutions/?rating=3"))
    assert three.name in names(client.get("/institutions/?rating=3"))


def test_a_new_review_reaches_the_directory_rating_filter(client, offering, enterprise_user):
    institution = offering.institution
    assert names(client.get("/institutions/?rating=4.5")) == []
    order = orders.place_order(enterprise_user, offering=offering)
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.DELIVERED)
    order = orders.complete(order, enterprise_user)
    reviews.leave_review(order, enterprise_user, rating=5, body="交付及时，专业可靠。")
    assert names(client.get("/institutions/?rating=4.5")) == [institution.name]


def test_directory_keyword_keeps_the_chosen_order(client):
    now = timezone.now()
    older = InstitutionFactory(
        organisation__name="连云港甲专利事务所",
        rating_average=Decimal("4.90"),
        rating_count=3,
        approved_at=now - timedelta(days=9),
    )
    newer = InstitutionFactory(organisation__name="连云港乙专利事务所", approved_at=now)
    InstitutionFactory(organisation__name="连云港丙商标事务所")
    assert names(client.get("/institutions/?q=专利事务所")) == [older.name, newer.name]
    assert names(client.get("/institutions/?q=专利事务所&sort=newest")) == [newer.name, older.name]


def test_directory_pagination_keeps_the_filters_and_the_count_comes_from_the_search(client):
    for _ in range(13):
        InstitutionFactory(institution_type="patent_agency", licence_number="32231")
    for _ in range(3):
        InstitutionFactory()
    first = client.get("/institutions/?type=patent_agency&sort=name")
    assert "共 13 家机构" in first.content.decode()
    assert page_links(first) == ["type=patent_agency&amp;sort=name&amp;page=2"]
    second = client.get("/institutions/?type=patent_agency&sort=name&page=2")
    assert len(second.context["page_obj"]) == 1
    every_name = names(first) + names(second)
    patent_agencies = Institution.objects.filter(institution_type="patent_agency")
    assert every_name == sorted(institution.name for institution in patent_agencies)


def test_directory_ignores_invalid_filter_values(client):
    institution = InstitutionFactory()
    response = client.get("/institutions/?category=nope&district=nowhere&rating=9&grade=Z&sort=bogus&page=x")
    assert response.status_code == 200
    assert names(response) == [institution.name]


def test_an_indexed_institution_leaves_the_directory_when_suspended_or_paused(client, staff_user):
    suspended = InstitutionFactory(organisation__name="连云港将被暂停的代理所")
    paused = InstitutionFactory(organisation__name="连云港将暂停展示的代理所")
    InstitutionFactory(organisation__name="连云港另一家商标所")
    assert set(names(client.get("/institutions/?q=暂停"))) == {suspended.name, paused.name}
    institutions.suspend(suspended, staff_user, "多次投诉，暂停整改。")
    institutions.set_listing_active(paused, member_of(paused.organisation), False)
    response = client.get("/institutions/?q=暂停")
    assert names(response) == []
    assert suspended.name not in response.content.decode()
    assert paused.name not in response.content.decode()
    assert "共 0 家机构" in response.content.decode()


# --- The offerings list ---------------------------------------------------------------------------


def test_offerings_keyword_finds_part_of_a_title_or_a_word_only_in_the_description(client):
    pct = OfferingFactory(
        title="PCT国际专利申请代理",
        category=category("patent-filing"),
        description="涵盖进入美国、欧洲和日本国家阶段的全程办理。",
    )
    OfferingFactory(title="商标续展代理")
    assert titles(client.get("/institutions/offerings/?q=国际专利")) == [pct.title]
    assert titles(client.get("/institutions/offerings/?q=国家阶段")) == [pct.title]
    content = client.get("/institutions/offerings/?q=国际专利").content.decode()
    assert "<mark>" in content
    assert "共 1 个服务项目" in content


def test_offerings_sidebar_counts_what_each_category_would_list_under_the_keyword(client):
    OfferingFactory(title="发明专利检索报告", category=category("search"))
    OfferingFactory(title="专利检索与查新", category=category("search"))
    OfferingFactory(title="专利侵权检索分析", category=category("litigation"))
    OfferingFactory(title="商标注册代理", category=category("trademark"))
    response = client.get("/institutions/offerings/?q=检索")
    counts = sidebar_counts(response)
    assert {code: n for code, n in counts.items() if n} == {"search": 2, "litigation": 1}
    assert len(titles(response)) == 3
    chosen = client.get("/institutions/offerings/?q=检索&category=litigation")
    assert titles(chosen) == ["专利侵权检索分析"]
    # Choosing a category keeps every category's count, and the sidebar links keep the keyword.
    assert sidebar_counts(chosen) == counts
    assert 'href="?q=%E6%A3%80%E7%B4%A2&amp;category=search"' in chosen.content.decode()
    everything = sidebar_counts(client.get("/institutions/offerings/"))
    assert everything["search"] == 2
    assert everything["trademark"] == 1


def test_offerings_are_newest_first_by_default_and_sort_by_price(client):
    now = timezone.now()
    cheap = OfferingFactory(title="商标查询", price=50_000)
    dear = OfferingFactory(title="专利无效宣告代理", price=2_000_000)
    middle = OfferingFactory(title="版权登记代理", price=80_000)
    negotiable = OfferingFactory(title="知识产权战略咨询", price_type=Offering.PriceType.NEGOTIABLE, price=None)
    for offering, days in ((cheap, 1), (dear, 20), (middle, 5), (negotiable, 10)):
        Offering.objects.filter(pk=offering.pk).update(created_at=now - timedelta(days=days))
    assert titles(client.get("/institutions/offerings/")) == [cheap.title, middle.title, negotiable.title, dear.title]
    assert titles(client.get("/institutions/offerings/?sort=price_asc")) == [
        cheap.title,
        middle.title,
        dear.title,
        negotiable.title,
    ]
    assert titles(client.get("/institutions/offerings/?sort=price_desc")) == [
        dear.title,
        middle.title,
        cheap.title,
        negotiable.title,
    ]
    assert titles(client.get("/institutions/offerings/?sort=bogus")) == titles(client.get("/institutions/offerings/"))


def test_a_keyword_lists_the_best_matches_first_unless_another_order_is_chosen(client):
    now = timezone.now()
    in_title = OfferingFactory(title="专利质押融资评估", price=300_000)
    in_description = OfferingFactory(
        title="知识产权综合服务", description="可协助办理专利质押融资手续。", price=100_000
    )
    Offering.objects.filter(pk=in_title.pk).update(created_at=now - timedelta(days=30))
    response = client.get("/institutions/offerings/?q=质押融资")
    assert titles(response) == [in_title.title, in_description.title]
    assert response.context["form"]["sort"].value() == "relevance"
    assert titles(client.get("/institutions/offerings/?q=质押融资&sort=newest")) == [
        in_description.title,
        in_title.title,
    ]
    assert titles(client.get("/institutions/offerings/?q=质押融资&sort=price_asc")) == [
        in_description.title,
        in_title.title,
    ]


def test_offerings_pagination_keeps_keyword_category_and_order(client):
    for number in range(14):
        OfferingFactory(title=f"商标注册代理{number:02d}", price=100_000 + number)
    OfferingFactory(title="版权登记代理", category=category("copyright"))
    query = "q=%E5%95%86%E6%A0%87&category=trademark&sort=price_desc"
    first = client.get(f"/institutions/offerings/?{query}")
    assert page_links(first) == [query.replace("&", "&amp;") + "&amp;page=2"]
    second = client.get(f"/institutions/offerings/?{query}&page=2")
    assert titles(first) + titles(second) == [f"商标注册代理{number:02d}" for number in range(13, -1, -1)]
    assert "共 14 个服务项目" in second.content.decode()


def test_an_indexed_offering_leaves_the_list_when_archived_drafted_or_its_institution_suspended(client, staff_user):
    archived = OfferingFactory(title="即将下架的检索服务")
    drafted = OfferingFactory(title="改回草稿的检索服务")
    suspended = OfferingFactory(title="机构被暂停的检索服务")
    assert len(titles(client.get("/institutions/offerings/?q=检索服务"))) == 3
    member = member_of(archived.institution.organisation)
    offerings.set_status(archived, member, Offering.Status.ARCHIVED)
    drafted.status = Offering.Status.DRAFT
    drafted.save()
    institutions.suspend(suspended.institution, staff_user, "多次投诉，暂停整改。")
    response = client.get("/institutions/offerings/?q=检索服务")
    assert titles(response) == []
    for offering in (archived, drafted, suspended):
        assert offering.title not in response.content.decode()
    assert sidebar_counts(response)["trademark"] == 0
