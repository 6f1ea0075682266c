from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("服务市场")

    def ready(self):
        from payments.payables import register_payable

        from . import inbox, orders
        from .models import Order

        register_payable(Order, on_paid=orders.record_payment, on_refunded=orders.record_refund)
        inbox.connect_signals()
