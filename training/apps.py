from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("培训")

    def ready(self):
        from payments.payables import register_payable

        from . import enrolments
        from .models import Enrolment

        register_payable(Enrolment, on_paid=enrolments.record_payment, on_refunded=enrolments.record_refund)
