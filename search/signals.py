"""Signal receivers that only record outbox rows for registered models (see search.outbox)."""

import logging

from django.db.models.signals import post_delete, post_save

from . import registry
from .models import OutboxEntry
from .outbox import enqueue

logger = logging.getLogger(__name__)


def _queue(instance, action):
    if isinstance(instance, OutboxEntry):
        return
    # A page saved through its base class still belongs to its specific type.
    model = getattr(instance, "specific_class", None) or type(instance)
    for search_type in registry.types_for_model(model):
        enqueue(search_type.name, [instance.pk], action)
    for dependant, affected in registry.dependants(model):
        enqueue(dependant.name, list(affected(instance)))


def on_save(sender, instance, raw=False, **kwargs):
    if not raw:
        _queue(instance, OutboxEntry.INDEX)


def on_delete(sender, instance, **kwargs):
    _queue(instance, OutboxEntry.DELETE)


def on_page_change(sender, instance, **kwargs):
    # Publishing and unpublishing: the row re-reads the page, so unpublished pages leave the index.
    _queue(instance, OutboxEntry.INDEX)


def connect():
    post_save.connect(on_save, dispatch_uid="search_outbox_save")
    post_delete.connect(on_delete, dispatch_uid="search_outbox_delete")
    try:
        from wagtail.signals import page_published, page_unpublished
    except ImportError:  # pragma: no cover - Wagtail is installed
        return
    page_published.connect(on_page_change, dispatch_uid="search_outbox_published")
    page_unpublished.connect(on_page_change, dispatch_uid="search_outbox_unpublished")
