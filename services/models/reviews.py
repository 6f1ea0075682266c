"""Reviews: one per completed order, by the enterprise; the institution may reply once; staff may hide."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .institutions import Institution
from .orders import Order


class ReviewQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(is_hidden=False)


class Review(models.Model):
    order = models.OneToOneField(Order, verbose_name=_("订单"), on_delete=models.CASCADE, related_name="review")
    institution = models.ForeignKey(
        Institution, verbose_name=_("服务机构"), on_delete=models.CASCADE, related_name="reviews"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("评价人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    rating = models.PositiveSmallIntegerField(
        _("评分"), validators=[MinValueValidator(1), MaxValueValidator(5)], choices=[(i, str(i)) for i in range(1, 6)]
    )
    body = models.TextField(_("评价内容"), max_length=2000)
    created_at = models.DateTimeField(_("评价时间"), auto_now_add=True)
    reply = models.TextField(_("机构回复"), max_length=2000, blank=True)
    replied_at = models.DateTimeField(_("回复时间"), null=True, blank=True)
    replied_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    is_hidden = models.BooleanField(_("已隐藏"), default=False)
    hidden_reason = models.CharField(_("隐藏原因"), max_length=200, blank=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("评价")
        verbose_name_plural = _("评价")
        permissions = [("moderate_review", _("隐藏或恢复评价"))]
        constraints = [
            models.CheckConstraint(condition=models.Q(rating__gte=1, rating__lte=5), name="services_review_rating_1_5")
        ]

    def __str__(self):
        return f"{self.institution} · {self.rating}★"

    def reply_refusal(self, user):
        """Why `user` may not reply to this review (None: they may): one reply, by the reviewed institution."""
        if not self.institution.is_member(user):
            return _("只有被评价的机构可以回复。")
        if self.reply:
            return _("每条评价只能回复一次。")
        return None

    def may_reply(self, user):
        return self.reply_refusal(user) is None

    @property
    def stars(self):
        return "★" * self.rating + "☆" * (5 - self.rating)
