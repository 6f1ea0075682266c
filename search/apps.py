from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("综合搜索")

    def ready(self):
        from . import signals

        # Every app's documents.py registers its search types.
        autodiscover_modules("documents")
        signals.connect()
