"""Orders: an enterprise buys an offering (or a quote agreed in an inquiry) from an institution.

The allowed status changes are `ORDER_WORKFLOW` (the shared `core.workflow`), taken by `services.orders`;
each change is an `OrderEvent` with who, when and why. Payment goes through the `payments` app (the order is
a registered payable); amounts are in fen.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.roles import HANDLE_ORDER_DISPUTES, VIEW_PAYMENTS
from core.models import WorkflowEvent
from core.workflow import ALREADY, IMPOSSIBLE, Workflow, step

from .inquiries import Inquiry, InquiryMessage
from .institutions import Institution
from .offerings import Offering, format_fen


class OrderStatus(models.TextChoices):
    REQUESTED = "requested", _("待机构确认")
    ACCEPTED = "accepted", _("待付款")
    DECLINED = "declined", _("机构已拒绝")
    PAID = "paid", _("已付款")
    DELIVERED = "delivered", _("已交付")
    COMPLETED = "completed", _("已完成")
    DISPUTED = "disputed", _("争议处理中")
    CANCELLED = "cancelled", _("已取消")
    REFUNDED = "refunded", _("已退款")


class Actor(models.TextChoices):
    ENTERPRISE = "enterprise", _("企业")
    INSTITUTION = "institution", _("服务机构")
    STAFF = "staff", _("平台管理员")
    SYSTEM = "system", _("支付系统")


def _order_event_fields(move):
    return {"actor": move.role, "user": move.user, "note": move.note}


# Who may move an order from one status to the next, written once: `services.orders.change_status` takes the
# steps, the order page offers them (`Order.allowed_targets`).
ORDER_WORKFLOW = Workflow(
    states=OrderStatus,
    role_labels=Actor,
    steps=[
        step(OrderStatus.REQUESTED, OrderStatus.ACCEPTED, who={Actor.INSTITUTION}),
        step(OrderStatus.REQUESTED, OrderStatus.DECLINED, who={Actor.INSTITUTION}),
        step(OrderStatus.REQUESTED, OrderStatus.CANCELLED, who={Actor.ENTERPRISE, Actor.STAFF}),
        step(OrderStatus.ACCEPTED, OrderStatus.PAID, who={Actor.SYSTEM}, stamps=["paid_at"]),
        # SYSTEM: the payment deadline passed without a payment (`services.orders.lapse_unpaid_orders`).
        step(
            OrderStatus.ACCEPTED,
            OrderStatus.CANCELLED,
            who={Actor.ENTERPRISE, Actor.INSTITUTION, Actor.STAFF, Actor.SYSTEM},
        ),
        step(OrderStatus.PAID, OrderStatus.DELIVERED, who={Actor.INSTITUTION}),
        # A paid order cancelled is refunded in full through Stripe.
        step(OrderStatus.PAID, OrderStatus.CANCELLED, who={Actor.INSTITUTION, Actor.STAFF}),
        step(OrderStatus.PAID, OrderStatus.REFUNDED, who={Actor.SYSTEM}),
        step(OrderStatus.DELIVERED, OrderStatus.COMPLETED, who={Actor.ENTERPRISE}, stamps=["completed_at"]),
        step(OrderStatus.DELIVERED, OrderStatus.DISPUTED, who={Actor.ENTERPRISE}),
        step(OrderStatus.DELIVERED, OrderStatus.REFUNDED, who={Actor.SYSTEM}),
        step(OrderStatus.DISPUTED, OrderStatus.COMPLETED, who={Actor.STAFF}, stamps=["completed_at"]),
        step(OrderStatus.DISPUTED, OrderStatus.REFUNDED, who={Actor.STAFF, Actor.SYSTEM}),
    ],
    roles=lambda order, user: {order.actor_for(user)} - {None},
    event="services.OrderEvent",
    event_record="order",
    event_fields=_order_event_fields,
    messages={
        ALREADY: _("订单已是“%(status)s”，无需重复操作。"),
        IMPOSSIBLE: _("订单当前为“%(from)s”，不能由%(actor)s改为“%(to)s”。"),
    },
)

# Changes that return the money to the enterprise.
REFUNDING = {
    (OrderStatus.PAID, OrderStatus.CANCELLED),
    (OrderStatus.DISPUTED, OrderStatus.REFUNDED),
}

# Statuses where the institution still owes work or the enterprise a decision.
OPEN_STATUSES = {
    OrderStatus.REQUESTED,
    OrderStatus.ACCEPTED,
    OrderStatus.PAID,
    OrderStatus.DELIVERED,
    OrderStatus.DISPUTED,
}
PAID_STATUSES = {OrderStatus.PAID, OrderStatus.DELIVERED, OrderStatus.COMPLETED, OrderStatus.DISPUTED}


class OrderQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The orders of the user's organisation (either side); every order for the platform's operators and
        for finance (who reconcile payments with orders)."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm(HANDLE_ORDER_DISPUTES) or user.has_perm(VIEW_PAYMENTS):
            return self
        return self.filter(
            Q(enterprise__memberships__user=user) | Q(institution__organisation__memberships__user=user)
        ).distinct()


class Order(models.Model):
    Status = OrderStatus

    enterprise = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("下单企业"), on_delete=models.PROTECT, related_name="service_orders"
    )
    institution = models.ForeignKey(
        Institution, verbose_name=_("服务机构"), on_delete=models.PROTECT, related_name="orders"
    )
    offering = models.ForeignKey(
        Offering, verbose_name=_("服务项目"), on_delete=models.SET_NULL, null=True, blank=True, related_name="orders"
    )
    inquiry = models.ForeignKey(
        Inquiry, verbose_name=_("来源咨询"), on_delete=models.SET_NULL, null=True, blank=True, related_name="orders"
    )
    quote = models.ForeignKey(
        InquiryMessage,
        verbose_name=_("所依据的报价"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("服务名称"), max_length=120)
    unit_price = models.PositiveBigIntegerField(_("单价（分）"))
    quantity = models.PositiveSmallIntegerField(_("数量"), default=1)
    amount = models.PositiveBigIntegerField(_("金额（分）"))
    requirements = models.TextField(_("需求说明"), blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=OrderStatus.choices, default=OrderStatus.REQUESTED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("下单人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("下单时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    paid_at = models.DateTimeField(_("付款时间"), null=True, blank=True)
    payment_due_at = models.DateTimeField(_("付款期限"), null=True, blank=True)
    payment_reminded_at = models.DateTimeField(_("付款提醒时间"), null=True, blank=True)
    completed_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    objects = OrderQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("服务订单")
        verbose_name_plural = _("服务订单")
        indexes = [models.Index(fields=["institution", "status"]), models.Index(fields=["enterprise", "status"])]
        permissions = [("handle_order_dispute", _("查看全部订单，处理订单争议，以平台身份取消或完成订单"))]
        constraints = [models.UniqueConstraint(fields=["quote"], name="services_order_one_per_quote")]

    def __str__(self):
        return f"{self.number} {self.title}"

    def get_absolute_url(self):
        return reverse("services:order_detail", args=[self.pk])

    @property
    def number(self):
        return f"SO{self.created_at:%Y%m%d}{self.pk:05d}" if self.created_at else ""

    @property
    def amount_display(self):
        return format_fen(self.amount)

    @property
    def unit_price_display(self):
        return format_fen(self.unit_price)

    def may_view(self, user):
        return Order.objects.visible_to(user).filter(pk=self.pk).exists()

    def actor_for(self, user):
        """Which side `user` acts for on this order (the platform's operators act as staff), or None."""
        organisation = user.organisation if user.is_authenticated else None
        if organisation is not None and organisation.pk == self.enterprise_id:
            return Actor.ENTERPRISE
        if organisation is not None and organisation.pk == self.institution.organisation_id:
            return Actor.INSTITUTION
        if user.is_authenticated and user.has_perm(HANDLE_ORDER_DISPUTES):
            return Actor.STAFF
        return None

    @property
    def payment_reference(self):
        """What the enterprise writes in the transfer's remark (附言) so the institution can match it."""
        return f"{self.number} {self.enterprise.name}"[:60]

    def allowed_targets(self, actor):
        return ORDER_WORKFLOW.steps_for(self, role=actor)

    def refunds_on(self, target):
        """Whether moving to `target` from here returns the money (the cancel button says so)."""
        return (self.status, target) in REFUNDING

    @property
    def is_awaiting_payment(self):
        return self.status == OrderStatus.ACCEPTED

    @property
    def is_disputed(self):
        return self.status == OrderStatus.DISPUTED

    def may_pay(self, user):
        return self.is_awaiting_payment and self.actor_for(user) == Actor.ENTERPRISE

    def may_resolve_dispute(self, user):
        staff = user.is_authenticated and user.has_perm(HANDLE_ORDER_DISPUTES)
        return staff and ORDER_WORKFLOW.may(self, OrderStatus.COMPLETED, role=Actor.STAFF)

    def review_refusal(self, user):
        """Why `user` may not review this order (None: they may); `services.reviews.leave_review` and the
        order page both ask this."""
        if self.actor_for(user) != Actor.ENTERPRISE:
            return _("只有下单企业可以评价。")
        if self.status != OrderStatus.COMPLETED:
            return _("订单完成后才能评价。")
        if hasattr(self, "review"):
            return _("每个订单只能评价一次。")
        return None

    def may_review(self, user):
        return self.review_refusal(user) is None


class OrderEvent(WorkflowEvent):
    STATES = OrderStatus

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    actor = models.CharField(_("操作方"), max_length=12, choices=Actor.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("订单记录")
        verbose_name_plural = _("订单记录")

    def __str__(self):
        return f"{self.order} {self.from_status or '—'} → {self.to_status}"
