"""Seeding the staff groups an app adds to the platform's roles (`accounts.roles` is the contract of their
names and permissions), one way for every app.

An app's permissions are created after `accounts` seeds the roles, so each app with its own permissions
seeds its groups in its migration (with the historical models) and again after a test's flush."""


def seed_groups(table, group_model=None, permission_model=None):
    """Create or complete each group of `table` (group name → permission names "app_label.codename") with its
    permissions; safe to run any number of times. Permissions are only added: one granted by hand stays. A
    permission that does not exist is an error (`DoesNotExist`), not a group silently short of it.

    A migration passes its historical `Group` and `Permission`; everything else calls it without them."""
    if group_model is None or permission_model is None:
        from django.contrib.auth.models import Group, Permission

        group_model, permission_model = Group, Permission
    groups = {}
    for name, permissions in table.items():
        group, _created = group_model.objects.get_or_create(name=name)
        for permission in permissions:
            app_label, codename = permission.split(".", 1)
            group.permissions.add(permission_model.objects.get(content_type__app_label=app_label, codename=codename))
        groups[name] = group
    return groups
