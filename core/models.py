from django.conf import settings
from django.db import models
from django.utils import timezone
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


class WorkflowEvent(models.Model):
    """One step of a record through its workflow (`core.workflow`): from which state to which, and when.

    Each app's event model (a posting's, an order's, an institution's, a case's, an enrolment's) is one of
    these with a foreign key to its record and what else it keeps (who acted, a note, a reason). The states
    are shown with the labels of the app's `STATES` choices."""

    STATES = None

    from_status = models.CharField(_("原状态"), max_length=20, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20)
    created_at = models.DateTimeField(_("时间"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def get_from_status_display(self):
        return _label(self.STATES, self.from_status)

    def get_to_status_display(self):
        return _label(self.STATES, self.to_status)


class ActedEvent(WorkflowEvent):
    """A workflow event that names its step (`action`, labelled by `STEPS`, the `step_labels` of the workflow
    that writes it), the person who took it and their note (a reason, an amount): what a record's owner
    reads in its history."""

    STEPS = None

    action = models.CharField(_("操作"), max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.TextField(_("说明"), blank=True)

    class Meta(WorkflowEvent.Meta):
        abstract = True

    def get_action_display(self):
        return _label(self.STEPS, self.action)


def _label(choices, value):
    if not value or choices is None:
        return value
    try:
        return choices(value).label
    except ValueError:
        return value
