"""Newly public documents, as the search outbox reports them once they are in the index."""

from .models import Arrival


def record(sender, doc_type, object_ids, **kwargs):
    Arrival.objects.bulk_create([Arrival(doc_type=doc_type, object_id=str(pk)) for pk in object_ids])
    from .tasks import after_arrivals

    after_arrivals()
