from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_site_records(**kwargs):
    # Every `migrate` (and a test's flush) brings the Site records back in line with SITE_URL, which
    # may have changed since the migration that first wrote them.
    from django.contrib.sites.models import Site as DjangoSite
    from wagtail.models import Site as WagtailSite

    from .site import sync_site_records

    sync_site_records(DjangoSite, WagtailSite)


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("平台核心")

    def ready(self):
        post_migrate.connect(_sync_site_records, sender=self, dispatch_uid="core_sync_site_records")
        from .pagecache import connect_signals

        connect_signals()
