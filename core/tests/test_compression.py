import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_public_pages_are_compressed_for_anonymous_visitors(client):
    response = client.get(reverse("rights:index"), HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"


def test_pages_of_a_signed_in_person_and_private_areas_are_not_compressed(client):
    assert not client.get(reverse("account_login"), HTTP_ACCEPT_ENCODING="gzip").has_header("Content-Encoding")
    client.force_login(UserFactory())
    assert not client.get(reverse("rights:index"), HTTP_ACCEPT_ENCODING="gzip").has_header("Content-Encoding")
