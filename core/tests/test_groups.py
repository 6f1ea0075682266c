"""Each app seeds its staff groups through `core.groups.seed_groups`: the tables of the apps are all held,
seeding again changes nothing, and a permission granted by hand stays."""

import pytest
from django.contrib.auth.models import Group, Permission

from advisers.roles import ensure_talent_managers
from analysis.roles import ensure_patent_analysts
from copyrights.roles import ensure_copyright_roles
from core.groups import seed_groups
from evaluations.roles import ensure_evaluation_roles
from funding.roles import ensure_funding_roles
from register.roles import ensure_register_managers

pytestmark = pytest.mark.django_db

SEEDERS = (
    ensure_talent_managers,
    ensure_patent_analysts,
    ensure_copyright_roles,
    ensure_evaluation_roles,
    ensure_funding_roles,
    ensure_register_managers,
)


def permissions_of(group):
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def everything():
    return {group.name: permissions_of(group) for group in Group.objects.all()}


def test_every_apps_groups_hold_the_permissions_of_their_table():
    from advisers.roles import PERMISSIONS as TALENT
    from analysis.roles import PERMISSIONS as ANALYSTS
    from copyrights.roles import GROUPS as COPYRIGHTS
    from evaluations.roles import GROUPS as EVALUATIONS
    from funding.roles import GROUPS as FUNDING
    from register.roles import PERMISSIONS as REGISTER

    Group.objects.all().delete()
    for seed in SEEDERS:
        seed()
    assert set(TALENT) <= permissions_of(Group.objects.get(name=ensure_talent_managers().name))
    assert set(ANALYSTS) <= permissions_of(Group.objects.get(name=ensure_patent_analysts().name))
    assert set(REGISTER) <= permissions_of(Group.objects.get(name=ensure_register_managers().name))
    for table in (COPYRIGHTS, EVALUATIONS, FUNDING):
        for name, permissions in table.items():
            assert set(permissions) <= permissions_of(Group.objects.get(name=name)), name


def test_seeding_again_changes_nothing_and_keeps_a_permission_granted_by_hand():
    for seed in SEEDERS:
        seed()
    group = ensure_talent_managers()
    by_hand = Permission.objects.exclude(group=group).first()
    group.permissions.add(by_hand)
    before = everything()
    for seed in SEEDERS:
        seed()
    assert everything() == before
    assert by_hand in group.permissions.all()


def test_a_permission_that_does_not_exist_stops_the_seeding_instead_of_leaving_the_group_short():
    with pytest.raises(Permission.DoesNotExist):
        seed_groups({"无此权限的组": ("wagtailadmin.access_admin", "core.no_such_permission")})
