"""Reference rows (districts, responsible units, service categories, industries) are named in Chinese, the
platform's working language, and carry an English name for readers of the English interface. The Chinese
name stays what search indexes, imports and the admin match on; only what is shown follows the language."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def english_wanted():
    language = get_language() or ""
    return language == "en" or language.startswith("en-")


class EnglishNamed(models.Model):
    name_en = models.CharField(
        _("英文名称"), max_length=120, blank=True, help_text=_("英文界面显示此名称；留空时显示中文名称。")
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.name_en if self.name_en and english_wanted() else self.name

    @property
    def display_language(self):
        """The language of `display_name`, for the page's lang attribute."""
        return "en" if self.name_en and english_wanted() else "zh"
