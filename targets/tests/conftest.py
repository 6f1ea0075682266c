import pytest

from accounts.roles import TARGET_REPORTERS
from tests.factories import MembershipFactory, staff_in


@pytest.fixture
def staff(db):
    return staff_in(TARGET_REPORTERS)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def enterprise_user(db):
    return MembershipFactory().user


@pytest.fixture
def enterprise_client(client, enterprise_user):
    client.force_login(enterprise_user)
    return client
