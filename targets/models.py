"""The plan's indicators, the figures staff enter for them, and the records counted live.

An `Indicator` is one numeric target of the 2014 pilot-city plan (or an informational figure without a
target). Its current value comes either from a live counting rule over other apps' data (`targets.live`,
named by `live_rule`) or from `IndicatorEntry` rows staff enter by hand or import (`ImportBatch`).
Correcting an entry keeps the earlier value in `EntryRevision`. `DemonstrationCertification` records an
enterprise certified as an IP-management standardisation demonstration enterprise; it is what the
"demonstration enterprises" indicator counts.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import Organisation
from core.attachments import FileFields, private_file_fields
from reference.models import District, ResponsibleUnit

PLAN_START = date(2014, 1, 1)
PLAN_DEADLINE = date(2016, 12, 31)
PERCENT_UNIT = "%"


class Category(models.TextChoices):
    # The plan's chapters: 三(一)–(五) and 四.
    CREATION = "creation", _("知识产权创造")
    UTILISATION = "utilisation", _("知识产权运用")
    PROTECTION = "protection", _("知识产权保护")
    MANAGEMENT = "management", _("知识产权管理")
    SERVICES = "services", _("知识产权服务")
    SAFEGUARDS = "safeguards", _("保障措施")


class Comparison(models.TextChoices):
    AT_LEAST = "at_least", _("不低于")
    AT_MOST = "at_most", _("不高于")


class Source(models.TextChoices):
    LIVE = "live", _("平台数据实时统计")
    MANUAL = "manual", _("工作人员填报")


class IndicatorQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_unit(self, unit):
        return self.filter(responsible_units=unit) if unit else self


# The units the plan's indicators are counted in (Chinese measure words have no English counterpart).
UNIT_LABELS = {
    "件": pgettext_lazy("unit", "件"),
    "家": pgettext_lazy("unit", "家"),
    "名": pgettext_lazy("unit", "名"),
    "次": pgettext_lazy("unit", "次"),
    "笔": pgettext_lazy("unit", "笔"),
    "万元": pgettext_lazy("unit", "万元"),
    "元": pgettext_lazy("unit", "元"),
    "项": pgettext_lazy("unit", "项"),
}


class Indicator(models.Model):
    code = models.SlugField(_("代码"), max_length=60, unique=True)
    name = models.CharField(_("名称"), max_length=120)
    unit = models.CharField(_("单位"), max_length=20, help_text=_("如 件、家、名、%、次"))
    category = models.CharField(_("篇章"), max_length=12, choices=Category.choices)
    source = models.CharField(_("数据来源"), max_length=8, choices=Source.choices, default=Source.MANUAL)
    live_rule = models.CharField(
        _("实时统计规则"), max_length=60, blank=True, help_text=_("数据来源为平台统计时，所用统计规则的代码")
    )
    baseline = models.DecimalField(
        _("基数"), max_digits=14, decimal_places=4, null=True, blank=True, help_text=_("留空时以最早一条填报值为基数")
    )
    baseline_date = models.DateField(_("基数日期"), default=PLAN_START)
    target_value = models.DecimalField(
        _("目标值"), max_digits=14, decimal_places=4, null=True, blank=True, help_text=_("留空表示仅作统计、无目标")
    )
    comparison = models.CharField(_("比较方式"), max_length=8, choices=Comparison.choices, default=Comparison.AT_LEAST)
    deadline = models.DateField(_("完成期限"), default=PLAN_DEADLINE)
    yearly = models.BooleanField(
        _("每年考核"),
        default=False,
        help_text=_("目标对计划期内每一年都适用（如每年召开2次以上会议），逐年判断是否达成"),
    )
    responsible_units = models.ManyToManyField(
        ResponsibleUnit, verbose_name=_("责任单位"), related_name="indicators", blank=True
    )
    plan_text = models.TextField(_("方案原文"), blank=True)
    is_published = models.BooleanField(_("在公开页发布"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("指标")
        verbose_name_plural = _("指标")

    def __str__(self):
        return self.name

    @property
    def is_percent(self):
        return self.unit.strip() == PERCENT_UNIT

    @property
    def unit_label(self):
        """The unit in the reader's language; a unit the plan does not use is shown as entered."""
        return UNIT_LABELS.get(self.unit.strip(), self.unit)

    @property
    def is_live(self):
        return self.source == Source.LIVE

    @property
    def has_target(self):
        return self.target_value is not None

    def clean(self):
        if self.source == Source.LIVE:
            from .live import RULES

            if self.live_rule not in RULES:
                raise ValidationError({"live_rule": _("未知的统计规则“%(code)s”。") % {"code": self.live_rule}})
        if self.is_percent:
            for field in ("baseline", "target_value"):
                value = getattr(self, field)
                if value is not None and not (0 <= value <= 100):
                    raise ValidationError({field: _("百分比须在 0–100 之间。")})

    def validate_value(self, value):
        """Refuse a figure this indicator cannot hold; return the reason or None."""
        if self.is_percent and not (Decimal(0) <= value <= Decimal(100)):
            return _("百分比指标的数值须在 0–100 之间。")
        if value < 0:
            return _("数值不能为负数。")
        return None


class IndicatorEntryQuerySet(models.QuerySet):
    def city_wide(self):
        return self.filter(district__isnull=True)

    def for_district(self, district):
        return self.filter(district=district) if district else self.city_wide()

    def up_to(self, day):
        return self.filter(as_of__lte=day) if day else self


class IndicatorEntry(models.Model):
    """A dated figure for a manually entered indicator, city-wide (no district) or for one district, with an
    optional private attachment (`ATTACHMENT`)."""

    ATTACHMENT = FileFields("attachment")

    indicator = models.ForeignKey(Indicator, verbose_name=_("指标"), on_delete=models.CASCADE, related_name="entries")
    as_of = models.DateField(_("统计日期"))
    value = models.DecimalField(_("数值"), max_digits=14, decimal_places=4)
    district = models.ForeignKey(
        District, verbose_name=_("县区"), on_delete=models.PROTECT, null=True, blank=True, help_text=_("留空为全市")
    )
    source_note = models.CharField(_("数据来源说明"), max_length=200)
    attachment, attachment_name, attachment_type, attachment_size = private_file_fields(
        _("附件"), "targets/entries", blank=True
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("填报人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    entered_at = models.DateTimeField(_("填报时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    import_batch = models.ForeignKey(
        "ImportBatch",
        verbose_name=_("导入批次"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="entries",
    )

    objects = IndicatorEntryQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "-as_of", "-pk"]
        verbose_name = _("指标填报值")
        verbose_name_plural = _("指标填报值")
        permissions = [("report_targets", _("填报与导入试点城市指标数据，查看指标看板"))]

    def __str__(self):
        return f"{self.indicator} {self.as_of:%Y-%m-%d} {self.value}"


class EntryRevision(models.Model):
    """The figure an entry held before a correction, who corrected it, when and why."""

    entry = models.ForeignKey(IndicatorEntry, on_delete=models.CASCADE, related_name="revisions")
    previous_as_of = models.DateField(_("原统计日期"))
    previous_value = models.DecimalField(_("原数值"), max_digits=14, decimal_places=4)
    previous_district = models.ForeignKey(
        District, verbose_name=_("原县区"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    previous_source_note = models.CharField(_("原数据来源说明"), max_length=200)
    previous_attachment = models.CharField(_("原附件"), max_length=200, blank=True)
    reason = models.CharField(_("更正原因"), max_length=200)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("更正人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    corrected_at = models.DateTimeField(_("更正时间"), auto_now_add=True)

    class Meta:
        ordering = ["-corrected_at", "-pk"]
        verbose_name = _("更正记录")
        verbose_name_plural = _("更正记录")

    def __str__(self):
        return f"{self.entry}: {self.previous_value} → ({self.reason})"


class ImportBatch(models.Model):
    """An uploaded CSV/XLSX of a period's figures, held as parsed rows until staff confirm it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待确认")
        APPLIED = "applied", _("已导入")
        DISCARDED = "discarded", _("已放弃")

    filename = models.CharField(_("文件名"), max_length=200)
    rows = models.JSONField(_("数据行"), default=list)
    errors = models.JSONField(_("错误"), default=list)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("上传人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    applied_at = models.DateTimeField(_("导入时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("导入批次")
        verbose_name_plural = _("导入批次")

    def __str__(self):
        return self.filename

    @property
    def is_valid(self):
        return not self.errors and bool(self.rows)

    @property
    def can_apply(self):
        return self.status == self.Status.PENDING and self.is_valid


class DemonstrationCertificationQuerySet(models.QuerySet):
    def current(self):
        """Certifications in force now: not revoked (`targets.statistics` counts them on any day)."""
        return self.filter(revoked_on__isnull=True)


class DemonstrationCertification(models.Model):
    """An enterprise certified as a 知识产权管理标准化示范企业 (plan 三(四)2), entered by staff with evidence
    (`EVIDENCE`, a private file)."""

    EVIDENCE = FileFields("evidence")

    enterprise = models.ForeignKey(
        Organisation,
        verbose_name=_("企业"),
        on_delete=models.PROTECT,
        related_name="demonstration_certifications",
        limit_choices_to={"kind": Organisation.Kind.ENTERPRISE},
    )
    certificate_number = models.CharField(
        _("证书编号"),
        max_length=60,
        unique=True,
        error_messages={"unique": _("该证书编号已登记。")},
    )
    certified_on = models.DateField(_("认定日期"))
    issued_by = models.CharField(_("认定单位"), max_length=60, default="市科技局、连云港质监局")
    evidence, evidence_name, evidence_type, evidence_size = private_file_fields(_("证明材料"), "targets/certifications")
    revoked_on = models.DateField(_("撤销日期"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("录入人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    entered_at = models.DateTimeField(_("录入时间"), auto_now_add=True)

    objects = DemonstrationCertificationQuerySet.as_manager()

    class Meta:
        ordering = ["-certified_on", "-pk"]
        verbose_name = _("管理标准化示范企业认定")
        verbose_name_plural = _("管理标准化示范企业认定")

    def __str__(self):
        return f"{self.enterprise} {self.certificate_number}"

    def clean(self):
        if self.enterprise_id and self.enterprise.kind != Organisation.Kind.ENTERPRISE:
            raise ValidationError({"enterprise": _("只有企业可以被认定为示范企业。")})
        if self.revoked_on and self.certified_on and self.revoked_on < self.certified_on:
            raise ValidationError({"revoked_on": _("撤销日期不能早于认定日期。")})


__all__ = [
    "Category",
    "Comparison",
    "DemonstrationCertification",
    "EntryRevision",
    "ImportBatch",
    "Indicator",
    "IndicatorEntry",
    "Source",
]
