from celery import shared_task


@shared_task(ignore_result=True)
def evaluate_watches():
    """After a register import: the index first takes in what the import wrote (the watches read it), then
    every watch is evaluated."""
    from search import outbox, service

    from .watching import evaluate_all

    outbox.drain()
    service.refresh()
    return evaluate_all()
