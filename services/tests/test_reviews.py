import pytest

from services import orders, reviews
from services.models import Order, OrderStatus, Review

from .factories import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(offering, enterprise_user, institution_user):
    order = orders.place_order(enterprise_user, offering=offering)
    # Payment is covered in test_orders; here the order is taken straight to its end.
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.DELIVERED)
    return orders.complete(order, enterprise_user)


def test_enterprise_reviews_a_completed_order_once_and_the_rating_updates(client, completed, enterprise_user):
    client.force_login(enterprise_user)
    client.post(f"/institutions/orders/{completed.pk}/review/", {"rating": "4", "body": "沟通及时，文件质量高。"})
    response = client.post(
        f"/institutions/orders/{completed.pk}/review/", {"rating": "1", "body": "再评一次"}, follow=True
    )
    assert "只能评价一次" in response.content.decode()
    assert Review.objects.get().rating == 4
    institution = completed.institution
    institution.refresh_from_db()
    assert (institution.rating_average, institution.rating_count) == (4, 1)
    page = client.get(institution.get_absolute_url()).content.decode()
    assert "沟通及时，文件质量高。" in page


def test_reviews_need_a_completed_order_and_a_rating_from_1_to_5(client, offering, enterprise_user):
    order = orders.place_order(enterprise_user, offering=offering)
    with pytest.raises(reviews.ReviewError):
        reviews.leave_review(order, enterprise_user, rating=5, body="还没完成")
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.COMPLETED)
    order.refresh_from_db()
    client.force_login(enterprise_user)
    client.post(f"/institutions/orders/{order.pk}/review/", {"rating": "6", "body": "六星"})
    client.post(f"/institutions/orders/{order.pk}/review/", {"rating": "0", "body": "零星"})
    assert not Review.objects.exists()


def test_only_the_ordering_enterprise_may_review(completed, institution_user, outsider):
    for user in (institution_user, outsider):
        with pytest.raises(reviews.ReviewError):
            reviews.leave_review(completed, user, rating=5, body="刷好评")
    assert not Review.objects.exists()


def test_institution_replies_once(client, completed, enterprise_user, institution_user, outsider):
    review = reviews.leave_review(completed, enterprise_user, rating=5, body="很好")
    client.force_login(outsider)
    assert client.post(f"/institutions/reviews/{review.pk}/reply/", {"reply": "冒充回复"}).status_code == 404
    client.force_login(institution_user)
    client.post(f"/institutions/reviews/{review.pk}/reply/", {"reply": "感谢信任！"})
    client.post(f"/institutions/reviews/{review.pk}/reply/", {"reply": "第二次回复"})
    review.refresh_from_db()
    assert review.reply == "感谢信任！"


def test_hidden_reviews_leave_the_page_and_the_rating(client, completed, enterprise_user, staff_user, offering):
    review = reviews.leave_review(completed, enterprise_user, rating=1, body="辱骂内容")
    second = orders.place_order(enterprise_user, offering=offering)
    Order.objects.filter(pk=second.pk).update(status=OrderStatus.COMPLETED)
    second.refresh_from_db()
    reviews.leave_review(second, enterprise_user, rating=5, body="专业高效")
    institution = completed.institution
    institution.refresh_from_db()
    assert institution.rating_average == 3
    client.force_login(staff_user)
    client.post(f"/admin/services/reviews/{review.pk}/", {"action": "hide", "reason": "含侮辱性言辞"})
    institution.refresh_from_db()
    assert (institution.rating_average, institution.rating_count) == (5, 1)
    client.logout()
    page = client.get(institution.get_absolute_url()).content.decode()
    assert "辱骂内容" not in page
    assert "专业高效" in page


def test_only_staff_hide_reviews(completed, enterprise_user, institution_user):
    review = reviews.leave_review(completed, enterprise_user, rating=1, body="差评")
    with pytest.raises(reviews.ReviewError):
        reviews.hide_review(review, institution_user, "不喜欢")
    review.refresh_from_db()
    assert not review.is_hidden


def test_member_of_the_institution_sees_its_own_reviews_in_its_dashboard(client, completed, enterprise_user):
    reviews.leave_review(completed, enterprise_user, rating=5, body="好")
    client.force_login(member_of(completed.institution.organisation))
    content = client.get("/institutions/dashboard/").content.decode()
    assert "1 条评价待回复" in content
