"""Payments for anything payable (service orders, paid training courses): through Stripe Checkout
(card, Alipay, WeChat Pay) or by company bank transfer (对公转账) that the payee confirms.

A `Payment` points at what it pays for through a generic relation; the owning app registers what
happens when it is paid or refunded (`payments.payables`). Each Stripe webhook event is stored once in
`StripeEvent`, which is what makes repeated deliveries harmless. Money going back is a `Refund` row per
refund (partial ones too). A payee's `BankAccount` is private: only the payer of an open payment, the
payee's members and finance staff read it, and no search document, feed or API carries it.
"""

import re

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from accounts.roles import VIEW_PAYMENTS
from core.attachments import FileFields, private_file_fields

from .money import format_amount


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

    def create_for(self, payable, *, description, **fields):
        """A new payment of `payable` (the payer, payee and amount among `fields`), in the platform's currency,
        with the description cut to its field."""
        return self.create(payable=payable, description=description[:200], currency=settings.PAYMENT_CURRENCY, **fields)


# A transfer's or a refund's bank receipt: `receipt`, `receipt_name`, `receipt_type`, `receipt_size`.
RECEIPT = FileFields("receipt")


class Method(models.TextChoices):
    STRIPE = "stripe", _("在线支付（银行卡、支付宝、微信支付）")
    TRANSFER = "transfer", _("对公转账")


class Payment(models.Model):
    Method = Method

    class Status(models.TextChoices):
        # For a bank transfer: recorded by the payer, waiting for the payee to confirm receipt.
        PENDING = "pending", _("待付款")
        PAID = "paid", _("已付款")
        EXPIRED = "expired", _("已过期")
        FAILED = "failed", _("付款失败")
        NOT_RECEIVED = "not_received", _("收款方未收到")
        REFUNDED = "refunded", _("已退款")

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    payable = GenericForeignKey("content_type", "object_id")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("付款人"), on_delete=models.PROTECT)
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("付款组织"), on_delete=models.PROTECT, null=True, blank=True
    )
    payee = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("收款组织"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payments_received",
    )
    method = models.CharField(_("付款方式"), max_length=10, choices=Method.choices, default=Method.STRIPE)
    description = models.CharField(_("说明"), max_length=200)
    # In the currency's smallest unit (fen for CNY), as Stripe expects.
    amount = models.PositiveBigIntegerField(_("金额（分）"))
    currency = models.CharField(_("币种"), max_length=3)
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.PENDING)
    checkout_session_id = models.CharField(max_length=255, blank=True, db_index=True)
    checkout_url = models.URLField(max_length=2000, blank=True)
    # What the Checkout Session offers the payer, as Stripe answered (card, alipay, wechat_pay).
    offered_methods = models.JSONField(default=list, blank=True)
    payment_intent_id = models.CharField(max_length=255, blank=True)
    refund_id = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    paid_at = models.DateTimeField(_("付款时间"), null=True, blank=True)
    refunded_at = models.DateTimeField(_("退款时间"), null=True, blank=True)
    # A bank transfer: what the payer says it sent, and the payee's answer.
    reference = models.CharField(_("付款附言"), max_length=60, blank=True)
    transfer_date = models.DateField(_("转账日期"), null=True, blank=True)
    payer_bank = models.CharField(_("付款银行"), max_length=100, blank=True)
    receipt, receipt_name, receipt_type, receipt_size = private_file_fields(
        _("转账凭证"), "payments/receipts/payment", blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("确认人"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("确认时间"), null=True, blank=True)
    decision_note = models.TextField(_("收款方说明"), blank=True)

    objects = PaymentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            # One recorded transfer at a time waits for the payee: a second submission finds the first.
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(method="transfer", status="pending"),
                name="payments_one_pending_transfer",
            ),
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(method="transfer", status="paid"),
                name="payments_one_paid_transfer",
            ),
        ]
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
        return format_amount(self.amount, self.currency)

    @property
    def is_transfer(self):
        return self.method == Method.TRANSFER

    @property
    def is_pending(self):
        """Started and not yet settled: Stripe has not told, or the payee has not confirmed."""
        return self.status == self.Status.PENDING

    @property
    def awaits_payee(self):
        """A recorded transfer the payee has yet to confirm or reject."""
        return self.is_transfer and self.status == self.Status.PENDING

    def refunded_amount(self):
        """What has gone back or is on its way back (a transfer the payer has yet to confirm counts)."""
        return self.refunds.aggregate(total=Sum("amount"))["total"] or 0

    def refundable_amount(self):
        return self.amount - self.refunded_amount() if self.status == self.Status.PAID else 0


class Refund(models.Model):
    """Money going back on a paid `Payment`, in full or in part, with a reason. Through Stripe it is done
    when the Refund API accepts it; by transfer the payee records the transfer and the payer confirms it."""

    class Status(models.TextChoices):
        SENT = "sent", _("已退款，待付款方确认")
        COMPLETED = "completed", _("退款完成")

    payment = models.ForeignKey(Payment, verbose_name=_("付款"), on_delete=models.PROTECT, related_name="refunds")
    amount = models.PositiveBigIntegerField(_("退款金额（分）"))
    reason = models.TextField(_("退款原因"))
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices)
    stripe_refund_id = models.CharField(max_length=255, blank=True)
    transfer_date = models.DateField(_("退款转账日期"), null=True, blank=True)
    receipt, receipt_name, receipt_type, receipt_size = private_file_fields(
        _("退款凭证"), "payments/receipts/refund", blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("经办人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("退款时间"), auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("确认人"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("确认收到时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("退款")
        verbose_name_plural = _("退款")

    def __str__(self):
        return f"{self.payment.description} · {self.amount_display} · {self.get_status_display()}"

    @property
    def amount_display(self):
        return format_amount(self.amount, self.payment.currency)

    @property
    def awaits_payer(self):
        return self.status == self.Status.SENT


ACCOUNT_NUMBER = re.compile(r"^\d{8,30}$")


def normalise_account_number(value):
    return re.sub(r"[\s-]", "", value or "")


def validate_account_number(value):
    """Chinese bank account numbers are 8 to 30 digits (grouped with spaces or hyphens when written)."""
    if not ACCOUNT_NUMBER.match(normalise_account_number(value)):
        raise ValidationError(_("银行账号应为 8 至 30 位数字。"), code="account_number")


class BankAccount(models.Model):
    """The account a payee (a service institution) receives bank transfers on. Private: see the module note."""

    organisation = models.OneToOneField(
        "accounts.Organisation", verbose_name=_("组织"), on_delete=models.CASCADE, related_name="bank_account"
    )
    bank_name = models.CharField(_("开户银行"), max_length=100)
    branch = models.CharField(_("开户支行"), max_length=100)
    account_name = models.CharField(_("户名"), max_length=100)
    account_number = models.CharField(_("账号"), max_length=40, validators=[validate_account_number])
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("修改人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("收款账户")
        verbose_name_plural = _("收款账户")

    def __str__(self):
        return f"{self.organisation} · {self.bank_name}"

    def save(self, *args, **kwargs):
        self.account_number = normalise_account_number(self.account_number)
        super().save(*args, **kwargs)

    @property
    def account_number_grouped(self):
        number = self.account_number
        return " ".join(number[i : i + 4] for i in range(0, len(number), 4))


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
