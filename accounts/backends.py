"""The authentication backend: a signed-in person read with their organisation, and their permissions read
once and kept in the cache, until a permission or group changes.

Every page a signed-in person sees reads their membership and organisation (the inbox badge, what they may
do on the page): `get_user` reads them with the person, in the one query Django makes for the person anyway.

Every page a signed-in person sees asks for their permissions (the Wagtail userbar, the header's link to the
admin), and Django reads them from the database afresh on every request: two queries and their models.
`CachedPermissionsBackend` is Django's ModelBackend keeping the set it computes in the cache, per person,
stamped with a *version* that any change to what a person may do replaces: a permission or group saved or
deleted, a group's permissions or a person's groups or permissions changed (m2m_changed), the person saved
(active, superuser) or deleted. The version and the person's entry are read in one cache round trip; a
change counts from the next request on, and again once its transaction commits (a request reading the old
rows between the two cannot keep them).
"""

import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

VERSION_KEY = "permissions:version"
USER_PREFIX = "permissions:user:"
# A log-in writes last_login, which changes nothing a person may do.
IRRELEVANT_FIELDS = {"last_login"}


class CachedPermissionsBackend(ModelBackend):
    """ModelBackend whose set of a person's permissions comes from the cache while nothing changed."""

    def get_user(self, user_id):
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related("membership__organisation").get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            key = USER_PREFIX + str(user_obj.pk)
            values = cache.get_many([VERSION_KEY, key])
            version = values.get(VERSION_KEY) or _current_version()
            stored = values.get(key)
            if stored is not None and stored[0] == version:
                user_obj._perm_cache = set(stored[1])
            else:
                permissions = super().get_all_permissions(user_obj)
                cache.set(key, (version, frozenset(permissions)), timeout=settings.PAGE_CACHE_TIMEOUT)
        return user_obj._perm_cache


def _current_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _replace_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def permissions_changed():
    """What someone may do has changed: every kept set of permissions counts as gone."""
    _replace_version()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_replace_version)


def _rules_changed(**kwargs):
    permissions_changed()


def _relation_changed(action, **kwargs):
    if action.startswith("post_"):
        permissions_changed()


def _user_saved(instance, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= IRRELEVANT_FIELDS:
        return
    cache.delete(USER_PREFIX + str(instance.pk))
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: cache.delete(USER_PREFIX + str(instance.pk)))


def connect_signals():
    user_model = get_user_model()
    for model in (Permission, Group):
        post_save.connect(_rules_changed, sender=model, dispatch_uid=f"permissions_saved_{model._meta.label}")
        post_delete.connect(_rules_changed, sender=model, dispatch_uid=f"permissions_deleted_{model._meta.label}")
    for through in (user_model.groups.through, user_model.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(_relation_changed, sender=through, dispatch_uid=f"permissions_m2m_{through._meta.label}")
    # Migrations seed groups and permissions through historical models and bulk_create, which send none of the above.
    post_migrate.connect(_rules_changed, dispatch_uid="permissions_migrated")
    post_save.connect(_user_saved, sender=user_model, dispatch_uid="permissions_user_saved")
    post_delete.connect(_user_saved, sender=user_model, dispatch_uid="permissions_user_deleted")
