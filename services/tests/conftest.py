import os

import pytest

from tests.factories import MembershipFactory

from .factories import InstitutionFactory, OfferingFactory, member_of

WEBHOOK_SECRET = "whsec_test_services"


@pytest.fixture
def institution(db):
    return InstitutionFactory()


@pytest.fixture
def institution_user(institution):
    return member_of(institution.organisation)


@pytest.fixture
def offering(institution):
    return OfferingFactory(institution=institution)


@pytest.fixture
def enterprise_user(db):
    return MembershipFactory().user


@pytest.fixture
def outsider(db):
    """A member of an unrelated enterprise."""
    return MembershipFactory().user


@pytest.fixture
def staff_user(db):
    """The platform's operator: reviews institutions, resolves disputes, moderates reviews."""
    from accounts.roles import PLATFORM_OPERATORS
    from tests.factories import staff_in

    return staff_in(PLATFORM_OPERATORS)


@pytest.fixture
def webhook_secret(settings):
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    return WEBHOOK_SECRET


@pytest.fixture
def stripe_mock(settings):
    """Stripe's own stripe-mock server (STRIPE_API_BASE); tests using it carry @pytest.mark.stripe."""
    settings.STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")
    settings.STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "sk_test_123")
