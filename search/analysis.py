"""Analysed text of documents, made once: segmenting Chinese (search.text) is what indexing spends its
time on, so it is done once per change of a document and kept.

The embedded backend keeps each document's analysed text beside it (`SearchEntry.*_tokens`) with the
fingerprint of what was analysed (`SearchDoc.analysis_fingerprint`: the text and the analyser). When an
object changes, the outbox analyses its document once for every backend; a rebuild reuses the kept text
of every document whose fingerprint is unchanged and analyses only the others, in worker processes when
there are many (`SEARCH_ANALYSIS_WORKERS`), a batch ahead of the writes.
"""

import itertools
from contextlib import ExitStack

from django.conf import settings

# A batch with fewer documents to analyse than this is analysed in this process: starting worker
# processes would cost more than it saves.
PARALLEL_MINIMUM = 200


def batches(items, size):
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _tokens(doc):
    return doc.tokens()


def analysed(docs, batch_size=1000, workers=None, kept=None):
    """(doc, tokens) for each of `docs`, in order. `kept(batch)` answers {uid: tokens} of the batch's
    documents whose analysed text is kept and still current; the rest are analysed. The documents are
    read, and `kept` asked, in this process (its database connection and transaction); only the text
    work moves to worker processes."""
    workers = workers or settings.SEARCH_ANALYSIS_WORKERS
    source = batches(docs, batch_size)
    head = list(itertools.islice(source, 2))
    parallel = workers > 1 and len(head) > 1
    with ExitStack() as stack:
        pool = None
        waiting = None
        for batch in itertools.chain(head, source):
            found = kept(batch) if kept else {}
            missing = list({doc.uid: doc for doc in batch if doc.uid not in found}.values())
            if parallel and len(missing) >= PARALLEL_MINIMUM:
                if pool is None:
                    import multiprocessing

                    # fork: workers inherit the loaded dictionary; they touch no database connection.
                    pool = stack.enter_context(multiprocessing.get_context("fork").Pool(workers))
                result = pool.map_async(_tokens, missing, chunksize=max(1, len(missing) // (workers * 4)))
            else:
                result = None
            if waiting:
                yield from _pairs(*waiting)
            waiting = (batch, found, missing, result)
        if waiting:
            yield from _pairs(*waiting)


def _pairs(batch, found, missing, result):
    values = result.get() if result is not None else [doc.tokens() for doc in missing]
    found.update(zip((doc.uid for doc in missing), values, strict=True))
    for doc in batch:
        yield doc, found[doc.uid]
