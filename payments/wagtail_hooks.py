from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.roles import VIEW_PAYMENTS

from .models import Payment, StripeEvent


class ReadOnlyForFinance(ModelPermissionPolicy):
    """Payments change only through Stripe's webhooks and the owning apps' functions, never by hand;
    the records are read by holders of `payments.view_payment_record` (finance)."""

    def user_has_permission(self, user, action):
        return action in ("view", "inspect") and user.is_active and user.has_perm(VIEW_PAYMENTS)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Payment, ReadOnlyForFinance(Payment))
register_permission_policy(StripeEvent, ReadOnlyForFinance(StripeEvent))


class PaymentViewSet(ModelViewSet):
    model = Payment
    icon = "doc-full-inverse"
    menu_label = _("付款记录")
    menu_order = 800
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["description", "organisation", "amount_display", "status", "created_at", "paid_at"]
    list_filter = ["status", "currency"]
    search_fields = ["description", "checkout_session_id", "payment_intent_id"]
    # Never rendered: the permission policy refuses add and change. Wagtail requires a form definition.
    form_fields = ["description"]
    inspect_view_fields = [
        "description",
        "user",
        "organisation",
        "amount",
        "currency",
        "status",
        "checkout_session_id",
        "payment_intent_id",
        "refund_id",
        "created_at",
        "paid_at",
        "refunded_at",
    ]


@hooks.register("register_admin_viewset")
def register_payment_viewset():
    return PaymentViewSet("payment_records")
