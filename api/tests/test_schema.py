"""The OpenAPI document and its documentation pages, in Chinese and English; and the contract tests:
Schemathesis generates requests from the document and checks every answer against it."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from config.wsgi import application

pytestmark = pytest.mark.django_db


def test_the_schema_is_openapi_3_in_chinese_and_english(api, world):
    chinese = api.get(reverse("api:schema"), {"format": "json"}).json()
    english = api.get(reverse("api:schema"), {"format": "json", "lang": "en"}).json()
    assert chinese["openapi"].startswith("3.")
    assert chinese["info"]["title"] == "连云港市知识产权公共服务平台开放接口"
    assert english["info"]["title"] == "Lianyungang IP Public Service Platform open API"
    assert english["paths"]["/api/v1/policies/"]["get"]["summary"] == "Policy documents"
    parameters = {p["name"]: p for p in chinese["paths"]["/api/v1/policies/"]["get"]["parameters"]}
    assert {"q", "agency", "year", "validity", "topic", "cursor", "page_size"} <= set(parameters)
    assert parameters["validity"]["schema"]["enum"] == ["valid", "amended", "repealed", "expired"] or set(
        parameters["validity"]["schema"]["enum"]
    ) >= {"valid", "repealed"}


def test_the_docs_pages_load_their_scripts_from_our_own_static_files(api, world):
    for url in (reverse("api:docs"), reverse("api:docs") + "?lang=en"):
        page = api.get(url)
        assert page.status_code == 200
        html = page.content.decode()
        assert "/static/drf_spectacular_sidecar/" in html and "cdn" not in html.lower()
    assert "lang=en" in api.get(reverse("api:docs") + "?lang=en").content.decode()


@pytest.fixture
def wsgi_requests(world):
    """Requests through the WSGI application itself. Django closes the database connection at the end of
    each request when it is not in autocommit, and a test's is not (it is rolled back): as Django's own
    test client does, these requests leave the connection alone."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield application
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_every_answer_matches_the_schema(wsgi_requests):
    """Schemathesis reads the schema from the running application and, for every operation, sends requests
    generated from it (a bounded number each), checking status codes, content types, headers and bodies
    against what the schema says. (Its pytest decorator cannot load a schema that needs the database under
    pytest 9, so the operations are driven here with Hypothesis directly.)"""
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", wsgi_requests)
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=6,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            # Two valid bounds can still be refused together (a lower bound above the upper one): a rule of
            # the pages' forms that a schema cannot state, so schema-valid input need not be accepted.
            # The WSGI test client does not undo gzip as an HTTP client does: ask for the body as it is.
            case.call_and_validate(headers={"Accept-Encoding": "identity"}, excluded_checks=[positive_data_acceptance])

        check()
        checked.append(operation.label)
    assert len(checked) == 22, checked
