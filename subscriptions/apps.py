from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "subscriptions"
    verbose_name = _("订阅")

    def ready(self):
        from search.outbox import documents_published

        from . import arrivals

        documents_published.connect(arrivals.record, dispatch_uid="subscriptions_record_arrivals")
