"""The two groups of the rights app, created by migration and again by the demo (tests flush the database)."""

# Superusers and members of this group see and route every case, and name handlers.
RIGHTS_ADMIN_GROUP = "维权管理员"
# Members of this group may open the Wagtail admin, where the case menu is; their unit is a `Handler` row.
RIGHTS_HANDLER_GROUP = "维权办理人员"

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
