"""Creating, checking and revoking API keys (see `api.models.APIKey`)."""

import hashlib
import secrets

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import APIKey

KEY_PREFIX = "ipp_"
# Keys one person may hold at once; revoked ones do not count.
MAX_ACTIVE_KEYS = 10


class KeyLimitReached(Exception):
    pass


def digest(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


def create_key(user, name):
    """A new key for `user`: the stored record and the key itself, which is never stored or shown again."""
    if APIKey.objects.owned_by(user).active().count() >= MAX_ACTIVE_KEYS:
        raise KeyLimitReached(_("最多同时持有 %(count)d 个密钥，请先吊销不用的密钥。") % {"count": MAX_ACTIVE_KEYS})
    raw = KEY_PREFIX + secrets.token_urlsafe(32)
    key = APIKey.objects.create(user=user, name=name.strip(), prefix=raw[: len(KEY_PREFIX) + 8], digest=digest(raw))
    return key, raw


def active_key(raw):
    """The active key `raw` is, or None."""
    if not raw or not raw.startswith(KEY_PREFIX):
        return None
    return APIKey.objects.active().select_related("user").filter(digest=digest(raw), user__is_active=True).first()


def record_use(key):
    """Counted in the database in one statement, so concurrent requests each count once."""
    APIKey.objects.filter(pk=key.pk).update(request_count=F("request_count") + 1, last_used_at=timezone.now())


def revoke(key, user):
    """Revokes `key` if `user` may; a second revocation changes nothing. Returns whether it was revoked now."""
    if not key.may_revoke(user):
        return False
    return bool(APIKey.objects.filter(pk=key.pk, revoked_at__isnull=True).update(revoked_at=timezone.now()))
