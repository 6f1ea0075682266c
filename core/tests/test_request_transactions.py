"""Requests that write are one transaction, requests that read are none (core.middleware.NonAtomicReadsMiddleware),
and an error is shown as the platform's own page and logged."""

import logging
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.urls import include, path

from accounts.models import User

pytestmark = pytest.mark.urls(__name__)

READ_TIMEOUT = 15


def write_then_fail(request):
    User.objects.create(email="half-done@example.com")
    raise RuntimeError("failed after writing")


def write_and_succeed(request):
    User.objects.create(email="done@example.com")
    return HttpResponse("ok")


urlpatterns = [
    path("test/write-then-fail/", write_then_fail),
    path("test/write/", write_and_succeed),
    path("", include("config.urls")),
]
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"


@pytest.mark.django_db(transaction=True)
def test_a_post_that_fails_after_writing_changes_nothing_and_shows_the_error_page(caplog):
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.post("/test/write-then-fail/")
    assert response.status_code == 500
    assert "服务器出现错误" in response.content.decode()
    assert not User.objects.filter(email="half-done@example.com").exists()
    assert any("Internal Server Error: /test/write-then-fail/" in r.getMessage() for r in caplog.records)


@pytest.mark.django_db(transaction=True)
def test_a_post_that_succeeds_is_committed():
    assert Client().post("/test/write/").status_code == 200
    assert User.objects.filter(email="done@example.com").exists()


@pytest.mark.django_db
def test_an_unknown_address_shows_the_platforms_not_found_page():
    response = Client().get("/no-such-page-here/")
    assert response.status_code == 404
    assert "<html" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_two_reads_go_on_while_another_request_holds_the_write_lock(live_server):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's database-wide write lock; PostgreSQL readers never wait for writers")
    paths = ["/institutions/", "/healthz"]
    # Once before: a first request after the database was emptied creates rows it reads (site settings).
    for address in paths:
        assert requests.get(f"{live_server.url}{address}", timeout=READ_TIMEOUT).status_code == 200
    # A writing request of another worker, mid-transaction: it holds SQLite's write lock.
    writer = sqlite3.connect(connection.settings_dict["NAME"], timeout=1, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        barrier = threading.Barrier(2, timeout=READ_TIMEOUT)

        def read(address):
            barrier.wait()
            return requests.get(f"{live_server.url}{address}", timeout=READ_TIMEOUT)

        with ThreadPoolExecutor(max_workers=2) as pool:
            responses = list(pool.map(read, paths))
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert [r.status_code for r in responses] == [200, 200]
