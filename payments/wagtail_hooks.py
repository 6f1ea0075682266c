from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Payment, StripeEvent


class ReadOnlyForStaff(ModelPermissionPolicy):
    """Payments change only through Stripe's webhooks and the owning apps' functions, never by hand."""

    def user_has_permission(self, user, action):
        return action in ("view", "inspect") and user.is_active and user.is_staff

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Payment, ReadOnlyForStaff(Payment))
register_permission_policy(StripeEvent, ReadOnlyForStaff(StripeEvent))


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
