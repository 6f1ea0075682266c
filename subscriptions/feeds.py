"""A person's private Atom feed: what their saved searches found, newest first, read through a secret,
revocable token (feed readers cannot log in). Items are re-read as public documents when the feed is read."""

from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.feeds import SiteFeed

from .delivery import public_documents
from .models import Match, Subscriber

FEED_LENGTH = 50


class PersonalFeed(SiteFeed):
    feed_type = Atom1Feed
    title = _("我订阅的新内容")
    subtitle = _("您保存的检索找到的新内容")

    def get_object(self, request, token):
        subscriber = Subscriber.objects.filter(feed_token=token).select_related("user").first()
        if subscriber is None or not subscriber.user.is_active:
            raise Http404
        return subscriber

    def link(self, subscriber):
        from django.urls import reverse

        return reverse("subscriptions:index")

    def items(self, subscriber):
        latest = {}
        for match in Match.objects.filter(saved_search__owner=subscriber.user, saved_search__paused=False).order_by(
            "-matched_at", "-pk"
        )[: FEED_LENGTH * 4]:
            latest.setdefault((match.doc_type, match.object_id), match)
        matches = list(latest.values())[:FEED_LENGTH]
        docs = public_documents(matches)
        items = []
        for match in matches:
            doc = docs.get((match.doc_type, match.object_id))
            if doc is not None:
                doc.matched_at = match.matched_at
                items.append(doc)
        return items

    def item_title(self, doc):
        return doc.title

    def item_description(self, doc):
        return doc.body[:300]

    def item_link(self, doc):
        return doc.url

    def item_guid(self, doc):
        return doc.uid

    item_guid_is_permalink = False

    def item_pubdate(self, doc):
        return doc.matched_at

    def item_categories(self, doc):
        from search import registry

        return [registry.type_label(doc.type)]
