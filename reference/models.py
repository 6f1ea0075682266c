"""Reference data named by the city's plan: districts and the responsible units (责任单位), and the
published statistics the plan's indicators are divided by.

Organisations, institutions, postings and cases point at a `District`; the targets dashboard and
case handling point at `ResponsibleUnit`s. Both are seeded by a data migration so every deployment
has them, not only the demo. `ResidentPopulation` (per district and year), `RdSpending` (per year) and
`AbnormalApplication` (the patent office's published list) are entered or imported by staff from the
statistics bureau's and the patent office's publications; the register's counting rules read them.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.naming import EnglishNamed


class District(EnglishNamed):
    class Kind(models.TextChoices):
        DISTRICT = "district", _("市辖区")
        COUNTY = "county", _("县")
        ZONE = "zone", _("功能区")

    code = models.SlugField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=50, unique=True)
    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices)
    # The plan counts some targets for the urban area (市区) separately from the whole city.
    is_urban = models.BooleanField(_("属于市区"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("县区")
        verbose_name_plural = _("县区")


class ResponsibleUnit(EnglishNamed):
    code = models.SlugField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("责任单位")
        verbose_name_plural = _("责任单位")


class ResidentPopulation(models.Model):
    """The resident population (常住人口) of one district at the end of one year, as the statistical
    yearbook publishes it, in units of 10,000: what "per 10,000 residents" divides by."""

    district = models.ForeignKey(District, verbose_name=_("县区"), on_delete=models.PROTECT, related_name="populations")
    year = models.PositiveSmallIntegerField(_("年度"), validators=[MinValueValidator(1985)])
    residents = models.DecimalField(
        _("常住人口（万人）"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0.01)]
    )
    source_note = models.CharField(_("数据来源"), max_length=200, blank=True, help_text=_("如：《连云港统计年鉴2016》"))

    class Meta:
        ordering = ["-year", "district__sort_order"]
        verbose_name = _("常住人口")
        verbose_name_plural = _("常住人口")
        constraints = [models.UniqueConstraint(fields=["district", "year"], name="reference_population_once")]

    def __str__(self):
        return f"{self.district.name} {self.year}: {self.residents}"


class RdSpending(models.Model):
    """The city's spending on research and development (R&D经费支出) in one year, in 万元."""

    year = models.PositiveSmallIntegerField(_("年度"), unique=True, validators=[MinValueValidator(1985)])
    amount = models.DecimalField(
        _("研发经费支出（万元）"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0.01)]
    )
    source_note = models.CharField(_("数据来源"), max_length=200, blank=True, help_text=_("如：市统计局《统计公报》"))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("研发经费支出")
        verbose_name_plural = _("研发经费支出")

    def __str__(self):
        return f"{self.year}: {self.amount}"


class AbnormalApplication(models.Model):
    """A patent application the patent office published as abnormal (非正常专利申请), by its number in
    the register's stored form; it counts as abnormal from the day of the notice."""

    application_number = models.CharField(_("申请号"), max_length=14, unique=True)
    published_on = models.DateField(_("通报日期"))
    notice = models.CharField(_("通报文件"), max_length=200, blank=True)

    class Meta:
        ordering = ["-published_on", "application_number"]
        verbose_name = _("非正常专利申请")
        verbose_name_plural = _("非正常专利申请")

    def __str__(self):
        return self.application_number
