"""What visitors, owners and members of other organisations see and may do through the pages."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from listings import financing
from listings.models import Deal, FinancingDocument, Industry, Interest, Listing
from reference.models import District
from tests.factories import UserFactory

from .factories import FinancingNeedFactory, FinancingProductFactory, ListingFactory, ListingIPFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_transaction_list_shows_only_public_postings_with_bounded_queries(
    client, search_index, django_assert_max_num_queries
):
    for _ in range(2):
        ListingIPFactory(listing=ListingFactory())
    ListingFactory(title="草稿不可见", status=Listing.Status.DRAFT)
    ListingFactory(title="已过期不可见", valid_until=timezone.localdate() - timedelta(days=1))
    ListingFactory(title="待审核不可见", status=Listing.Status.SUBMITTED)
    client.get(reverse("listings:transactions"))  # the site frame creates its settings on first use
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("listings:transactions"))
    queries = len(few)  # read now: the next request resets the connection's query log
    for _ in range(8):
        ListingIPFactory(listing=ListingFactory())
    client.get(reverse("listings:transactions"))  # indexes the new postings, as their commit would
    # No query per posting: ten postings cost what two do.
    with django_assert_max_num_queries(queries):
        response = client.get(reverse("listings:transactions"))
    content = response.content.decode()
    assert content.count("listing-card") == 10
    assert "不可见" not in content


def test_financing_list_and_owner_dashboard_do_not_query_per_posting(
    client, client_for, owner, search_index, django_assert_max_num_queries
):
    def add_postings():
        need = FinancingNeedFactory(organisation=owner.organisation)
        ListingIPFactory(listing=need)
        FinancingProductFactory()
        Interest.objects.create(listing=need, user=UserFactory(), message="意向")

    owner_client = client_for(owner)
    add_postings()
    for url, browser in ((reverse("listings:financing"), client), (reverse("listings:dashboard"), owner_client)):
        browser.get(url)
        with CaptureQueriesContext(connection) as few:
            browser.get(url)
        queries = len(few)  # read now: the next request resets the connection's query log
        for _ in range(4):
            add_postings()
        browser.get(url)  # indexes the new postings, as their commit would
        with django_assert_max_num_queries(queries):
            browser.get(url)


def test_transaction_filters(client, search_index):
    materials = Industry.objects.get(code="materials")
    medicine = Industry.objects.get(code="medicine")
    donghai = District.objects.get(code="donghai")
    ListingFactory(title="碳纤维专利独占许可", industry=materials, price_min=Decimal("80"), price_max=Decimal("80"))
    ListingFactory(
        title="抗肿瘤药物专利转让",
        industry=medicine,
        kind=Listing.Kind.PATENT_TRANSFER,
        price_kind="range",
        price_min=Decimal("300"),
        price_max=Decimal("500"),
    )
    ListingFactory(
        title="求购硅微粉提纯技术",
        direction=Listing.Direction.DEMAND,
        district=donghai,
        kind=Listing.Kind.TECH_COOPERATION,
        price_kind="negotiable",
        price_min=None,
        price_max=None,
    )
    trademark = ListingFactory(title="东海水晶商标许可", kind=Listing.Kind.TRADEMARK_LICENCE)
    ListingIPFactory(listing=trademark, ip_type="trademark", number="12345678")

    def titles(**params):
        response = client.get(reverse("listings:transactions"), params)
        return {listing.title for listing in response.context["page_obj"]}

    assert titles(industry=medicine.pk) == {"抗肿瘤药物专利转让"}
    assert titles(kind="patent_transfer") == {"抗肿瘤药物专利转让"}
    assert titles(direction="demand") == {"求购硅微粉提纯技术"}
    assert titles(district=donghai.pk) == {"求购硅微粉提纯技术"}
    assert titles(ip_type="trademark") == {"东海水晶商标许可"}
    assert titles(min_amount="100", max_amount="400") == {"抗肿瘤药物专利转让"}
    assert titles(q="独占许可") == {"碳纤维专利独占许可"}
    assert titles(q="ZL12345678") == {"东海水晶商标许可"}
    assert titles(industry="not-a-number") == titles()
    response = client.get(reverse("listings:transactions"), {"sort": "price_high"})
    assert next(iter(response.context["page_obj"])).title == "抗肿瘤药物专利转让"


def test_each_transaction_card_says_whether_rights_are_offered_or_sought(client, search_index):
    ListingFactory(title="碳纤维专利独占许可")
    ListingFactory(title="求购硅微粉提纯技术", direction=Listing.Direction.DEMAND)

    html = client.get(reverse("listings:transactions")).content.decode()

    cards = {
        title: html[html.rindex("listing-card", 0, html.index(title)) : html.index(title)]
        for title in ("碳纤维专利独占许可", "求购硅微粉提纯技术")
    }
    assert "供给" in cards["碳纤维专利独占许可"] and "需求" not in cards["碳纤维专利独占许可"]
    assert "需求" in cards["求购硅微粉提纯技术"] and "供给" not in cards["求购硅微粉提纯技术"]


def test_financing_list_filters_needs_and_products(client, search_index):
    FinancingNeedFactory(title="专利质押融资需求")
    FinancingProductFactory(title="知识产权质押贷")
    response = client.get(reverse("listings:financing"), {"section": "financing_product"})
    assert [listing.title for listing in response.context["page_obj"]] == ["知识产权质押贷"]
    response = client.get(reverse("listings:financing"), {"min_amount": "800"})
    assert [listing.title for listing in response.context["page_obj"]] == ["知识产权质押贷"]


def test_detail_of_a_draft_is_hidden_from_others_but_shown_to_its_owner(client, client_for, owner, stranger):
    draft = ListingFactory(organisation=owner.organisation, status=Listing.Status.DRAFT)
    url = reverse("listings:detail", args=[draft.pk])
    assert client.get(url).status_code == 404
    assert client_for(stranger).get(url).status_code == 404
    assert client_for(owner).get(url).status_code == 200


def test_expired_posting_stays_visible_to_its_owner(client, client_for, owner):
    expired = ListingFactory(organisation=owner.organisation, status=Listing.Status.EXPIRED)
    url = reverse("listings:detail", args=[expired.pk])
    assert client.get(url).status_code == 404
    assert "已过期" in client_for(owner).get(url).content.decode()


def test_contact_details_are_shown_only_as_the_owner_allows(client, client_for, stranger):
    listing = ListingFactory(show_phone=True, show_email=False, contact_login_required=True)
    url = reverse("listings:detail", args=[listing.pk])
    assert "0518-85661234" not in client.get(url).content.decode()
    content = client_for(stranger).get(url).content.decode()
    assert "0518-85661234" in content
    assert "ip@example.com" not in content
    platform_only = ListingFactory(show_phone=False, show_email=False, contact_login_required=False)
    content = client.get(reverse("listings:detail", args=[platform_only.pk])).content.decode()
    assert "0518-85661234" not in content
    assert "仅通过平台留言联系" in content


def test_creating_a_posting_with_a_wrong_patent_number_keeps_what_was_typed(client_for, owner):
    response = client_for(owner).post(
        reverse("listings:create", args=["transaction"]), _transaction_data("201410123456.8")
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "校验位应为 7" in content
    assert "碳纤维预浸料专利独占许可" in content
    assert not Listing.objects.exists()


def test_creating_and_submitting_a_posting(client_for, owner):
    data = {**_transaction_data("ZL201410123456.7"), "submit": "1"}
    response = client_for(owner).post(reverse("listings:create", args=["transaction"]), data)
    listing = Listing.objects.get()
    assert response.status_code == 302
    assert listing.status == Listing.Status.SUBMITTED
    assert listing.ip_records.get().number == "201410123456.7"
    assert listing.ipc_class == "C08J 5/04"


def test_the_rights_part_of_the_form_says_what_the_rights_are_for(client_for, owner):
    owner_client = client_for(owner)
    need_form = owner_client.get(reverse("listings:create", args=["financing_need"])).content.decode()
    transaction_form = owner_client.get(reverse("listings:create", args=["transaction"])).content.decode()
    assert "拟质押的知识产权" in need_form and "涉及的知识产权" not in need_form
    assert "涉及的知识产权" in transaction_form and "拟质押的知识产权" not in transaction_form


def test_an_institution_cannot_post_a_financing_need(client_for, lender_user):
    response = client_for(lender_user).get(reverse("listings:create", args=["financing_need"]))
    assert response.status_code == 403


def test_another_organisation_cannot_edit_or_close(client_for, owner, stranger):
    listing = ListingFactory(organisation=owner.organisation)
    other = client_for(stranger)
    assert other.get(reverse("listings:edit", args=[listing.pk])).status_code == 404
    response = other.post(
        reverse("listings:close", args=[listing.pk]),
        {"counterparty_name": "x", "amount": "1", "deal_date": timezone.localdate().isoformat()},
    )
    assert response.status_code == 404
    assert other.post(reverse("listings:withdraw", args=[listing.pk])).status_code == 404
    assert Listing.objects.get(pk=listing.pk).status == Listing.Status.PUBLISHED


def test_owner_closes_a_deal_with_a_negative_amount_refused(client_for, owner):
    listing = ListingFactory(organisation=owner.organisation)
    owner_client = client_for(owner)
    url = reverse("listings:close", args=[listing.pk])
    response = owner_client.post(
        url, {"counterparty_name": "中复连众", "amount": "-3", "deal_date": timezone.localdate().isoformat()}
    )
    assert response.status_code == 400
    assert not Deal.objects.exists()
    owner_client.post(
        url, {"counterparty_name": "中复连众", "amount": "80", "deal_date": timezone.localdate().isoformat()}
    )
    assert Deal.objects.get().amount == Decimal("80")
    response = owner_client.get(reverse("listings:dashboard"))
    assert response.context["deal_figures"]["count"] == 1


def test_interest_and_reply_through_the_pages(client, client_for, owner, stranger):
    listing = ListingFactory(organisation=owner.organisation)
    url = reverse("listings:interest", args=[listing.pk])
    assert client.post(url, {"message": "匿名"}).status_code == 302
    assert not Interest.objects.exists()
    client_for(stranger).post(url, {"message": "希望洽谈许可费用"})
    interest = Interest.objects.get()
    assert interest.organisation == stranger.organisation
    # Another organisation cannot answer it.
    assert client_for(stranger).post(reverse("listings:reply", args=[interest.pk]), {"reply": "x"}).status_code == 404
    dashboard = client_for(owner).get(reverse("listings:dashboard")).content.decode()
    assert "希望洽谈许可费用" in dashboard
    client_for(owner).post(reverse("listings:reply", args=[interest.pk]), {"reply": "请来电", "next": "dashboard"})
    assert Interest.objects.get().reply == "请来电"
    assert "请来电" in client_for(stranger).get(reverse("listings:detail", args=[listing.pk])).content.decode()


def test_dashboard_does_not_show_another_organisations_interests(client_for, owner, stranger):
    listing = ListingFactory(organisation=owner.organisation)
    Interest.objects.create(listing=listing, user=stranger, message="私密留言内容")
    assert (
        "私密留言内容"
        not in client_for(stranger).get(reverse("listings:dashboard")).content.decode().split("我表达的意向")[0]
    )


def test_need_page_shows_matching_products_and_lets_a_lender_take_it_up(client_for, owner, lender_user):
    need = FinancingNeedFactory(organisation=owner.organisation)
    ListingIPFactory(listing=need)
    FinancingProductFactory(organisation=lender_user.organisation, title="科技知识产权质押贷")
    lender = client_for(lender_user)
    response = lender.get(reverse("listings:detail", args=[need.pk]))
    assert "科技知识产权质押贷" in response.content.decode()
    assert response.context["take_up_form"] is not None
    response = lender.post(reverse("listings:take_up", args=[need.pk]), {"note": "请准备专利证书"})
    case = need.cases.get()
    assert response.url == reverse("listings:case", args=[case.pk])
    assert "贷款申请" in client_for(owner).get(reverse("listings:case", args=[case.pk])).content.decode()


def test_case_pages_and_documents_are_private_to_the_two_sides(client_for, owner, lender_user, stranger):
    need = FinancingNeedFactory(organisation=owner.organisation)
    ListingIPFactory(listing=need)
    case = financing.take_up_need(need, lender_user)
    owner_client = client_for(owner)
    response = owner_client.post(
        reverse("listings:case_document_upload", args=[case.pk]),
        {"stage": "valuation", "title": "资产评估报告", "file": SimpleUploadedFile("report.pdf", PDF)},
    )
    assert response.status_code == 302
    document = FinancingDocument.objects.get()
    download = reverse("listings:case_document", args=[case.pk, document.pk])
    assert client_for(lender_user).get(download).status_code == 200
    other = client_for(stranger)
    assert other.get(download).status_code == 404
    assert other.get(reverse("listings:case", args=[case.pk])).status_code == 404
    response = other.post(reverse("listings:case_step", args=[case.pk]), {"date": timezone.localdate().isoformat()})
    assert response.status_code == 404
    bad = owner_client.post(
        reverse("listings:case_document_upload", args=[case.pk]),
        {"stage": "valuation", "title": "假PDF", "file": SimpleUploadedFile("fake.pdf", b"MZ\x90\x00 not a pdf")},
    )
    assert bad.status_code == 400
    assert FinancingDocument.objects.count() == 1


def test_lender_records_the_loan_through_the_case_page(client_for, owner, lender_user):
    need = FinancingNeedFactory(organisation=owner.organisation)
    patent = ListingIPFactory(listing=need)
    case = financing.take_up_need(need, lender_user)
    lender = client_for(lender_user)
    today = timezone.localdate().isoformat()
    for _ in range(3):
        assert lender.post(reverse("listings:case_step", args=[case.pk]), {"date": today}).status_code == 302
    response = lender.post(reverse("listings:case_step", args=[case.pk]), {"date": today})
    assert response.status_code == 400
    lender.post(
        reverse("listings:case_step", args=[case.pk]), {"date": today, "loan_amount": "400", "pledged_ip": [patent.pk]}
    )
    assert Deal.objects.get().amount == Decimal("400")


def test_index_shows_public_figures(client):
    listing = ListingFactory()
    Deal.objects.create(
        listing=listing,
        section=listing.section,
        district=listing.district,
        counterparty_name="x",
        amount=Decimal("66"),
        deal_date=timezone.localdate(),
    )
    content = client.get(reverse("listings:index")).content.decode()
    assert 'id="figure-transaction-count">1<' in content


def test_rss_lists_new_public_postings(client):
    ListingFactory(title="碳纤维专利独占许可")
    ListingFactory(title="草稿", status=Listing.Status.DRAFT)
    response = client.get(reverse("listings:feed"))
    assert response["Content-Type"].startswith("application/rss+xml")
    content = response.content.decode()
    assert "碳纤维专利独占许可" in content
    assert "草稿" not in content


def test_similar_postings_share_the_industry(client):
    listing = ListingFactory(title="碳纤维原丝专利")
    ListingFactory(title="碳纤维织物专利")
    ListingFactory(title="中药注射剂专利", industry=Industry.objects.get(code="medicine"), kind="patent_transfer")
    response = client.get(reverse("listings:detail", args=[listing.pk]))
    assert [item.title for item in response.context["similar"]] == ["碳纤维织物专利"]


def _transaction_data(number):
    today = timezone.localdate()
    return {
        "direction": "offer",
        "kind": "patent_licence_exclusive",
        "title": "碳纤维预浸料专利独占许可",
        "description": "一种高强度碳纤维预浸料的制备方法。",
        "industry": Industry.objects.get(code="materials").pk,
        "ipc_class": "c08j5/04",
        "price_kind": "fixed",
        "price_min": "80",
        "price_max": "",
        "district": District.objects.get(code="kaifaqu").pk,
        "valid_from": today.isoformat(),
        "valid_until": (today + timedelta(days=180)).isoformat(),
        "contact_name": "王建华",
        "contact_phone": "0518-85661234",
        "contact_email": "",
        "show_phone": "on",
        "ip-TOTAL_FORMS": "2",
        "ip-INITIAL_FORMS": "0",
        "ip-MIN_NUM_FORMS": "0",
        "ip-MAX_NUM_FORMS": "20",
        "ip-0-ip_type": "patent",
        "ip-0-number": number,
        "ip-0-title": "一种碳纤维预浸料的制备方法",
        "ip-0-owner_name": "连云港恒瑞新材料科技有限公司",
        "ip-0-legal_status": "valid",
        "ip-1-ip_type": "patent",
        "ip-1-number": "",
        "ip-1-title": "",
        "ip-1-owner_name": "",
        "ip-1-legal_status": "valid",
    }


def test_a_lender_posts_a_product_and_bad_ranges_are_refused(client_for, lender_user):
    today = timezone.localdate()
    data = {
        "title": "苏科贷·知识产权质押贷款",
        "description": "面向科技型中小企业。",
        "amount_min": "100",
        "amount_max": "50",
        "rate_min": "4.35",
        "rate_max": "5.66",
        "term_min_months": "6",
        "term_max_months": "36",
        "accepts_patent": "on",
        "district": District.objects.get(code="haizhou").pk,
        "valid_from": today.isoformat(),
        "valid_until": (today + timedelta(days=365)).isoformat(),
        "contact_name": "赵磊",
        "contact_phone": "0518-85889900",
    }
    lender = client_for(lender_user)
    response = lender.post(reverse("listings:create", args=["financing_product"]), data)
    assert response.status_code == 400
    assert "额度上限须不低于下限" in response.content.decode()
    assert not Listing.objects.exists()
    lender.post(reverse("listings:create", args=["financing_product"]), {**data, "amount_max": "1000", "submit": "1"})
    product = Listing.objects.get()
    assert (product.section, product.status, product.eligible_ip_types) == (
        "financing_product",
        "submitted",
        ["patent"],
    )


def test_extending_the_validity_of_a_published_posting_keeps_it_published(client_for, owner):
    listing = ListingFactory(organisation=owner.organisation)
    listing.valid_until = listing.valid_until + timedelta(days=90)
    from listings import postings

    postings.save_listing(listing, owner, changed_fields=["valid_until"])
    assert Listing.objects.get(pk=listing.pk).status == Listing.Status.PUBLISHED


def test_pages_are_translated_into_english(client, settings, search_index):
    ListingFactory(kind=Listing.Kind.PATENT_LICENCE_SOLE)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    content = client.get(reverse("listings:transactions")).content.decode()
    assert "IP transaction postings" in content
    assert "Sole patent licence" in content
