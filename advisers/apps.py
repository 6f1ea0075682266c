from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvisersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "advisers"
    verbose_name = _("知识产权顾问与人才")
