"""API keys on the account page, and the request limits they raise."""

import pytest
from django.test import override_settings
from django.urls import reverse

from api.models import APIKey
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(client):
    user = UserFactory()
    client.force_login(user)
    return user


def create_key(client, name="数据看板"):
    page = client.get(reverse("api:keys"))
    key = page.context["form"]["submission_key"].value()
    return client.post(reverse("api:keys"), {"name": name, "submission_key": key})


def test_a_key_is_shown_once_stored_hashed_and_listed_with_its_usage(client, person, api, world):
    response = create_key(client)
    raw = response.context["new_key"]
    assert response.status_code == 200 and raw in response.content.decode()
    stored = APIKey.objects.get(user=person)
    assert raw not in (stored.digest, stored.prefix) and raw.startswith(stored.prefix)
    listing = client.get(reverse("api:keys")).content.decode()
    assert raw not in listing and stored.prefix in listing

    for _ in range(3):
        assert api.get(reverse("api:news-list"), HTTP_X_API_KEY=raw).status_code == 200
    assert api.get(reverse("api:news-list"), HTTP_AUTHORIZATION=f"Api-Key {raw}").status_code == 200
    stored.refresh_from_db()
    assert stored.request_count == 4 and stored.last_used_at is not None
    assert ">4<" in client.get(reverse("api:keys")).content.decode()


def test_the_same_creation_form_sent_twice_makes_one_key(client, person):
    page = client.get(reverse("api:keys"))
    key = page.context["form"]["submission_key"].value()
    client.post(reverse("api:keys"), {"name": "一", "submission_key": key})
    again = client.post(reverse("api:keys"), {"name": "一", "submission_key": key})
    assert again.status_code == 302
    assert APIKey.objects.filter(user=person).count() == 1


def test_a_revoked_key_is_refused_and_only_its_owner_may_revoke_it(client, person, api, world):
    raw = create_key(client).context["new_key"]
    stored = APIKey.objects.get(user=person)
    other = UserFactory()
    client.force_login(other)
    assert client.post(reverse("api:key_revoke", args=[stored.pk])).status_code == 404
    assert api.get(reverse("api:news-list"), HTTP_X_API_KEY=raw).status_code == 200
    client.force_login(person)
    assert client.post(reverse("api:key_revoke", args=[stored.pk])).status_code == 302
    assert client.post(reverse("api:key_revoke", args=[stored.pk])).status_code == 302
    refused = api.get(reverse("api:news-list"), HTTP_X_API_KEY=raw)
    assert refused.status_code == 401 and refused["WWW-Authenticate"] == "Api-Key"
    assert api.get(reverse("api:news-list"), HTTP_X_API_KEY="ipp_made-up").status_code == 401


def test_a_blank_key_name_is_refused_with_the_reason(client, person):
    page = client.get(reverse("api:keys"))
    response = client.post(
        reverse("api:keys"), {"name": " ", "submission_key": page.context["form"]["submission_key"].value()}
    )
    assert response.status_code == 400 and not APIKey.objects.exists()


@override_settings(API_ANONYMOUS_RATE="2/min", API_KEY_RATE="4/min")
def test_limits_answer_429_with_retry_after_and_a_key_gets_more(client, person, api, world):
    url = reverse("api:news-list")
    assert [api.get(url).status_code for _ in range(3)] == [200, 200, 429]
    limited = api.get(url)
    assert int(limited["Retry-After"]) > 0
    raw = create_key(client).context["new_key"]
    statuses = [api.get(url, HTTP_X_API_KEY=raw).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]


@override_settings(API_ANONYMOUS_RATE="1/min", TRUSTED_PROXIES=["10.0.0.1"])
def test_anonymous_limits_count_per_client_address_behind_a_trusted_proxy(api, world):
    url = reverse("api:news-list")
    via_proxy = {"REMOTE_ADDR": "10.0.0.1"}
    assert api.get(url, HTTP_X_FORWARDED_FOR="198.51.100.1", **via_proxy).status_code == 200
    assert api.get(url, HTTP_X_FORWARDED_FOR="198.51.100.2", **via_proxy).status_code == 200
    assert api.get(url, HTTP_X_FORWARDED_FOR="198.51.100.1", **via_proxy).status_code == 429
    # From an address that is not a trusted proxy, a forwarded address is not believed.
    direct = {"REMOTE_ADDR": "203.0.113.9"}
    assert api.get(url, HTTP_X_FORWARDED_FOR="198.51.100.3", **direct).status_code == 200
    assert api.get(url, HTTP_X_FORWARDED_FOR="198.51.100.4", **direct).status_code == 429


def test_reads_are_shared_across_origins_and_nothing_else_is(api, world):
    response = api.get(reverse("api:news-list"), HTTP_ORIGIN="https://data.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = api.options(
        reverse("api:news-list"),
        HTTP_ORIGIN="https://data.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="x-api-key",
    )
    assert preflight.status_code == 200 and "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    page = api.get("/listings/", HTTP_ORIGIN="https://data.example.org")
    assert "Access-Control-Allow-Origin" not in page


@override_settings(API_ANONYMOUS_RATE="2/min", PAGE_CACHE_ENABLED=True)
def test_the_page_cache_never_answers_for_the_api_so_every_request_counts(api, world):
    url = reverse("api:news-list")
    responses = [api.get(url) for _ in range(3)]
    assert [response.status_code for response in responses] == [200, 200, 429]
    assert "public" not in responses[0].get("Cache-Control", "")
