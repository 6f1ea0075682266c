from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.roles import VIEW_PAYMENTS
from core.admin_menu import MenuItemFor, holding

from . import admin_urls
from .models import Payment, Refund, StripeEvent


class ReadOnlyForFinance(ModelPermissionPolicy):
    """Payments change only through Stripe's webhooks and the owning apps' functions, never by hand;
    the records are read by holders of `payments.view_payment_record` (finance)."""

    def user_has_permission(self, user, action):
        return action in ("view", "inspect") and user.is_active and user.has_perm(VIEW_PAYMENTS)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Payment, ReadOnlyForFinance(Payment))
register_permission_policy(StripeEvent, ReadOnlyForFinance(StripeEvent))
register_permission_policy(Refund, ReadOnlyForFinance(Refund))


class FinanceRecordViewSet(ModelViewSet):
    """A menu entry listing money records for finance to read and inspect (the policy above refuses the
    rest)."""

    icon = "doc-full-inverse"
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False


class PaymentViewSet(FinanceRecordViewSet):
    model = Payment
    menu_label = _("付款记录")
    menu_order = 800
    list_display = ["description", "organisation", "payee", "method", "amount_display", "status", "paid_at"]
    list_filter = ["method", "status", "payee", "paid_at"]
    search_fields = ["description", "reference", "checkout_session_id", "payment_intent_id"]
    # Never rendered: the permission policy refuses add and change. Wagtail requires a form definition.
    form_fields = ["description"]
    inspect_view_fields = [
        "description",
        "user",
        "organisation",
        "payee",
        "method",
        "amount",
        "currency",
        "status",
        "checkout_session_id",
        "payment_intent_id",
        "refund_id",
        "created_at",
        "paid_at",
        "refunded_at",
        "reference",
        "transfer_date",
        "payer_bank",
        "decided_by",
        "decided_at",
        "decision_note",
    ]


@hooks.register("register_admin_viewset")
def register_payment_viewset():
    return PaymentViewSet("payment_records")


class RefundViewSet(FinanceRecordViewSet):
    model = Refund
    menu_label = _("退款记录")
    menu_order = 801
    list_display = ["payment", "amount_display", "status", "created_by", "created_at", "confirmed_at"]
    list_filter = ["status", "payment__method", "created_at"]
    form_fields = ["reason"]
    inspect_view_fields = [
        "payment",
        "amount",
        "reason",
        "status",
        "stripe_refund_id",
        "transfer_date",
        "created_by",
        "created_at",
        "confirmed_by",
        "confirmed_at",
    ]


@hooks.register("register_admin_viewset")
def register_refund_viewset():
    return RefundViewSet("refund_records")


@hooks.register("register_admin_urls")
def register_finance_urls():
    return [path("finance/", include(admin_urls, namespace="payments_admin"))]


@hooks.register("register_admin_menu_item")
def register_finance_menu():
    return MenuItemFor(
        _("收款与退款"),
        reverse("payments_admin:report"),
        shown_to=holding(VIEW_PAYMENTS),
        icon_name="doc-full-inverse",
        order=799,
    )
