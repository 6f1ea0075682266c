"""The indexing outbox: changes to searchable objects are recorded in the same transaction as the change
and applied to the index after it commits, so an update is never lost and never raised into a save.

`enqueue` only writes a row (signal receivers call it); `process_pending` applies rows to every write
backend, re-reading each object through its type's public queryset (so unpublishing, suspending or
expiring removes it). A row that fails (Elasticsearch down) stays pending with a back-off and is applied
by the next run: the task's retries or the periodic drain.
"""

import logging
from collections import defaultdict
from datetime import timedelta

from django.db import connection, transaction
from django.dispatch import Signal
from django.utils import timezone

from core.pagecache import invalidate as invalidate_pages

from . import registry
from .backends import embedded_backend, write_backends
from .models import OutboxEntry, SearchEntry

logger = logging.getLogger(__name__)

# Sent after an index update with the ids of the type's documents that have just become public (first
# published, approved, imported, or public again): what saved searches (subscriptions) are matched against.
documents_published = Signal()

BATCH = 500
MAX_BACKOFF = timedelta(minutes=10)
KEEP_PROCESSED = timedelta(days=1)


def enqueue(doc_type, object_ids, action=OutboxEntry.INDEX):
    """Records index updates in the current transaction and asks for processing after it commits."""
    rows = [OutboxEntry(doc_type=doc_type, object_id=str(pk), action=action) for pk in object_ids]
    if not rows:
        return
    OutboxEntry.objects.bulk_create(rows)
    transaction.on_commit(schedule_processing)


def schedule_processing():
    from .tasks import process_search_outbox

    try:
        process_search_outbox.delay()
    except Exception:
        # The broker may be down; the periodic drain applies the rows later.
        logger.exception("Could not schedule search indexing; the periodic drain will apply it")


def pending():
    return OutboxEntry.objects.filter(processed_at__isnull=True)


def process_pending(limit=BATCH, backends=None):
    """Applies due rows; returns (applied, failed) row counts. Never raises for an index failure.

    Several workers may run this at once: each claims its rows (locked, skipping those another worker holds,
    on PostgreSQL) until it has marked them processed or postponed, so a row is applied by one of them."""
    with transaction.atomic():
        applied, failed = _process_claimed(limit, backends)
    if applied:
        # Listing pages read the index, which changes only now, after the commit that changed the records.
        invalidate_pages()
    return applied, failed


def _process_claimed(limit, backends):
    now = timezone.now()
    rows = list(pending().filter(available_at__lte=now).order_by("id").select_for_update(skip_locked=True)[:limit])
    if not rows:
        return 0, 0
    _lock_documents({f"{row.doc_type}:{row.object_id}" for row in rows})
    by_type = defaultdict(list)
    for row in rows:
        by_type[row.doc_type].append(row)
    applied = failed = 0
    for doc_type, type_rows in by_type.items():
        try:
            apply(doc_type, {row.object_id for row in type_rows}, backends=backends)
        except Exception as error:
            failed += len(type_rows)
            logger.warning("Search index update for %s failed, will retry: %s", doc_type, error)
            _postpone(type_rows, error)
        else:
            applied += len(type_rows)
            OutboxEntry.objects.filter(pk__in=[row.pk for row in type_rows]).update(processed_at=timezone.now())
    return applied, failed


def _lock_documents(keys):
    """Waits for any other worker applying rows of the same documents (rows other than ours: a document
    changed twice has two), until this transaction ends: replacing a document's entry is a delete and an
    insert, which two workers at once would make collide. All in one sorted statement, so never a deadlock."""
    if connection.vendor != "postgresql":
        return  # SQLite runs one writer at a time anyway
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(hashtext('search:' || key)) FROM unnest(%s::text[]) AS key ORDER BY key",
            [sorted(keys)],
        )


def _postpone(rows, error):
    for row in rows:
        row.attempts += 1
        delay = min(timedelta(seconds=5 * 2 ** min(row.attempts, 10)), MAX_BACKOFF)
        row.available_at = timezone.now() + delay
        row.last_error = f"{type(error).__name__}: {error}"[:1000]
    OutboxEntry.objects.bulk_update(rows, ["attempts", "available_at", "last_error"])


def apply(doc_type, object_ids, backends=None):
    """Brings the index in line with the database for these objects: public ones are (re)indexed, the
    rest removed. Idempotent. Raises if a backend fails."""
    search_type = registry.get(doc_type)
    object_ids = {str(pk) for pk in object_ids}
    backends = backends if backends is not None else write_backends()
    if search_type is None:
        logger.warning("Dropping index updates for unregistered search type %r", doc_type)
        docs = []
    else:
        docs = list(search_type.public_documents(object_ids))
    gone = object_ids - {doc.id for doc in docs}
    newly_public = _not_yet_indexed(doc_type, [doc.id for doc in docs])
    # Analysed once for every backend (search.analysis).
    tokens = {doc.uid: doc.tokens() for doc in docs}
    for backend in backends:
        backend.index(docs, tokens=tokens)
        backend.delete(doc_type, gone)
    from .service import forget_vocabulary

    forget_vocabulary()
    if newly_public:
        # A receiver's failure must not undo the index update (the items would then never count as new).
        for receiver, outcome in documents_published.send_robust(
            sender=apply, doc_type=doc_type, object_ids=sorted(newly_public)
        ):
            if isinstance(outcome, Exception):
                logger.error("%s failed on newly public %s documents: %s", receiver, doc_type, outcome)


def _not_yet_indexed(doc_type, object_ids):
    """The ids the embedded backend (always kept up to date) does not hold yet: items becoming public."""
    held = set()
    for start in range(0, len(object_ids), BATCH):
        chunk = object_ids[start : start + BATCH]
        held.update(
            SearchEntry.objects.filter(doc_type=doc_type, object_id__in=chunk).values_list("object_id", flat=True)
        )
    return set(object_ids) - held


def drain(limit=BATCH, max_batches=100):
    """Applies everything due, batch after batch; used by the periodic task and after Elasticsearch returns."""
    total_applied = total_failed = 0
    for _ in range(max_batches):
        applied, failed = process_pending(limit)
        total_applied += applied
        total_failed += failed
        if applied == 0:
            break
    OutboxEntry.objects.filter(processed_at__lt=timezone.now() - KEEP_PROCESSED).delete()
    return total_applied, total_failed


def replay_since(moment, doc_type, backend):
    """Re-applies, to one backend, what the outbox processed for a type since `moment` (used after a
    reindex swapped in an index built from an older reading of the database)."""
    ids = set(OutboxEntry.objects.filter(doc_type=doc_type, created_at__gte=moment).values_list("object_id", flat=True))
    if ids:
        apply(doc_type, ids, backends=[backend])
    return len(ids)


def reconcile(doc_type):
    """Queues removal of indexed objects that are no longer public (a posting that expired without being
    saved) and indexing of public ones missing from the index; returns {"stale": n, "missing": n}."""
    search_type = registry.get(doc_type)
    indexed = embedded_backend().object_ids(doc_type)
    public = {str(pk) for pk in search_type.public_queryset().values_list("pk", flat=True)}
    stale, missing = indexed - public, public - indexed
    with transaction.atomic():
        enqueue(doc_type, sorted(stale | missing))
    return {"stale": len(stale), "missing": len(missing)}
