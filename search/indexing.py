"""Rebuilding the index from the database, and comparing the two (manage.py search_reindex / search_status)."""

from dataclasses import dataclass, field

from django.utils import timezone

from . import registry
from .backends import embedded_backend, write_backends
from .outbox import drain, pending, replay_since


def reindex(types=None, progress_factory=None):
    """Rebuilds each type in every write backend from its public queryset; returns {type: count}.

    Elasticsearch builds a new index and swaps the alias; the embedded backend replaces the type's rows
    in one transaction. Text is analysed only where the embedded backend keeps no current analysis of it
    (search.analysis): Elasticsearch, rebuilt after it, reuses what it keeps. Updates the outbox applied
    meanwhile are re-applied to the new index.
    """
    counts = {}
    for search_type in _selected(types):
        started = timezone.now()
        for backend in write_backends():
            progress = (
                progress_factory(search_type, backend, search_type.public_queryset().count())
                if progress_factory
                else None
            )
            documents = search_type.public_documents()
            if backend.name == "embedded":
                counts[search_type.name] = backend.rebuild(search_type.name, documents, progress)
            else:
                kept = embedded_backend().kept_tokens
                counts[search_type.name] = backend.rebuild(search_type.name, documents, progress, kept=kept)
            replay_since(started, search_type.name, backend)
    return counts


def catch_up():
    """Applies every index update already committed and makes every backend show it to the next search.

    Searches normally see a change a moment after its commit (the outbox is applied after the commit,
    Elasticsearch refreshes about once a second); whoever must read the change at once (a browser journey
    checking that an approval lists the institution) calls this first. Returns the updates still failing."""
    _applied, failed = drain()
    for backend in write_backends():
        backend.refresh()
    return failed


@dataclass
class TypeStatus:
    name: str
    label: str
    database: int
    indexed: dict = field(default_factory=dict)
    missing: dict = field(default_factory=dict)
    stale: dict = field(default_factory=dict)

    @property
    def drift(self):
        return any(self.missing.values()) or any(self.stale.values())


def status(types=None):
    """Per type: public objects in the database, documents in each backend, and which differ."""
    report = []
    for search_type in _selected(types):
        public = {str(pk) for pk in search_type.public_queryset().values_list("pk", flat=True)}
        entry = TypeStatus(search_type.name, registry.type_label(search_type.name), len(public))
        for backend in write_backends():
            indexed = backend.object_ids(search_type.name)
            entry.indexed[backend.name] = len(indexed)
            entry.missing[backend.name] = sorted(public - indexed)
            entry.stale[backend.name] = sorted(indexed - public)
        report.append(entry)
    return report


def outbox_summary():
    waiting = pending()
    return {"pending": waiting.count(), "failing": waiting.filter(attempts__gt=0).count()}


def _selected(types):
    selected = registry.all_types()
    if types:
        unknown = set(types) - {t.name for t in selected}
        if unknown:
            raise ValueError(", ".join(sorted(unknown)))
        selected = [t for t in selected if t.name in types]
    return selected
