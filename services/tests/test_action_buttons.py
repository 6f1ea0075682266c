"""The service pages offer an action only to those who may take it, and say why not before the click.

Each page asks the same model method the domain function checks (`engage_refusal`, `may_review`,
`may_reply`, `order_refusal`, `may_manage_listing`), so what is shown and what is allowed cannot drift.
"""

import pytest

from services import inquiries, orders, reviews
from services.models import Institution, Order, OrderStatus
from tests.factories import UserFactory

from .factories import InstitutionFactory, member_of

pytestmark = pytest.mark.django_db


def test_a_person_without_an_organisation_is_told_to_register_an_enterprise_before_asking(client, institution):
    client.force_login(UserFactory())
    page = client.get(institution.get_absolute_url()).content.decode()
    assert 'id="ask-button"' not in page
    assert "请先登记您的企业，再咨询或下单。" in page


def test_another_institution_sees_no_order_button_on_an_offering_and_is_told_why(client, offering):
    client.force_login(member_of(InstitutionFactory().organisation))
    page = client.get(offering.get_absolute_url()).content.decode()
    assert "立即下单" not in page
    assert "只有企业用户可以咨询和下单。" in page
    response = client.post(f"/institutions/offerings/{offering.pk}/order/", {"quantity": "1"})
    assert response.status_code == 400
    assert "只有企业用户可以咨询和下单。" in response.content.decode()
    assert not Order.objects.exists()


def test_an_enterprise_sees_the_order_and_ask_buttons(client, offering, enterprise_user):
    client.force_login(enterprise_user)
    page = client.get(offering.get_absolute_url()).content.decode()
    assert "立即下单" in page
    assert 'id="engage-refusal"' not in page


@pytest.fixture
def quoted(institution, institution_user, enterprise_user):
    inquiry = inquiries.start_inquiry(enterprise_user, institution, subject="商标布局", body="请报价")
    return inquiries.post_message(inquiry, institution_user, body="报价如下", quote_amount=300000)


def test_a_quote_from_a_suspended_institution_offers_no_order_button(client, quoted, enterprise_user):
    client.force_login(enterprise_user)
    url = quoted.inquiry.get_absolute_url()
    assert "按此报价下单" in client.get(url).content.decode()
    Institution.objects.filter(pk=quoted.inquiry.institution_id).update(status=Institution.Status.SUSPENDED)
    assert "按此报价下单" not in client.get(url).content.decode()
    response = client.post(f"/institutions/quotes/{quoted.pk}/order/", {"requirements": ""})
    assert "该服务机构目前不接受咨询和订单。" in response.content.decode()
    assert not Order.objects.exists()


def test_an_older_quote_offers_no_order_button_once_a_new_one_is_given(
    client, quoted, institution_user, enterprise_user
):
    newer = inquiries.post_message(quoted.inquiry, institution_user, body="调整报价", quote_amount=250000)
    client.force_login(enterprise_user)
    page = client.get(quoted.inquiry.get_absolute_url()).content.decode()
    assert page.count("按此报价下单") == 1
    assert f"/institutions/quotes/{newer.pk}/order/" in page
    assert f"/institutions/quotes/{quoted.pk}/order/" not in page


@pytest.fixture
def completed(offering, enterprise_user):
    order = orders.place_order(enterprise_user, offering=offering)
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.DELIVERED)
    return orders.complete(order, enterprise_user)


def test_the_review_form_shows_exactly_when_leaving_a_review_would_work(
    client, completed, enterprise_user, institution_user
):
    client.force_login(institution_user)
    assert 'id="review-form"' not in client.get(completed.get_absolute_url()).content.decode()
    assert not completed.may_review(institution_user)
    client.force_login(enterprise_user)
    assert 'id="review-form"' in client.get(completed.get_absolute_url()).content.decode()
    assert completed.may_review(enterprise_user)
    reviews.leave_review(completed, enterprise_user, rating=5, body="很好")
    completed = Order.objects.get(pk=completed.pk)
    assert 'id="review-form"' not in client.get(completed.get_absolute_url()).content.decode()
    assert completed.review_refusal(enterprise_user) == "每个订单只能评价一次。"


def test_the_reply_form_shows_to_the_reviewed_institution_until_it_has_replied(
    client, completed, enterprise_user, institution_user
):
    review = reviews.leave_review(completed, enterprise_user, rating=4, body="不错")
    client.force_login(enterprise_user)
    assert 'id="reply-review-form"' not in client.get(completed.get_absolute_url()).content.decode()
    client.force_login(institution_user)
    assert 'id="reply-review-form"' in client.get(completed.get_absolute_url()).content.decode()
    reviews.reply_to_review(review, institution_user, "感谢")
    assert 'id="reply-review-form"' not in client.get(completed.get_absolute_url()).content.decode()


def test_a_pending_institution_is_offered_neither_listing_edits_nor_resubmission(client):
    institution = InstitutionFactory(status=Institution.Status.PENDING, approved_at=None)
    owner = member_of(institution.organisation)
    client.force_login(owner)
    page = client.get("/institutions/mine/").content.decode()
    assert "修改机构信息" not in page
    assert "修改并重新提交" not in page
    assert client.get("/institutions/mine/edit/").status_code == 403
    assert client.post("/institutions/mine/toggle/").status_code == 403
    institution.refresh_from_db()
    assert institution.is_active


def test_a_rejected_institution_is_offered_resubmission_and_an_approved_one_its_listing_tools(client):
    institution = InstitutionFactory(status=Institution.Status.REJECTED, approved_at=None)
    client.force_login(member_of(institution.organisation))
    page = client.get("/institutions/mine/").content.decode()
    assert "修改并重新提交" in page
    assert "修改机构信息" not in page
    Institution.objects.filter(pk=institution.pk).update(status=Institution.Status.APPROVED)
    page = client.get("/institutions/mine/").content.decode()
    assert "修改并重新提交" not in page
    assert "修改机构信息" in page


def test_staff_see_the_dispute_link_only_on_a_disputed_order(client, completed, staff_user):
    client.force_login(staff_user)
    assert "在管理后台处理争议" not in client.get(completed.get_absolute_url()).content.decode()
    Order.objects.filter(pk=completed.pk).update(status=OrderStatus.DISPUTED)
    assert "在管理后台处理争议" in client.get(completed.get_absolute_url()).content.decode()
