"""The client's address behind a reverse proxy: trusted only from the proxies named in TRUSTED_PROXIES."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from core.network import client_ip
from tests.factories import UserFactory

PROXY = "10.0.0.2"


def request_from(remote_addr, forwarded_for=None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **extra)


def test_a_forwarded_header_from_an_untrusted_peer_is_ignored(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(request_from("203.0.113.5", "198.51.100.7")) == "203.0.113.5"


def test_without_trusted_proxies_the_header_is_never_read(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request_from(PROXY, "198.51.100.7")) == PROXY


def test_through_trusted_proxies_the_first_untrusted_hop_from_the_right_is_the_client(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "192.0.2.1"]
    # The client wrote "6.6.6.6" itself; the outer proxy 192.0.2.1 and the inner one appended the rest.
    request = request_from(PROXY, "6.6.6.6, 198.51.100.7, 192.0.2.1")
    assert client_ip(request) == "198.51.100.7"


def test_a_malformed_hop_stops_the_walk(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(request_from(PROXY, "198.51.100.7, not-an-address")) == PROXY
    assert client_ip(request_from(PROXY, "[2001:db8::1]:443")) == "2001:db8::1"


@pytest.mark.django_db
def test_behind_a_trusted_proxy_two_clients_have_separate_status_check_limits(client, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    settings.RIGHTS_STATUS_CHECKS_PER_HOUR = 2

    def check(forwarded_for):
        data = {"tracking_number": "JB20260101-0001", "secret": "WRONG-WRONG"}
        return client.post(
            reverse("rights:status"), data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for
        ).status_code

    assert [check("198.51.100.7") for _ in range(3)] == [200, 200, 429]
    assert check("198.51.100.8") == 200
    # The limited client cannot escape by writing another address in front of its own.
    assert check("198.51.100.9, 198.51.100.7") == 429


@pytest.mark.django_db
def test_a_client_spoofing_the_header_without_a_proxy_stays_in_its_own_bucket(client, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    settings.RIGHTS_STATUS_CHECKS_PER_HOUR = 2
    data = {"tracking_number": "JB20260101-0001", "secret": "WRONG-WRONG"}
    codes = [
        client.post(
            reverse("rights:status"), data, REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        ).status_code
        for n in range(3)
    ]
    assert codes == [200, 200, 429]


@pytest.mark.django_db
def test_behind_a_trusted_proxy_failed_log_ins_are_limited_per_client(client, settings, password):
    settings.TRUSTED_PROXIES = [PROXY]
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "2/m/ip"}
    UserFactory(email="someone@example.com")

    def logs_in(forwarded_for, secret):
        client.logout()
        client.post(
            reverse("account_login"),
            {"login": "someone@example.com", "password": secret},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )
        return "_auth_user_id" in client.session

    assert not logs_in("198.51.100.7", "wrong")
    assert not logs_in("198.51.100.7", "wrong")
    # Two failures from this client: even the right password is refused from it for now...
    assert not logs_in("198.51.100.7", password)
    # ...but not from another client behind the same proxy.
    assert logs_in("198.51.100.8", password)
