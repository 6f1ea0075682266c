"""Patent analysis (专利分析) and early warning (专利预警).

A `Watch` is a technology field (IPC classes plus Chinese keywords, as the register search reads them)
and/or competitor applicants, defined by staff holding `analysis.manage_watches` or by a service
institution offering analysis, for a client organisation. After each register import every active watch is
evaluated against the indicators of `analysis.indicators`; each indicator that trips is an `Alert`, once
per watch, indicator, subject (a competitor, a foreign applicant) and period. The alerts of one evaluation
are written up in one `WatchReport`: a draft `cms.EarlyWarningReportPage` that staff edit and publish in
Wagtail; the watchers get a `WatchNotice` (on the site) and an e-mail when it is drafted and when it is
published. A `PortfolioComparison` is an enterprise's own portfolio set against named competitors.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Watch(models.Model):
    name = models.CharField(_("名称"), max_length=100)
    ipc_classes = models.JSONField(_("IPC分类"), default=list, blank=True)
    keywords = models.CharField(_("关键词"), max_length=200, blank=True)
    competitors = models.JSONField(_("竞争对手（申请人）"), default=list, blank=True)
    filings_threshold = models.PositiveIntegerField(_("竞争对手年申请量阈值"), default=10)
    growth_percent = models.PositiveIntegerField(_("竞争对手申请量增幅阈值（%）"), default=50)
    share_drop_points = models.PositiveIntegerField(_("本市占比下降阈值（百分点）"), default=5)
    lapse_threshold = models.PositiveIntegerField(_("本市企业专利失效件数阈值"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("创建人"), on_delete=models.PROTECT, related_name="+"
    )
    # The institution that defined the watch for its client; empty for the platform's own staff.
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("服务机构"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="analysis_watches",
    )
    client = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("委托单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="analysis_client_watches",
    )
    active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    evaluated_at = models.DateTimeField(_("最近评估"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("预警监测")
        verbose_name_plural = _("预警监测")
        permissions = [("manage_watches", _("定义专利预警监测并查看预警"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("analysis:watch", args=[self.pk])

    @property
    def field_label(self):
        parts = [*self.ipc_classes, self.keywords]
        return " ".join(part for part in parts if part) or str(_("全部专利"))


class WatchReport(models.Model):
    """The early-warning report drafted for the alerts of one evaluation of a watch."""

    watch = models.ForeignKey(Watch, verbose_name=_("预警监测"), on_delete=models.CASCADE, related_name="reports")
    page = models.OneToOneField(
        "cms.EarlyWarningReportPage",
        verbose_name=_("预警分析报告"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="watch_report",
    )
    period = models.CharField(_("期间"), max_length=7)
    created_at = models.DateTimeField(_("起草时间"), auto_now_add=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("预警报告")
        verbose_name_plural = _("预警报告")

    def __str__(self):
        return self.page.title if self.page_id else f"{self.watch} {self.period}"

    @property
    def is_published(self):
        return self.published_at is not None


class Alert(models.Model):
    watch = models.ForeignKey(Watch, verbose_name=_("预警监测"), on_delete=models.CASCADE, related_name="alerts")
    indicator = models.CharField(_("预警指标"), max_length=40)
    # The competitor or foreign applicant the alert is about; "" for the field as a whole.
    subject = models.CharField(_("对象"), max_length=200, blank=True)
    # The month of the evaluation ("2026-12"): an indicator trips once per watch, subject and month.
    period = models.CharField(_("期间"), max_length=7)
    figures = models.JSONField(_("数据"), default=dict)
    message = models.CharField(_("说明"), max_length=300)
    report = models.ForeignKey(
        WatchReport, verbose_name=_("预警报告"), null=True, on_delete=models.SET_NULL, related_name="alerts"
    )
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("预警")
        verbose_name_plural = _("预警")
        constraints = [
            models.UniqueConstraint(fields=["watch", "indicator", "subject", "period"], name="analysis_alert_once")
        ]

    def __str__(self):
        return self.message


class WatchNotice(models.Model):
    """What a watcher is told on the site (and by e-mail): a report drafted, a report published."""

    class Kind(models.TextChoices):
        DRAFTED = "drafted", _("预警报告已起草")
        PUBLISHED = "published", _("预警报告已发布")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watch_notices")
    report = models.ForeignKey(WatchReport, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("预警消息")
        verbose_name_plural = _("预警消息")
        constraints = [models.UniqueConstraint(fields=["user", "report", "kind"], name="analysis_notice_once")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.report}"

    @property
    def target_url(self):
        """Where the notice leads: the published report's page, else the watch the report was drafted for."""
        if self.kind == self.Kind.PUBLISHED and self.report.page_id:
            return self.report.page.url
        return self.report.watch.get_absolute_url()


class PortfolioComparison(models.Model):
    """An enterprise's own patents set against a competitor set, private to the enterprise's members."""

    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("企业"), on_delete=models.CASCADE, related_name="portfolio_comparisons"
    )
    name = models.CharField(_("名称"), max_length=100)
    competitors = models.JSONField(_("竞争对手（申请人）"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("创建人"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("专利组合对比")
        verbose_name_plural = _("专利组合对比")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("analysis:comparison", args=[self.pk])
