"""Background work of saved searches: matching new items, immediate alerts, daily and weekly digests.

Scheduled in CELERY_BEAT_SCHEDULE; on the embedded default (eager Celery) matching runs inline right after
the index takes in new items. Every task is idempotent (see `matching` and `delivery`)."""

import logging
import smtplib

from celery import shared_task
from django.db import transaction

from . import delivery, matching
from .models import SavedSearch

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def match_saved_searches():
    """Matches what became public since the last run, then sends the immediate alerts it found."""
    while matching.match_new_items():
        pass
    send_digests(SavedSearch.Frequency.IMMEDIATE)


@shared_task(ignore_result=True)
def send_digests(frequency):
    """Builds and sends the digests of one frequency (`daily` each morning, `weekly` on Mondays), and any
    digest of it still waiting from a failed send."""
    matching.match_new_items()
    delivery.build_digests(frequency)
    for digest_id in delivery.pending_digests().filter(frequency=frequency).values_list("pk", flat=True):
        try:
            send_digest.delay(digest_id)
        except Exception:
            # Eager runs raise the mail server's error here; the digest stays pending for the next run.
            logger.exception("Digest %s could not be sent; it is retried", digest_id)


@shared_task(
    bind=True,
    autoretry_for=(smtplib.SMTPException, ConnectionError, OSError),
    retry_backoff=30,
    retry_backoff_max=3600,
    max_retries=12,
    ignore_result=True,
)
def send_digest(self, digest_id):
    delivery.send_digest(digest_id)


def schedule_matching():
    try:
        match_saved_searches.delay()
    except Exception:
        logger.exception("Could not match saved searches now; the periodic run will")


def after_arrivals():
    transaction.on_commit(schedule_matching)
