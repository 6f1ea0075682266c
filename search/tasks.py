"""Celery tasks applying the search outbox: after each commit, and periodically (CELERY_BEAT_SCHEDULE)."""

import logging

from celery import shared_task

from . import outbox, registry

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=None, ignore_result=True)
def process_search_outbox(self):
    """Applies pending index updates; while Elasticsearch is down, retries with a growing delay."""
    applied, failed = outbox.process_pending()
    if failed and not self.request.is_eager:
        raise self.retry(countdown=min(600, 10 * 2 ** min(self.request.retries, 6)))
    return applied


@shared_task(ignore_result=True)
def drain_search_outbox():
    """Applies whatever is still pending (e.g. updates written while Elasticsearch was down)."""
    applied, failed = outbox.drain()
    if applied or failed:
        logger.info("Search outbox drained: %s applied, %s still failing", applied, failed)
    return applied


@shared_task(ignore_result=True)
def reconcile_search_index():
    """Queues removal of items that stopped being public without a save (expiry) and any that are missing."""
    for search_type in registry.all_types():
        outbox.reconcile(search_type.name)
