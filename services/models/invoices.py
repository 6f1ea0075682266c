"""Invoices (发票) on paid orders: the enterprise asks, the institution issues and uploads the invoice.

One invoice request per order (a database constraint); title and tax number default to the ordering
organisation's name and credit code. The issued file is stored privately and read by the two sides only
(and finance staff), under a generated name with its original name kept (`core.attachments`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.credit_code import validate_credit_code
from accounts.roles import VIEW_PAYMENTS
from core.attachments import FileFields, private_file_fields

from .offerings import format_fen
from .orders import Actor, Order


class InvoiceQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.has_perm(VIEW_PAYMENTS):
            return self
        return self.filter(
            Q(order__enterprise__memberships__user=user) | Q(order__institution__organisation__memberships__user=user)
        ).distinct()


class Invoice(models.Model):
    FILE = FileFields("file")

    class Kind(models.TextChoices):
        ORDINARY = "ordinary", _("增值税普通发票")
        SPECIAL = "special", _("增值税专用发票")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("待开票")
        ISSUED = "issued", _("已开票")

    order = models.OneToOneField(Order, verbose_name=_("订单"), on_delete=models.PROTECT, related_name="invoice")
    kind = models.CharField(_("发票类型"), max_length=10, choices=Kind.choices, default=Kind.ORDINARY)
    title = models.CharField(_("发票抬头"), max_length=100)
    tax_number = models.CharField(_("纳税人识别号"), max_length=18, validators=[validate_credit_code])
    address_phone = models.CharField(_("地址、电话"), max_length=200, blank=True)
    bank_account = models.CharField(_("开户行及账号"), max_length=200, blank=True)
    send_to = models.CharField(
        _("接收方式"), max_length=200, help_text=_("接收电子发票的邮箱，或纸质发票的邮寄地址与收件人。")
    )
    amount = models.PositiveBigIntegerField(_("开票金额（分）"))
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("申请人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    number = models.CharField(_("发票号码"), max_length=30, blank=True)
    issued_on = models.DateField(_("开票日期"), null=True, blank=True)
    file, file_name, file_type, file_size = private_file_fields(_("发票文件"), "services/invoices", blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("开票人"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("登记时间"), null=True, blank=True)

    objects = InvoiceQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("发票")
        verbose_name_plural = _("发票")

    def __str__(self):
        return f"{self.order.number} {self.get_kind_display()} {self.title}"

    def get_absolute_url(self):
        return reverse("services:order_detail", args=[self.order_id])

    @property
    def amount_display(self):
        return format_fen(self.amount)

    @property
    def is_issued(self):
        return self.status == self.Status.ISSUED

    def may_issue(self, user):
        return not self.is_issued and self.order.actor_for(user) == Actor.INSTITUTION
