import pytest
from django.test import Client

from listings.tests.factories import owner_of
from tests.factories import OrganisationFactory, UserFactory


@pytest.fixture
def poster(db):
    """The owner of an enterprise that posts transactions."""
    return owner_of(OrganisationFactory(name="连云港恒瑞新材料科技有限公司"))


@pytest.fixture
def reader(db):
    return UserFactory(email="reader@example.com", name="李明")


@pytest.fixture
def client_for():
    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make
