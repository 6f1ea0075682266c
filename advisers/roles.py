"""The talent managers' group (`accounts.roles.TALENT_MANAGERS`), created by this app's migration and again
after a test's flush: its permission is this app's, created after `accounts` seeds the others."""

from accounts.roles import ACCESS_ADMIN, RECOGNISE_TITLES, TALENT_MANAGERS
from core.groups import seed_groups

PERMISSIONS = (ACCESS_ADMIN, RECOGNISE_TITLES)


def ensure_talent_managers(group_model=None, permission_model=None):
    return seed_groups({TALENT_MANAGERS: PERMISSIONS}, group_model, permission_model)[TALENT_MANAGERS]
