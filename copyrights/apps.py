from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CopyrightsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "copyrights"
    verbose_name = _("作品登记与合同备案")
