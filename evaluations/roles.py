"""The evaluation permission given to the platform's operators (`accounts.roles.PLATFORM_OPERATORS`), with
the screen of the people who file for departments; created by this app's migration and again after a test's
flush, since the permission is created after `accounts` seeds the roles."""

from accounts.roles import ACCESS_ADMIN, MANAGE_EVALUATIONS, PLATFORM_OPERATORS
from core.groups import seed_groups

GROUPS = {
    PLATFORM_OPERATORS: (
        ACCESS_ADMIN,
        MANAGE_EVALUATIONS,
        "evaluations.add_departmentmember",
        "evaluations.change_departmentmember",
        "evaluations.delete_departmentmember",
    ),
}


def ensure_evaluation_roles(group_model=None, permission_model=None):
    return seed_groups(GROUPS, group_model, permission_model)
