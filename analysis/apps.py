from django.apps import AppConfig
from django.db import transaction
from django.utils.translation import gettext_lazy as _


def after_import(sender, batch, **kwargs):
    from .tasks import evaluate_watches

    transaction.on_commit(evaluate_watches.delay)


def after_publish(sender, instance, **kwargs):
    from .reports import published

    published(instance)


class AnalysisConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "analysis"
    verbose_name = _("专利分析与预警")

    def ready(self):
        from wagtail.signals import page_published

        from cms.models import EarlyWarningReportPage
        from register.signals import import_finished

        import_finished.connect(after_import, dispatch_uid="analysis_after_import")
        page_published.connect(after_publish, sender=EarlyWarningReportPage, dispatch_uid="analysis_after_publish")
