from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "subscriptions"
    verbose_name = _("订阅")

    def ready(self):
        from search.outbox import documents_published

        from . import arrivals

        documents_published.connect(arrivals.record, dispatch_uid="subscriptions_record_arrivals")
        user_logged_in.connect(propose_on_first_login, dispatch_uid="subscriptions_first_login")


def propose_on_first_login(sender, request, user, **kwargs):
    from django.contrib import messages
    from django.urls import reverse
    from django.utils.html import format_html
    from django.utils.translation import gettext as _

    from .profiles import offer_on_first_login

    count = offer_on_first_login(user)
    if count:
        messages.info(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _("平台根据贵企业的信息推荐了 %(count)s 个订阅，一键即可订阅。") % {"count": count},
                reverse("subscriptions:index"),
                _("查看推荐"),
            ),
            # A log-in made outside a browser request (a test client's) has no message storage.
            fail_silently=True,
        )
