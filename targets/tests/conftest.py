import pytest

from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, is_superuser=True)


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
