"""API keys: a person's key raises their request limit on the read API (`api.throttling`); it opens no
data of its own, since the API only ever serves what is public. The key is shown once when created; only
its SHA-256 digest is stored, with a short prefix so its owner can tell keys apart."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class APIKeyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)

    def owned_by(self, user):
        return self.filter(user=user) if user.is_authenticated else self.none()


class APIKey(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("用户"), on_delete=models.CASCADE, related_name="api_keys"
    )
    name = models.CharField(_("名称"), max_length=60)
    prefix = models.CharField(_("前缀"), max_length=12, unique=True)
    digest = models.CharField(_("摘要"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True)
    request_count = models.PositiveBigIntegerField(_("请求次数"), default=0)
    revoked_at = models.DateTimeField(_("吊销时间"), null=True, blank=True)

    objects = APIKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("接口密钥")
        verbose_name_plural = _("接口密钥")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None

    def may_revoke(self, user):
        return user.is_authenticated and user.pk == self.user_id and self.is_active
