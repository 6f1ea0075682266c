from celery import shared_task

from . import orders


@shared_task
def remind_and_lapse_unpaid_orders():
    """Periodic (CELERY_BEAT_SCHEDULE): reminders before the payment deadline, cancellation after it."""
    return {"reminded": orders.remind_unpaid_orders(), "lapsed": orders.lapse_unpaid_orders()}
