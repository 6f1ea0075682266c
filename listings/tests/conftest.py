import pytest
from django.test import Client

from accounts.models import Organisation
from accounts.roles import PLATFORM_OPERATORS
from tests.factories import OrganisationFactory, staff_in

from .factories import owner_of


@pytest.fixture
def enterprise(db):
    return OrganisationFactory(name="连云港恒瑞新材料科技有限公司")


@pytest.fixture
def owner(enterprise):
    return owner_of(enterprise)


@pytest.fixture
def other_enterprise(db):
    return OrganisationFactory(name="连云港康缘制药有限公司")


@pytest.fixture
def stranger(other_enterprise):
    """A member of another organisation."""
    return owner_of(other_enterprise)


@pytest.fixture
def lender(db):
    return OrganisationFactory(name="江苏银行连云港分行", kind=Organisation.Kind.INSTITUTION)


@pytest.fixture
def lender_user(lender):
    return owner_of(lender)


@pytest.fixture
def staff(db):
    """The platform's operator: moderates postings, reads every financing case."""
    return staff_in(PLATFORM_OPERATORS)


@pytest.fixture
def client_for():
    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make
