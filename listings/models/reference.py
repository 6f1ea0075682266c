from django.db import models
from django.utils.translation import gettext_lazy as _

from core.naming import EnglishNamed


class Industry(EnglishNamed):
    """One of the city's leading industries (主导产业); postings are filed under one, seeded by migration."""

    code = models.SlugField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=40, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("产业领域")
        verbose_name_plural = _("产业领域")
