"""Keeping an institution's stored scorecard in step with its reviews, inquiries and orders.

Called by the domain functions that change what the figures are made of, so list pages read plain
columns instead of aggregating reviews and messages for every institution shown. The rating is also the
directory's search rank (see services.documents); `update()` sends no signal, so refreshing it queues
the institution for re-indexing and drops the stored public pages (core.pagecache) itself.
"""

from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from django.db.models import Avg, Count

from core.pagecache import invalidate as invalidate_pages
from search.outbox import enqueue

from .models import Institution, Order, OrderStatus


def refresh_rating(institution):
    figures = institution.reviews.visible().aggregate(average=Avg("rating"), count=Count("pk"))
    average = figures["average"]
    Institution.objects.filter(pk=institution.pk).update(
        rating_average=Decimal(str(average)).quantize(Decimal("0.01"), ROUND_HALF_UP) if average else None,
        rating_count=figures["count"],
    )
    enqueue("institution", [institution.pk])
    invalidate_pages()


def refresh_reply_time(institution):
    seconds = [
        (first_reply_at - created_at).total_seconds()
        for created_at, first_reply_at in institution.inquiries.filter(first_reply_at__isnull=False).values_list(
            "created_at", "first_reply_at"
        )
    ]
    Institution.objects.filter(pk=institution.pk).update(median_reply_seconds=int(median(seconds)) if seconds else None)
    invalidate_pages()


def refresh_completed_orders(institution):
    count = Order.objects.filter(institution=institution, status=OrderStatus.COMPLETED).count()
    Institution.objects.filter(pk=institution.pk).update(completed_orders=count)
    invalidate_pages()


def refresh_all(institution):
    refresh_rating(institution)
    refresh_reply_time(institution)
    refresh_completed_orders(institution)
