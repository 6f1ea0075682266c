from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("账户与组织")

    def ready(self):
        from .backends import connect_signals

        connect_signals()
