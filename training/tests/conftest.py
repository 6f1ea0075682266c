import pytest

from accounts.roles import TRAINING_MANAGERS
from tests.factories import MembershipFactory, staff_in


@pytest.fixture
def staff(db):
    return staff_in(TRAINING_MANAGERS, name="培训管理员")


@pytest.fixture
def person(db):
    return MembershipFactory().user


@pytest.fixture
def other_person(db):
    return MembershipFactory().user
