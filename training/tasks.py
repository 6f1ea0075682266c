from celery import shared_task

from . import enrolments


@shared_task
def release_expired_holds():
    """Periodic (CELERY_BEAT_SCHEDULE): unpaid places whose hold ran out go to the waiting list."""
    return enrolments.release_expired_holds()
