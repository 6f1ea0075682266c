"""The on-site inbox: what happened that an organisation's members should see, read or unread."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        organisation = user.organisation if user.is_authenticated else None
        if organisation is None:
            return self.none()
        return self.filter(organisation=organisation)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One inbox entry for one organisation (the side that should act), read by any of its members."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="notifications")
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"), blank=True)
    url = models.CharField(_("链接"), max_length=200, blank=True)
    inquiry = models.ForeignKey(
        "services.Inquiry", on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    order = models.ForeignKey("services.Order", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)
    read_at = models.DateTimeField(_("阅读时间"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("站内消息")
        verbose_name_plural = _("站内消息")
        indexes = [models.Index(fields=["organisation", "read_at"])]

    def __str__(self):
        return self.title
