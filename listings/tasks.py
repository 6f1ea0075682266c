from celery import shared_task

from .postings import expire_overdue


@shared_task
def expire_listings():
    """Expire postings past their validity period; idempotent, run daily by Celery beat."""
    return expire_overdue()
