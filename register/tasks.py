from celery import shared_task


@shared_task
def import_batch(batch_pk):
    """Write a queued import batch (one transaction); the batch records success or failure."""
    from .imports import run_import

    return run_import(batch_pk).status


@shared_task
def reevaluate_statuses():
    """Daily: statuses that may have changed are computed again and postings checked against the register."""
    from .postings import reevaluate

    return reevaluate()
