"""The two groups of the rights app, created by migration and again by the demo (tests flush the database).

Their names and named permissions are part of the platform's roles (`accounts.roles`, seeded by
`accounts.roles.ensure_roles`); this adds what only the rights app knows: administrators manage `Handler` rows.
"""

from accounts.roles import RIGHTS_ADMINS, RIGHTS_HANDLERS

# Holders of rights.administer_cases (this group, superusers) see and route every case, and name handlers.
RIGHTS_ADMIN_GROUP = RIGHTS_ADMINS
# Holders of rights.handle_cases (this group) handle the cases of their unit, named by a `Handler` row.
RIGHTS_HANDLER_GROUP = RIGHTS_HANDLERS

HANDLER_ADMIN_CODENAMES = ["add_handler", "change_handler", "delete_handler", "view_handler"]


def ensure_groups(group_model, permission_model):
    """Create or complete both groups; safe to run any number of times."""
    access_admin = permission_model.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    handler_admin = permission_model.objects.filter(
        content_type__app_label="rights", codename__in=HANDLER_ADMIN_CODENAMES
    )
    admins, _created = group_model.objects.get_or_create(name=RIGHTS_ADMIN_GROUP)
    admins.permissions.add(*access_admin, *handler_admin)
    handlers, _created = group_model.objects.get_or_create(name=RIGHTS_HANDLER_GROUP)
    handlers.permissions.add(*access_admin)
    return admins, handlers
