"""The special-funds groups (`accounts.roles.FUNDING_MANAGERS`, `FUNDING_REVIEWERS`) and finance's new
permission, created by this app's migration and again after a test's flush: the permissions are this app's,
created after `accounts` seeds the others."""

from accounts.roles import (
    ACCESS_ADMIN,
    FINANCE,
    FUNDING_MANAGERS,
    FUNDING_REVIEWERS,
    MANAGE_FUNDING,
    RECORD_FUNDING_PAYMENTS,
    REVIEW_FUNDING,
)
from core.groups import seed_groups

GROUPS = {
    # Programmes and the budget figure are configured on their snippet screens in the admin.
    FUNDING_MANAGERS: (
        ACCESS_ADMIN,
        MANAGE_FUNDING,
        "funding.add_programme",
        "funding.change_programme",
        "funding.add_budgetyear",
        "funding.change_budgetyear",
    ),
    FUNDING_REVIEWERS: (ACCESS_ADMIN, REVIEW_FUNDING),
    FINANCE: (RECORD_FUNDING_PAYMENTS,),
}


def ensure_funding_roles(group_model=None, permission_model=None):
    return seed_groups(GROUPS, group_model, permission_model)
