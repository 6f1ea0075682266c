from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionReceipt(models.Model):
    """One form sent once: the key the form carried, who sent it, and where what it made can be seen.

    The same form sent again (a double click, a reload after a slow answer, two tabs) finds its receipt
    and is shown the first result instead of making a second one."""

    key = models.CharField(_("表单标识"), max_length=32, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    result_url = models.CharField(_("结果地址"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("提交时间"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("表单提交记录")
        verbose_name_plural = _("表单提交记录")

    def __str__(self):
        return self.key
