"""The transaction and financing lists search, filter, order and count through the cross-search index.

Every test runs on the embedded backend, and again on a fresh Elasticsearch index when ELASTICSEARCH_URL
is set (the `search_index` fixture); the outbox is applied at the start of each request, as a commit would.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from listings import postings
from listings.models import Industry, Listing
from reference.models import District

from .factories import FinancingNeedFactory, FinancingProductFactory, ListingFactory, ListingIPFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]
TRANSACTIONS = reverse("listings:transactions")
FINANCING = reverse("listings:financing")


def titles(client, url=TRANSACTIONS, **params):
    """The titles of the cards shown, in order."""
    return [listing.title for listing in client.get(url, params).context["page_obj"]]


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_a_keyword_finds_a_partial_word_and_a_word_only_in_the_description(client):
    ListingFactory(title="风电叶片碳纤维主梁专利", description="拉挤成型工艺，已批量供货。")
    ListingFactory(title="中药配方颗粒专利转让", description="适用于儿童感冒的配方颗粒制备方法。")
    assert titles(client, q="叶片") == ["风电叶片碳纤维主梁专利"]
    assert titles(client, q="拉挤") == ["风电叶片碳纤维主梁专利"]
    assert titles(client, q="感冒 颗粒") == ["中药配方颗粒专利转让"]
    assert titles(client, q="区块链") == []


def test_a_keyword_finds_the_ip_record_and_the_public_organisation_name_but_no_contact_details(client, enterprise):
    listing = ListingFactory(
        title="光伏封装胶膜专利许可",
        organisation=enterprise,
        contact_name="欧阳明远",
        contact_phone="0518-85661234",
        contact_email="guangfu@example.com",
    )
    ListingIPFactory(listing=listing, number="201410123456.7", title="一种太阳能组件封装胶膜", owner_name="李四")
    ListingFactory(title="其他专利许可")
    for keyword in ("ZL201410123456.7", "201410123456.7", "ZL 2014 1 0123456.7", "封装胶膜", "恒瑞新材料"):
        assert titles(client, q=keyword) == ["光伏封装胶膜专利许可"], keyword
    for private in ("欧阳明远", "85661234", "guangfu@example.com"):
        assert titles(client, q=private) == [], private


def test_the_keyword_is_highlighted_in_the_title_and_a_snippet(client):
    ListingFactory(title="石英砂提纯技术合作", description="高纯石英砂酸洗提纯工艺，纯度可达99.99%。")
    content = client.get(TRANSACTIONS, {"q": "石英"}).content.decode()
    assert "<mark>石英</mark>砂提纯技术合作" in content
    assert "高纯<mark>石英</mark>砂酸洗" in content
    # Without a keyword the cards show the plain title and no snippet.
    content = client.get(TRANSACTIONS).content.decode()
    assert "<mark>" not in content
    assert "listing-snippet" not in content


def test_titles_with_markup_are_escaped_when_highlighted(client):
    ListingFactory(title="<b>石英</b>坩埚专利")
    content = client.get(TRANSACTIONS, {"q": "坩埚"}).content.decode()
    assert "&lt;b&gt;石英&lt;/b&gt;<mark>坩埚</mark>专利" in content
    assert "<b>石英</b>" not in content


def test_each_transaction_filter_narrows_and_filters_combine(client):
    materials = Industry.objects.get(code="materials")
    medicine = Industry.objects.get(code="medicine")
    donghai = District.objects.get(code="donghai")
    kaifaqu = District.objects.get(code="kaifaqu")
    carbon = ListingFactory(title="碳纤维许可", industry=materials, district=kaifaqu)
    drug = ListingFactory(title="抗肿瘤药转让", industry=medicine, district=kaifaqu, kind=Listing.Kind.PATENT_TRANSFER)
    crystal = ListingFactory(
        title="水晶商标许可",
        industry=materials,
        district=donghai,
        kind=Listing.Kind.TRADEMARK_LICENCE,
        direction=Listing.Direction.DEMAND,
        status=Listing.Status.NEGOTIATING,
    )
    ListingIPFactory(listing=crystal, ip_type="trademark", number="12345678")
    ListingIPFactory(listing=carbon)

    def found(**params):
        return set(titles(client, **params))

    assert found() == {carbon.title, drug.title, crystal.title}
    assert found(industry=materials.pk) == {carbon.title, crystal.title}
    assert found(district=donghai.pk) == {crystal.title}
    assert found(kind="patent_transfer") == {drug.title}
    assert found(direction="offer") == {carbon.title, drug.title}
    assert found(status="negotiating") == {crystal.title}
    assert found(status="published") == {carbon.title, drug.title}
    assert found(ip_type="patent") == {carbon.title}
    assert found(ip_type="trademark") == {crystal.title}
    # Filters combine: every one must hold.
    assert found(industry=materials.pk, district=kaifaqu.pk) == {carbon.title}
    assert found(industry=materials.pk, status="published", q="许可") == {carbon.title}
    assert found(industry=medicine.pk, kind="trademark_licence") == set()


def test_a_price_range_reaching_into_the_bounds_and_negotiable_prices_dropping_out(client):
    ListingFactory(title="定价八十万", price_min=Decimal("80"), price_max=Decimal("80"))
    ListingFactory(title="区间三百到五百", price_kind="range", price_min=Decimal("300"), price_max=Decimal("500"))
    ListingFactory(title="面议", price_kind="negotiable", price_min=None, price_max=None)

    def found(**params):
        return set(titles(client, **params))

    assert found(min_amount="400") == {"区间三百到五百"}
    assert found(max_amount="100") == {"定价八十万"}
    assert found(min_amount="80", max_amount="300") == {"定价八十万", "区间三百到五百"}
    assert found(min_amount="0.5") == {"定价八十万", "区间三百到五百"}
    assert found(min_amount="501") == set()


def test_a_maximum_below_the_minimum_is_shown_as_an_error_and_filters_nothing(client):
    ListingFactory(title="定价八十万", price_min=Decimal("80"), price_max=Decimal("80"))
    ListingFactory(title="定价九百万", price_min=Decimal("900"), price_max=Decimal("900"))
    response = client.get(TRANSACTIONS, {"min_amount": "500", "max_amount": "100", "q": "定价"})
    assert response.status_code == 200
    assert "上限须不低于下限" in response.content.decode()
    assert {listing.title for listing in response.context["page_obj"]} == {"定价八十万", "定价九百万"}
    # Another invalid value is ignored, while the valid filters still apply.
    assert titles(client, kind="no-such-kind", min_amount="500") == ["定价九百万"]


def test_transaction_sort_orders(client):
    today = timezone.localdate()
    ListingFactory(
        title="中价新近",
        price_min=Decimal("50"),
        price_max=Decimal("50"),
        published_at=days_ago(1),
        valid_until=today + timedelta(days=300),
    )
    ListingFactory(
        title="高价较早",
        price_kind="range",
        price_min=Decimal("20"),
        price_max=Decimal("900"),
        published_at=days_ago(5),
        valid_until=today + timedelta(days=30),
    )
    ListingFactory(
        title="低价最早",
        price_min=Decimal("10"),
        price_max=Decimal("10"),
        published_at=days_ago(9),
        valid_until=today + timedelta(days=100),
    )
    ListingFactory(
        title="面议",
        price_kind="negotiable",
        price_min=None,
        price_max=None,
        published_at=days_ago(3),
        valid_until=today + timedelta(days=60),
    )
    assert titles(client) == ["中价新近", "面议", "高价较早", "低价最早"]
    assert titles(client, sort="newest") == ["中价新近", "面议", "高价较早", "低价最早"]
    assert titles(client, sort="expiring") == ["高价较早", "面议", "低价最早", "中价新近"]
    assert titles(client, sort="price_low") == ["低价最早", "高价较早", "中价新近", "面议"]
    assert titles(client, sort="price_high") == ["高价较早", "中价新近", "低价最早", "面议"]
    # An unknown order is ignored: newest first.
    assert titles(client, sort="cheapest") == ["中价新近", "面议", "高价较早", "低价最早"]


def test_financing_list_shows_needs_and_products_by_section_ip_type_and_amount(client):
    need = FinancingNeedFactory(title="专利质押融资三百万", amount=Decimal("300"), published_at=days_ago(2))
    ListingIPFactory(listing=need)
    FinancingNeedFactory(title="商标质押融资五十万", amount=Decimal("50"), published_at=days_ago(4))
    FinancingProductFactory(
        title="商标快贷",
        amount_min=Decimal("10"),
        amount_max=Decimal("200"),
        accepts_patent=False,
        accepts_trademark=True,
        published_at=days_ago(1),
    )
    FinancingProductFactory(
        title="专利科技贷",
        amount_min=Decimal("500"),
        amount_max=Decimal("3000"),
        accepts_patent=True,
        accepts_trademark=False,
        published_at=days_ago(3),
    )
    ListingFactory(title="交易信息不在融资列表")

    def found(**params):
        return set(titles(client, FINANCING, **params))

    assert titles(client, FINANCING) == ["商标快贷", "专利质押融资三百万", "专利科技贷", "商标质押融资五十万"]
    assert found(section="financing_need") == {"专利质押融资三百万", "商标质押融资五十万"}
    assert found(section="financing_product") == {"商标快贷", "专利科技贷"}
    # A need pledging a patent, or a product accepting patents.
    assert found(ip_type="patent") == {"专利质押融资三百万", "专利科技贷"}
    assert found(ip_type="trademark") == {"商标快贷"}
    assert found(min_amount="250", max_amount="400") == {"专利质押融资三百万"}
    assert found(min_amount="150", section="financing_product") == {"商标快贷", "专利科技贷"}
    assert found(q="快贷") == {"商标快贷"}
    assert titles(client, FINANCING, sort="amount_low") == [
        "商标快贷",
        "商标质押融资五十万",
        "专利质押融资三百万",
        "专利科技贷",
    ]
    assert titles(client, FINANCING, sort="amount_high")[0] == "专利科技贷"


def test_counts_come_from_the_search_and_pagination_keeps_the_filters(client):
    for number in range(21):
        ListingFactory(title=f"商标许可{number}", kind=Listing.Kind.TRADEMARK_LICENCE, published_at=days_ago(number))
    ListingFactory(title="专利转让", kind=Listing.Kind.PATENT_TRANSFER)
    first = client.get(TRANSACTIONS, {"kind": "trademark_licence", "sort": "newest"})
    content = first.content.decode()
    assert "共 21 条" in content
    assert first.context["page_obj"].paginator.count == 21
    assert len(first.context["page_obj"]) == 20
    assert 'href="?kind=trademark_licence&amp;sort=newest&page=2"' in content
    second = client.get(TRANSACTIONS, {"kind": "trademark_licence", "sort": "newest", "page": "2"})
    assert [listing.title for listing in second.context["page_obj"]] == ["商标许可20"]
    assert 'href="?kind=trademark_licence&amp;sort=newest&page=1"' in second.content.decode()
    # A page past the last shows the last; a page that is not a number shows the first.
    assert titles(client, kind="trademark_licence", page="9") == ["商标许可20"]
    assert titles(client, kind="trademark_licence", page="x")[0] == "商标许可0"


def test_postings_that_are_not_public_never_appear(client, owner):
    ListingFactory(title="草稿信息", status=Listing.Status.DRAFT)
    ListingFactory(title="待审核信息", status=Listing.Status.SUBMITTED)
    ListingFactory(title="已过期信息", valid_until=timezone.localdate() - timedelta(days=1))
    ListingFactory(title="未开始信息", valid_from=timezone.localdate() + timedelta(days=1))
    withdrawn = ListingFactory(title="撤回的信息", organisation=owner.organisation)
    lapsed = ListingFactory(title="刚过期的信息")
    FinancingProductFactory(title="撤回的金融产品", organisation=owner.organisation)
    assert set(titles(client, q="信息")) == {"撤回的信息", "刚过期的信息"}
    assert titles(client, FINANCING, q="撤回") == ["撤回的金融产品"]

    postings.withdraw_listing(withdrawn, owner)
    postings.withdraw_listing(Listing.objects.get(title="撤回的金融产品"), owner)
    # The validity ends without a save: the index still holds the posting, the page never shows it.
    Listing.objects.filter(pk=lapsed.pk).update(valid_until=timezone.localdate() - timedelta(days=1))
    assert titles(client, q="信息") == []
    assert titles(client, FINANCING, q="撤回") == []


def test_changes_to_a_posting_its_ip_and_its_organisation_reach_the_list(client, owner, enterprise):
    listing = ListingFactory(title="储能电池专利许可", organisation=enterprise)
    assert titles(client, status="negotiating") == []
    assert titles(client, ip_type="patent") == []
    postings.mark_negotiating(listing, owner)
    ListingIPFactory(listing=listing)
    assert titles(client, status="negotiating") == ["储能电池专利许可"]
    assert titles(client, ip_type="patent") == ["储能电池专利许可"]
    enterprise.name = "连云港海蓝储能科技有限公司"
    enterprise.save()
    assert titles(client, q="海蓝储能") == ["储能电池专利许可"]
