"""The register data managers' group (`accounts.roles.REGISTER_MANAGERS`), created by this app's migration
and again after a test's flush: its permission is this app's, created after `accounts` seeds the others."""

from accounts.roles import ACCESS_ADMIN, IMPORT_REGISTER, RECORD_CUSTOMS, REGISTER_MANAGERS
from core.groups import seed_groups

PERMISSIONS = (ACCESS_ADMIN, IMPORT_REGISTER, RECORD_CUSTOMS)
# What the group held before customs recordals came (the first seeding migration grants these).
FIRST_PERMISSIONS = (ACCESS_ADMIN, IMPORT_REGISTER)


def ensure_register_managers(group_model=None, permission_model=None, permissions=PERMISSIONS):
    return seed_groups({REGISTER_MANAGERS: permissions}, group_model, permission_model)[REGISTER_MANAGERS]
