"""The same evaluation form sent twice at once, and two people assigning at once, against a running server
(see tests/test_concurrent_clients.py): each acts once."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from evaluations.models import EvaluationRequest, RequestEvent
from tests.test_concurrent_clients import assert_no_server_error, browser, post, together

from .factories import enterprise_owner, evaluating_institution, file_request, manager

pytestmark = pytest.mark.django_db(transaction=True)


def test_one_request_form_sent_twice_at_once_files_one_request(live_server):
    owner = enterprise_owner()
    url = f"{live_server.url}/evaluations/new/"

    first = browser(live_server, owner)
    key = re.search(r'name="submission_key" value="([0-9a-f]{32})"', first.get(url).text).group(1)
    data = {
        "submission_key": key,
        "project_name": "同时提交的项目",
        "description": "简介",
        "decision": "investment",
        "ipc_fields": "H01L",
        "deadline": (timezone.localdate() + timedelta(days=10)).isoformat(),
    }
    responses = together(lambda i: browser(live_server, owner), lambda i, session: post(session, url, data), 2)

    assert_no_server_error(responses)
    assert {r.status_code for r in responses} == {302}
    assert EvaluationRequest.objects.filter(project_name="同时提交的项目").count() == 1


def test_the_owner_and_staff_assigning_at_once_assign_once(live_server):
    owner, staff = enterprise_owner(), manager()
    first, second = evaluating_institution(), evaluating_institution()
    record = file_request(owner)
    people = [(owner, first), (staff, second)]

    responses = together(
        lambda i: browser(live_server, people[i][0]),
        lambda i, session: post(
            session, f"{live_server.url}/evaluations/{record.pk}/assign/", {"institution": people[i][1].pk}
        ),
        2,
    )

    assert_no_server_error(responses)
    record.refresh_from_db()
    assert record.status == EvaluationRequest.Status.ASSIGNED
    assert RequestEvent.objects.filter(request=record, action="assigned").count() == 1
    assert record.institution in (first, second)
