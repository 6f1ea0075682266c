"""Digests: each person's new matches of one frequency, gathered once, checked again and sent once.

`build_digests` turns matches not yet sent to their owner into a `Digest` per person; its items are unique
per person and item, so an item two searches found is sent once, and an item already sent (or in a digest
waiting to go) is never gathered again. `send_digest` claims a pending digest before sending it, re-reads
every item through its type's public queryset (what was withdrawn or unpublished meanwhile is left out,
and only the public document's title and address are written), and marks it sent: a failed send puts it
back to be retried, a digest already sent or being sent is never sent again.
"""

import logging
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core.site import absolute_url, site_domain
from search import registry

from .models import Digest, DigestItem, Match, SavedSearch, Subscriber

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"
# Matches older than this are not gathered any more (the longest digest period, and some slack).
GATHER_WINDOW = timedelta(days=35)


def build_digests(frequency):
    """Creates a pending digest per person with matches of `frequency` not sent to them yet; returns their ids."""
    sent_before = DigestItem.objects.filter(
        owner=OuterRef("saved_search__owner"), doc_type=OuterRef("doc_type"), object_id=OuterRef("object_id")
    )
    rows = (
        Match.objects.filter(
            saved_search__frequency=frequency,
            saved_search__paused=False,
            matched_at__gte=timezone.now() - GATHER_WINDOW,
        )
        .filter(~Exists(sent_before))
        .order_by("matched_at", "pk")
        .values_list("saved_search__owner_id", "doc_type", "object_id")
    )
    wanted = defaultdict(dict)
    for owner_id, doc_type, object_id in rows.iterator(chunk_size=2000):
        wanted[owner_id][(doc_type, object_id)] = None
    created = []
    for owner_id, items in wanted.items():
        with transaction.atomic():
            digest = Digest.objects.create(owner_id=owner_id, frequency=frequency)
            # A digest built at the same moment by another run may have taken some: they are skipped here.
            DigestItem.objects.bulk_create(
                [
                    DigestItem(digest=digest, owner_id=owner_id, doc_type=doc_type, object_id=object_id)
                    for doc_type, object_id in items
                ],
                ignore_conflicts=True,
            )
            if not digest.items.exists():
                digest.delete()
                continue
        created.append(digest.pk)
    return created


def pending_digests():
    return Digest.objects.filter(status=Digest.Status.PENDING).order_by("pk")


def public_documents(items):
    """{(type, id): SearchDoc} of the items that are public right now, read as the index would write them."""
    by_type = defaultdict(list)
    for item in items:
        by_type[item.doc_type].append(item.object_id)
    found = {}
    for doc_type, ids in by_type.items():
        search_type = registry.get(doc_type)
        if search_type is None:
            continue
        for doc in search_type.public_documents(ids):
            found[(doc.type, doc.id)] = doc
    return found


def send_digest(digest_id):
    """Sends one pending digest; True if an e-mail went out. Raises what the mail server raised, after
    putting the digest back to pending, so the task's retry sends it (once)."""
    claimed = Digest.objects.filter(pk=digest_id, status=Digest.Status.PENDING).update(
        status=Digest.Status.SENDING, attempts=F("attempts") + 1
    )
    if not claimed:
        return False
    digest = Digest.objects.select_related("owner").get(pk=digest_id)
    items = list(digest.items.order_by("pk"))
    docs = public_documents(items)
    shown = [docs[(item.doc_type, item.object_id)] for item in items if (item.doc_type, item.object_id) in docs]
    DigestItem.objects.filter(digest=digest).update(withheld=True)
    DigestItem.objects.filter(pk__in=[i.pk for i in items if (i.doc_type, i.object_id) in docs]).update(withheld=False)
    if not shown:
        Digest.objects.filter(pk=digest_id).update(status=Digest.Status.EMPTY)
        return False
    message = compose(digest, shown)
    try:
        message.send()
    except Exception as error:
        Digest.objects.filter(pk=digest_id).update(
            status=Digest.Status.PENDING, last_error=f"{type(error).__name__}: {error}"[:1000]
        )
        raise
    Digest.objects.filter(pk=digest_id).update(status=Digest.Status.SENT, sent_at=timezone.now(), last_error="")
    return True


def grouped_by_type(docs):
    """[(type label, [docs])] in the order cross-search lists the types."""
    groups = defaultdict(list)
    for doc in docs:
        groups[doc.type].append(doc)
    order = [search_type.name for search_type in registry.all_types()]
    return [
        (registry.type_label(name), groups[name])
        for name in sorted(groups, key=lambda n: order.index(n) if n in order else len(order))
    ]


def unsubscribe_token(owner_id, frequency):
    return signing.dumps({"u": owner_id, "f": frequency}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """(owner id, frequency) of a token this site signed, or None."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("f") not in SavedSearch.Frequency.values:
        return None
    return data.get("u"), data["f"]


def unsubscribe(owner_id, frequency):
    """Pauses the person's searches heard of at `frequency`; returns how many were active."""
    return SavedSearch.objects.filter(owner_id=owner_id, frequency=frequency, paused=False).update(paused=True)


def compose(digest, docs):
    subscriber, _created = Subscriber.objects.get_or_create(user=digest.owner)
    unsubscribe_url = absolute_url(
        reverse("subscriptions:unsubscribe", args=[unsubscribe_token(digest.owner_id, digest.frequency)])
    )
    with translation.override(subscriber.language):
        context = {
            "user": digest.owner,
            "frequency": SavedSearch.Frequency(digest.frequency).label,
            "groups": [(str(label), [_linked(doc) for doc in group]) for label, group in grouped_by_type(docs)],
            "count": len(docs),
            "unsubscribe_url": unsubscribe_url,
            "manage_url": absolute_url(reverse("subscriptions:index")),
        }
        subject = render_to_string("subscriptions/email/digest_subject.txt", context).strip()
        text = render_to_string("subscriptions/email/digest_message.txt", context)
        html = render_to_string("subscriptions/email/digest_message.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [digest.owner.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # The same digest always carries the same id, so a mail system can tell a repeat.
            "Message-ID": f"<digest-{digest.pk}@{site_domain().split(':')[0]}>",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def _linked(doc):
    return {"title": doc.title, "url": absolute_url(doc.url), "date": doc.date}
