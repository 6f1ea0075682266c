"""Early-warning reports drafted from a watch's alerts, and telling the watchers.

`draft` writes the alerts of one evaluation up as a draft `cms.EarlyWarningReportPage` under the patent
information section, its figures embedded as the body's table blocks (data staff can edit, not pictures);
staff edit and publish it in Wagtail like any report. `published` is called when Wagtail publishes a page:
the first publication of a drafted report is told to the watchers, once. Each watcher gets one
`WatchNotice` per report and kind (a database constraint), and an e-mail with it.
"""

import logging

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue

from core.mail import send_templated_mail

from . import figures, indicators
from .models import WatchNotice, WatchReport

logger = logging.getLogger(__name__)

REGION = "连云港市"


def watchers(watch):
    """Who is told about a watch's reports: its author, the members of the institution that defined it and
    of the client it was defined for."""
    people = {watch.created_by} if watch.created_by.is_active else set()
    for organisation in (watch.organisation, watch.client):
        if organisation is not None:
            people.update(m.user for m in organisation.memberships.select_related("user") if m.user.is_active)
    return sorted(people, key=lambda user: user.pk)


def _column_type(rows, index):
    numeric = all(isinstance(row[index], int | float) and not isinstance(row[index], bool) for row in rows)
    return "number" if rows and numeric else "text"


def table_block(table, limit=None):
    rows = table.rows[:limit] if limit else table.rows
    types = [_column_type(rows, i) for i in range(len(table.columns))]
    return {
        "type": "table",
        "value": {
            "caption": str(table.title),
            "table": {
                "columns": [
                    {"type": kind, "heading": str(label)} for kind, label in zip(types, table.columns, strict=True)
                ],
                "rows": [{"values": [str(value) for value in row]} for row in rows],
            },
        },
    }


def _heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def competitor_table(watch, seen):
    rows = [
        [name, seen.previous_competitors.get(name, 0), seen.recent_competitors.get(name, 0)]
        for name in watch.competitors
    ]
    start, end = seen.recent_window
    previous_start, previous_end = seen.previous_window
    return figures.Table(
        "competitors",
        _("竞争对手在该领域的申请量"),
        [
            _("竞争对手"),
            _("%(start)s至%(end)s") % {"start": previous_start, "end": previous_end},
            _("%(start)s至%(end)s") % {"start": start, "end": end},
        ],
        rows,
    )


def alerts_table(alerts):
    rows = [[str(indicators.BY_CODE[alert.indicator].label), alert.subject or "—", alert.message] for alert in alerts]
    return figures.Table("alerts", _("触发的预警指标"), [_("预警指标"), _("对象"), _("说明")], rows)


def body(watch, alerts, seen):
    analysis = figures.analyse(indicators.field_query(watch, per_page=10))
    blocks = [_heading(_("预警指标")), table_block(alerts_table(alerts))]
    if watch.competitors:
        blocks.append(table_block(competitor_table(watch, seen)))
    blocks.append(_heading(_("领域专利分析")))
    for key, limit in (("filings", None), ("ipc", 15), ("applicants", 15), ("districts", None), ("statuses", None)):
        table = analysis.table(key)
        if table.rows:
            blocks.append(table_block(table, limit))
    return blocks


def _page_parent():
    from cms.models import PatentInfoIndexPage

    return PatentInfoIndexPage.objects.first()


def draft(watch, alerts, seen):
    """A `WatchReport` with its draft page for the new `alerts` of one evaluation; the watchers are told."""
    from cms.models import EarlyWarningReportPage

    report = WatchReport.objects.create(watch=watch, period=alerts[0].period)
    for alert in alerts:
        alert.report = report
        alert.save(update_fields=["report"])
    parent = _page_parent()
    if parent is None:
        logger.warning("No patent information section: the report of watch %s has no page", watch.pk)
    else:
        start, end = seen.recent_window
        page = EarlyWarningReportPage(
            title=_("%(name)s专利预警（%(period)s）") % {"name": watch.name, "period": report.period},
            slug=f"early-warning-{report.pk}",
            live=False,
            date=seen.on,
            author=_("知识产权公共服务平台（自动起草）"),
            industry=watch.name[:60],
            region=REGION,
            period=_("%(start)s至%(end)s") % {"start": start, "end": end},
            summary="；".join(alert.message for alert in alerts)[:400],
            findings="<ul>" + "".join(f"<li>{escape(alert.message)}</li>" for alert in alerts) + "</ul>",
        )
        page.body = StreamValue(EarlyWarningReportPage.body.field.stream_block, body(watch, alerts, seen), is_lazy=True)
        parent.add_child(instance=page)
        page.save_revision()
        report.page = page
        report.save(update_fields=["page"])
    notify(report, WatchNotice.Kind.DRAFTED)
    return report


def published(page):
    """Wagtail published `page`: if it is a drafted report published for the first time, tell the watchers."""
    report = WatchReport.objects.filter(page_id=page.pk).select_related("watch").first()
    if report is None:
        return False
    if not WatchReport.objects.filter(pk=report.pk, published_at__isnull=True).update(published_at=timezone.now()):
        return False
    notify(report, WatchNotice.Kind.PUBLISHED)
    return True


def notice_link(report, kind):
    if kind == WatchNotice.Kind.PUBLISHED and report.page_id:
        return report.page.url or ""
    return reverse("analysis:watch", args=[report.watch_id])


def notify(report, kind):
    """One notice (and e-mail) per watcher, report and kind, however often this is called."""
    told = []
    for user in watchers(report.watch):
        try:
            with transaction.atomic():
                WatchNotice.objects.create(user=user, report=report, kind=kind)
        except IntegrityError:
            continue
        told.append(user)
    emails = [user.email for user in told if user.email]
    if emails:
        send_templated_mail(
            "analysis/email/notice",
            emails,
            {
                "title": str(WatchNotice.Kind(kind).label),
                "watch": report.watch.name,
                "report": str(report),
                "alerts": [alert.message for alert in report.alerts.all()],
                "path": notice_link(report, kind),
            },
        )
    return told
