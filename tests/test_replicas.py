"""Two web replicas over the same PostgreSQL, Redis and bucket: no request depends on the replica it lands on.

Two gunicorn servers on different ports serve the test database; a person logs in on one and carries on on
the other, a file uploaded through one is downloaded through the other, and the open API's request limit
counts the requests made to both."""

import os
import uuid
from types import SimpleNamespace

import pytest
import requests
from bs4 import BeautifulSoup

from services.models import Institution
from services.tests.factories import InstitutionOrganisationFactory, application_form_data, member_of
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.processes import (
    Process,
    database_url_for_processes,
    free_port,
    needs_postgresql,
    separate_redis_url,
    wait_until,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
API_RATE = 3

pytestmark = [pytest.mark.redis, pytest.mark.s3, needs_postgresql, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def replicas(django_db_setup, tmp_path_factory):
    """Two app servers (gunicorn, one worker each) over the test database, Redis and the bucket."""
    from django.conf import settings

    prefix = f"test-replicas-{uuid.uuid4().hex[:10]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url_for_processes(),
        "REDIS_URL": separate_redis_url(),
        "TEST_FILES_IN_BUCKET": "1",
        "S3_PREFIX": prefix,
        "ELASTICSEARCH_URL": "",
        "API_ANONYMOUS_RATE": f"{API_RATE}/min",
    }
    servers, processes, folders = [], [], []
    try:
        for name in ("a", "b"):
            port = free_port()
            # Each its own local folders: a file written to one server's disk would be lost to the other.
            local = tmp_path_factory.mktemp(f"replica-{name}")
            folders.append(local)
            local_env = {
                **env,
                "DJANGO_MEDIA_ROOT": str(local / "media"),
                "DJANGO_PRIVATE_MEDIA_ROOT": str(local / "p"),
            }
            args = ["gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"]
            processes.append(Process(args, local_env, local / "gunicorn.log"))
            servers.append(f"http://127.0.0.1:{port}")
        for url, process in zip(servers, processes, strict=True):
            wait_until(lambda url=url, process=process: process.running() and _answers(url), 120, f"{url} answering")
        yield SimpleNamespace(servers=servers, prefix=prefix)
    finally:
        for process in processes:
            process.stop()
        if settings.TEST_S3_OPTIONS:
            _bucket().objects.filter(Prefix=f"{prefix}/").delete()
    # Nothing was written to either server's own disk.
    assert not [path for local in folders for path in local.rglob("*") if path.is_file() and path.suffix != ".log"]


def _answers(url):
    try:
        return requests.get(f"{url}/healthz", timeout=60).status_code == 200
    except requests.RequestException:
        return False


def _bucket():
    import boto3
    from django.conf import settings

    options = settings.TEST_S3_OPTIONS
    return boto3.resource(
        "s3",
        endpoint_url=options["endpoint_url"],
        region_name=options["region_name"],
        aws_access_key_id=options["access_key"],
        aws_secret_access_key=options["secret_key"],
    ).Bucket(options["bucket_name"])


class Browser:
    """A person's browser: cookies kept across servers, forms sent with their hidden fields."""

    def __init__(self):
        self.session = requests.Session()

    def get(self, url, **kwargs):
        return self.session.get(url, allow_redirects=False, timeout=60, **kwargs)

    def submit(self, url, data, files=None):
        page = self.get(url)
        assert page.status_code == 200, (url, page.status_code)
        field = next(iter(data))
        forms = BeautifulSoup(page.text, "html.parser").find_all("form")
        form = next(f for f in forms if f.find(attrs={"name": field}))
        hidden = {i["name"]: i.get("value", "") for i in form.find_all("input", type="hidden") if i.get("name")}
        return self.session.post(url, data={**hidden, **data}, files=files, allow_redirects=False, timeout=60)

    def log_out(self, server):
        token = self.session.cookies["csrftoken"]
        response = self.session.post(f"{server}/accounts/logout/", data={"csrfmiddlewaretoken": token}, timeout=60)
        assert response.status_code == 200, response.status_code

    def log_in(self, server, user):
        response = self.submit(f"{server}/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD})
        assert response.status_code == 302, response.text[:500]


def test_logged_in_on_one_replica_a_person_carries_on_on_the_other(replicas):
    a, b = replicas.servers
    user = UserFactory()
    browser = Browser()
    assert browser.get(f"{b}/account/").status_code == 302  # not logged in yet
    browser.log_in(a, user)
    page = browser.get(f"{b}/account/")
    assert page.status_code == 200 and user.email in page.text
    browser.log_out(b)
    assert browser.get(f"{a}/account/").status_code == 302


def test_a_file_uploaded_through_one_replica_is_downloaded_through_the_other(replicas):
    a, b = replicas.servers
    applicant = member_of(InstitutionOrganisationFactory())
    outsider = UserFactory()
    browser = Browser()
    browser.log_in(a, applicant)
    data = application_form_data()
    response = browser.submit(f"{a}/institutions/apply/", data, files={"qualification": ("许可证.pdf", PDF)})
    assert response.status_code == 302, response.text[:500]
    document = Institution.objects.get(organisation=applicant.organisation).documents.get()

    download = browser.get(f"{b}/institutions/documents/{document.pk}/")
    assert download.status_code == 200 and download.content == PDF
    other = Browser()
    other.log_in(b, outsider)
    assert other.get(f"{a}/institutions/documents/{document.pk}/").status_code == 404
    # In the bucket, a private object, under the name the database holds.
    assert _bucket().Object(f"{replicas.prefix}/private/{document.file.name}").content_length == len(PDF)


def test_the_request_limit_counts_requests_to_both_replicas(replicas):
    a, b = replicas.servers
    answers = [requests.get(f"{server}/api/v1/policies/", timeout=60).status_code for server in (a, b, a)]
    assert answers == [200] * API_RATE
    over = [requests.get(f"{server}/api/v1/policies/", timeout=60) for server in (b, a)]
    assert [response.status_code for response in over] == [429, 429]
    assert all("Retry-After" in response.headers for response in over)
