"""Offerings (服务项目): what an institution sells, with a fixed, from- or negotiable price in fen."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from payments.money import format_amount

from .institutions import Institution, ServiceCategory

# Stripe's ceiling for one CNY charge (999,999.99 yuan), in fen; no order may exceed it.
MAX_AMOUNT_FEN = 99_999_999


def format_fen(amount):
    """Fen as yuan with two decimals in the configured currency (PAYMENT_CURRENCY): 350000 → '¥3,500.00'."""
    return format_amount(amount)


class OfferingQuerySet(models.QuerySet):
    def public(self):
        return self.filter(
            status=Offering.Status.PUBLISHED,
            institution__status=Institution.Status.APPROVED,
            institution__is_active=True,
        )

    def editable_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(institution__organisation__memberships__user=user)


class Offering(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        PUBLISHED = "published", _("已发布")
        ARCHIVED = "archived", _("已下架")

    class PriceType(models.TextChoices):
        FIXED = "fixed", _("一口价")
        FROM = "from", _("起价")
        NEGOTIABLE = "negotiable", _("面议")

    institution = models.ForeignKey(
        Institution, verbose_name=_("服务机构"), on_delete=models.CASCADE, related_name="offerings"
    )
    title = models.CharField(_("服务名称"), max_length=100)
    category = models.ForeignKey(
        ServiceCategory, verbose_name=_("服务类别"), on_delete=models.PROTECT, related_name="offerings"
    )
    description = models.TextField(_("服务内容"))
    price_type = models.CharField(_("计价方式"), max_length=10, choices=PriceType.choices, default=PriceType.FIXED)
    # In fen; empty for a negotiable price.
    price = models.PositiveBigIntegerField(_("价格（分）"), null=True, blank=True)
    delivery_days = models.PositiveSmallIntegerField(_("预计完成时间（工作日）"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = OfferingQuerySet.as_manager()

    class Meta:
        ordering = ["institution", "category__sort_order", "title"]
        verbose_name = _("服务项目")
        verbose_name_plural = _("服务项目")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("services:offering_detail", args=[self.pk])

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def is_public(self):
        return self.is_published and self.institution.is_public

    def may_view(self, user):
        """A draft, archived or not-yet-listed offering: its institution's members and reviewers only."""
        return self.is_public or self.institution.is_member(user) or self.institution.may_review(user)

    def engage_refusal(self, user):
        """Why `user` may not ask about or order this offering (None: they may)."""
        if not self.is_published:
            return _("该服务项目未发布，不能咨询或下单。")
        return self.institution.engage_refusal(user)

    @property
    def is_negotiable(self):
        return self.price_type == self.PriceType.NEGOTIABLE

    @property
    def price_display(self):
        if self.is_negotiable or self.price is None:
            return _("面议")
        if self.price_type == self.PriceType.FROM:
            return _("%(price)s 起") % {"price": format_fen(self.price)}
        return format_fen(self.price)
