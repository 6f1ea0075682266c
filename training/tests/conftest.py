import pytest

from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, is_superuser=True, name="培训管理员")


@pytest.fixture
def person(db):
    return MembershipFactory().user


@pytest.fixture
def other_person(db):
    return MembershipFactory().user
