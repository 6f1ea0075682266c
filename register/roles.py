"""The register data managers' group (`accounts.roles.REGISTER_MANAGERS`), created by this app's migration
and again after a test's flush: its permission is this app's, created after `accounts` seeds the others."""

from accounts.roles import ACCESS_ADMIN, IMPORT_REGISTER, REGISTER_MANAGERS

PERMISSIONS = (ACCESS_ADMIN, IMPORT_REGISTER)


def ensure_register_managers(group_model=None, permission_model=None):
    if group_model is None or permission_model is None:
        from django.contrib.auth.models import Group, Permission

        group_model, permission_model = Group, Permission
    group, _created = group_model.objects.get_or_create(name=REGISTER_MANAGERS)
    for permission in PERMISSIONS:
        app_label, codename = permission.split(".", 1)
        group.permissions.add(permission_model.objects.get(content_type__app_label=app_label, codename=codename))
    return group
