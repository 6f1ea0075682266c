"""The patent analysts' group (`accounts.roles.PATENT_ANALYSTS`), created by this app's migration and again
after a test's flush (`tests.seeding`)."""

from accounts.roles import ACCESS_ADMIN, MANAGE_WATCHES, PATENT_ANALYSTS
from core.groups import seed_groups

PERMISSIONS = (ACCESS_ADMIN, MANAGE_WATCHES)


def ensure_patent_analysts(group_model=None, permission_model=None):
    return seed_groups({PATENT_ANALYSTS: PERMISSIONS}, group_model, permission_model)[PATENT_ANALYSTS]
