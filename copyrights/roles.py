"""The copyright examiners' group (`accounts.roles.COPYRIGHT_EXAMINERS`), created by this app's migration and
again after a test's flush: the permission is this app's, created after `accounts` seeds the others."""

from accounts.roles import ACCESS_ADMIN, COPYRIGHT_EXAMINERS, EXAMINE_COPYRIGHT
from core.groups import seed_groups

GROUPS = {COPYRIGHT_EXAMINERS: (ACCESS_ADMIN, EXAMINE_COPYRIGHT)}


def ensure_copyright_roles(group_model=None, permission_model=None):
    return seed_groups(GROUPS, group_model, permission_model)
