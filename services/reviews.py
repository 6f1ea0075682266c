"""Reviews of completed orders: leaving one, the institution's reply, staff hiding abusive ones."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import MODERATE_REVIEWS

from .inbox import notify
from .models import Order, Review
from .scorecard import refresh_rating


class ReviewError(Exception):
    """The review cannot be written or changed this way; the message is shown to the user."""


def leave_review(order, user, *, rating, body):
    refusal = order.review_refusal(user)
    if refusal is not None:
        raise ReviewError(refusal)
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ReviewError(_("评分须为 1 至 5 星。"))
    body = (body or "").strip()
    if not body:
        raise ReviewError(_("请写下评价内容。"))
    with transaction.atomic():
        # The order's row, not the review's: a review not yet written has no row to lock.
        Order.objects.select_for_update().filter(pk=order.pk).first()
        if Review.objects.filter(order=order).exists():
            raise ReviewError(_("每个订单只能评价一次。"))
        review = Review.objects.create(
            order=order, institution=order.institution, author=user, rating=rating, body=body[:2000]
        )
        refresh_rating(order.institution)
        notify(
            order.institution.organisation,
            _("%(enterprise)s 评价了订单 %(number)s：%(stars)s")
            % {"enterprise": order.enterprise.name, "number": order.number, "stars": review.stars},
            body=body,
            url=order.get_absolute_url(),
            order=order,
        )
    return review


def reply_to_review(review, user, text):
    refusal = review.reply_refusal(user)
    if refusal is not None:
        raise ReviewError(refusal)
    text = (text or "").strip()
    if not text:
        raise ReviewError(_("回复内容不能为空。"))
    with transaction.atomic():
        # Read again under the lock: a concurrent reply has to be seen by this one.
        review = Review.objects.select_for_update().get(pk=review.pk)
        refusal = review.reply_refusal(user)
        if refusal is not None:
            raise ReviewError(refusal)
        review.reply = text[:2000]
        review.replied_at = timezone.now()
        review.replied_by = user
        review.save(update_fields=["reply", "replied_at", "replied_by"])
    return review


def _check_staff(user):
    if not user.has_perm(MODERATE_REVIEWS):
        raise ReviewError(_("只有平台管理员可以隐藏评价。"))


def hide_review(review, staff_user, reason):
    _check_staff(staff_user)
    if not (reason or "").strip():
        raise ReviewError(_("请填写隐藏原因。"))
    review.is_hidden = True
    review.hidden_reason = reason.strip()[:200]
    review.hidden_by = staff_user
    review.save(update_fields=["is_hidden", "hidden_reason", "hidden_by"])
    refresh_rating(review.institution)
    return review


def show_review(review, staff_user):
    _check_staff(staff_user)
    review.is_hidden = False
    review.hidden_reason = ""
    review.save(update_fields=["is_hidden", "hidden_reason"])
    refresh_rating(review.institution)
    return review
