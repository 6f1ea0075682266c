"""Reference data named by the city's plan: districts and the responsible units (责任单位).

Organisations, institutions, postings and cases point at a `District`; the targets dashboard and
case handling point at `ResponsibleUnit`s. Both are seeded by a data migration so every deployment
has them, not only the demo.
"""

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
