import logging
import smtplib

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from .site import site_url

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    autoretry_for=(smtplib.SMTPException, ConnectionError, OSError),
    retry_backoff=30,
    retry_backoff_max=3600,
    max_retries=12,
)
def send_templated_mail_task(self, template_prefix, recipients, context):
    context = {**context, "site_url": site_url()}
    subject = render_to_string(f"{template_prefix}_subject.txt", context).strip()
    body = render_to_string(f"{template_prefix}_message.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


@shared_task
def publish_scheduled_pages():
    """Wagtail's scheduled publishing: go-live and expiry times are acted on by this command."""
    from django.core.management import call_command

    call_command("publish_scheduled")


@shared_task
def forget_old_submission_receipts():
    """A form is resent within minutes, not weeks: receipts older than a month are of no more use."""
    from .submissions import forget_old_receipts

    forget_old_receipts()
