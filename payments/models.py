"""Payments through Stripe Checkout for anything payable (service orders, paid training courses).

A `Payment` points at what it pays for through a generic relation; the owning app registers what
happens when it is paid or refunded (`payments.payables`). Each Stripe webhook event is stored once in
`StripeEvent`, which is what makes repeated deliveries harmless.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.roles import VIEW_PAYMENTS


class PaymentQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)

    def visible_to(self, user):
        """The payer's and their organisation's payments; every payment for finance."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm(VIEW_PAYMENTS):
            return self
        return self.filter(models.Q(user=user) | models.Q(organisation__memberships__user=user)).distinct()


class Payment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("待付款")
        PAID = "paid", _("已付款")
        EXPIRED = "expired", _("已过期")
        FAILED = "failed", _("付款失败")
        REFUNDED = "refunded", _("已退款")

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    payable = GenericForeignKey("content_type", "object_id")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("付款人"), on_delete=models.PROTECT)
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("付款组织"), on_delete=models.PROTECT, null=True, blank=True
    )
    description = models.CharField(_("说明"), max_length=200)
    # In the currency's smallest unit (fen for CNY), as Stripe expects.
    amount = models.PositiveBigIntegerField(_("金额（分）"))
    currency = models.CharField(_("币种"), max_length=3)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING)
    checkout_session_id = models.CharField(max_length=255, blank=True, db_index=True)
    checkout_url = models.URLField(max_length=2000, blank=True)
    payment_intent_id = models.CharField(max_length=255, blank=True)
    refund_id = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    paid_at = models.DateTimeField(_("付款时间"), null=True, blank=True)
    refunded_at = models.DateTimeField(_("退款时间"), null=True, blank=True)

    objects = PaymentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("付款")
        verbose_name_plural = _("付款")
        permissions = [
            ("view_payment_record", _("查看全部付款记录")),
            ("refund_payment", _("办理退款")),
        ]

    def __str__(self):
        return f"{self.description} · {self.amount_display} · {self.get_status_display()}"

    @property
    def amount_display(self):
        return f"{self.amount / 100:,.2f} {self.currency.upper()}"


class StripeEvent(models.Model):
    """Every webhook event received, once: a second delivery of the same id changes nothing."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    payload = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("Stripe 事件")
        verbose_name_plural = _("Stripe 事件")

    def __str__(self):
        return f"{self.type} {self.event_id}"
