from celery import shared_task

from . import notifications


@shared_task
def deliver_notification(notification_pk):
    """Send one case notification; a failure is recorded on the row and retried by the periodic task."""
    return notifications.deliver(notification_pk)


@shared_task
def resend_unsent_notifications():
    """Celery beat (CELERY_BEAT_SCHEDULE): re-send case e-mails that a failing mail server held back."""
    return notifications.resend_unsent()
