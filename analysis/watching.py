"""Evaluating watches: after each register import (`register.signals.import_finished`), every active watch
is evaluated against the indicators (`analysis.indicators`); what trips and was not yet reported this
period becomes an `Alert`, and the new alerts of one evaluation are drafted into one report."""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import indicators, reports
from .models import Alert, Watch

logger = logging.getLogger(__name__)


def evaluate(watch, on=None):
    """The new alerts of `watch` on day `on` (today), recorded once per indicator, subject and period, and
    drafted into a report when there are any."""
    on = on or timezone.localdate()
    seen = indicators.snapshot(watch, on)
    period = on.strftime("%Y-%m")
    new = []
    with transaction.atomic():
        for trip in indicators.trips(watch, seen):
            try:
                with transaction.atomic():
                    alert, created = Alert.objects.get_or_create(
                        watch=watch,
                        indicator=trip.indicator,
                        subject=trip.subject[:200],
                        period=period,
                        defaults={"figures": trip.figures, "message": trip.message[:300]},
                    )
            except IntegrityError:
                # Another evaluation recorded it at the same moment: it reports it.
                continue
            if created:
                new.append(alert)
        Watch.objects.filter(pk=watch.pk).update(evaluated_at=timezone.now())
        if new:
            reports.draft(watch, new, seen)
    return new


def evaluate_all(on=None):
    """Every active watch; one failing watch does not stop the others. Returns the number of new alerts."""
    count = 0
    for watch in Watch.objects.filter(active=True).select_related("created_by", "organisation", "client"):
        try:
            count += len(evaluate(watch, on))
        except Exception:
            logger.exception("Evaluating watch %s failed", watch.pk)
    return count


def define(user, data):
    """A watch defined by `user`: the platform's (staff) or, for an institution's member, the institution's."""
    organisation = user.organisation if user.organisation is not None and user.organisation.is_institution else None
    return Watch.objects.create(
        name=data["name"],
        ipc_classes=data["ipc_classes"],
        keywords=data["keywords"].strip(),
        competitors=data["competitors"],
        filings_threshold=data["filings_threshold"],
        growth_percent=data["growth_percent"],
        share_drop_points=data["share_drop_points"],
        lapse_threshold=data["lapse_threshold"],
        created_by=user,
        organisation=organisation,
        client=data.get("client_credit_code") if organisation is not None else None,
    )
