"""Inquiries: a conversation between an enterprise and an institution, optionally about an offering.

Messages carry the side that wrote them; an institution's message may propose a quote (an amount in
fen) that the enterprise can then order at. The inquiry records when the institution first replied,
which feeds the institution's median reply time.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .institutions import Institution
from .offerings import Offering, format_fen


class Side(models.TextChoices):
    ENTERPRISE = "enterprise", _("企业")
    INSTITUTION = "institution", _("服务机构")


class InquiryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Inquiries `user` takes part in, from either side (staff do not read private conversations)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(enterprise__memberships__user=user) | Q(institution__organisation__memberships__user=user)
        ).distinct()


class Inquiry(models.Model):
    enterprise = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("咨询企业"), on_delete=models.CASCADE, related_name="inquiries"
    )
    institution = models.ForeignKey(
        Institution, verbose_name=_("服务机构"), on_delete=models.CASCADE, related_name="inquiries"
    )
    offering = models.ForeignKey(
        Offering,
        verbose_name=_("相关服务项目"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiries",
    )
    subject = models.CharField(_("主题"), max_length=120)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    last_message_at = models.DateTimeField(_("最后消息时间"), null=True, blank=True)
    first_reply_at = models.DateTimeField(_("机构首次回复时间"), null=True, blank=True)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        verbose_name = _("咨询")
        verbose_name_plural = _("咨询")

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("services:inquiry_detail", args=[self.pk])

    def side_of(self, user):
        """Which side `user` acts for in this inquiry, or None."""
        organisation = user.organisation if user.is_authenticated else None
        if organisation is None:
            return None
        if organisation.pk == self.enterprise_id:
            return Side.ENTERPRISE
        if organisation.pk == self.institution.organisation_id:
            return Side.INSTITUTION
        return None


class InquiryMessage(models.Model):
    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="messages")
    side = models.CharField(_("发送方"), max_length=12, choices=Side.choices)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("发送人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("内容"))
    # A quote proposed by the institution, in fen, for the whole service.
    quote_amount = models.PositiveBigIntegerField(_("报价（分）"), null=True, blank=True)
    created_at = models.DateTimeField(_("发送时间"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("咨询消息")
        verbose_name_plural = _("咨询消息")

    def __str__(self):
        return f"{self.inquiry} · {self.get_side_display()}"

    @property
    def quote_display(self):
        return format_fen(self.quote_amount)

    def order_refusal(self, user):
        """Why `user` may not order at this quote (None: they may). A quote already ordered is not refused
        here: `services.orders.place_order` answers it with the order placed."""
        refusal = self.inquiry.institution.engage_refusal(user)
        if refusal is not None:
            return refusal
        if self.inquiry.side_of(user) != Side.ENTERPRISE:
            return _("该报价不是给您的企业的。")
        if self.side != Side.INSTITUTION or not self.quote_amount:
            return _("该消息不是机构的报价。")
        latest = self.inquiry.messages.filter(quote_amount__isnull=False).order_by("-created_at", "-pk").first()
        if latest.pk != self.pk:
            return _("机构已给出新的报价，请按最新报价下单。")
        return None

    def may_order(self, user):
        return self.order_refusal(user) is None
