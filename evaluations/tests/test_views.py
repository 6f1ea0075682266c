"""The evaluation pages: filing through the form (bad input explained, nothing filed; a form sent again
lands on the first result), the steps offered to each side, and the report read only by those who may."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from evaluations import handling
from evaluations.models import EvaluationRequest

from .factories import enterprise_owner, evaluating_institution, file_request, manager, pdf

pytestmark = pytest.mark.django_db


def _form(**changes):
    return {
        "submission_key": "a" * 32,
        "project_name": "光伏组件扩产项目",
        "description": "拟投资扩产光伏组件。",
        "decision": "investment",
        "ipc_fields": "H01L 31/18; h02s",
        "deadline": (timezone.localdate() + timedelta(days=15)).isoformat(),
        **changes,
    }


def test_filing_through_the_form_normalises_the_fields_and_a_second_sending_files_nothing(client):
    owner = enterprise_owner()
    client.force_login(owner)
    first = client.post("/evaluations/new/", _form())
    record = EvaluationRequest.objects.get()
    assert first.status_code == 302 and first["Location"] == record.get_absolute_url()
    assert record.ipc_fields == ["H01L 31/18", "H02S"]
    again = client.post("/evaluations/new/", _form())
    assert again.status_code == 302 and again["Location"] == record.get_absolute_url()
    assert EvaluationRequest.objects.count() == 1


@pytest.mark.parametrize(
    "changes, field, fragment",
    [
        ({"ipc_fields": "Q99Z"}, "ipc_fields", "Q99Z"),
        ({"ipc_fields": ""}, "ipc_fields", ""),
        ({"deadline": "2020-01-01"}, "deadline", "晚于今天"),
        ({"decision": "bribery"}, "decision", "bribery"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_filed(client, changes, field, fragment):
    client.force_login(enterprise_owner())
    response = client.post("/evaluations/new/", _form(**changes))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and fragment in " ".join(errors[field])
    assert not EvaluationRequest.objects.exists()


def test_each_side_is_offered_only_its_own_steps(client):
    owner, institution, staff = enterprise_owner(), evaluating_institution(), manager()
    record = handling.assign(file_request(owner), staff, institution)
    client.force_login(owner)
    page = client.get(record.get_absolute_url()).content.decode()
    assert "接受评议" not in page and "交付报告" not in page
    client.force_login(institution.owner)
    page = client.get(record.get_absolute_url()).content.decode()
    assert "接受评议" in page and 'id="assign-form"' not in page


def test_a_report_not_a_pdf_is_refused_on_the_page_and_nothing_is_delivered(client):
    owner, institution, staff = enterprise_owner(), evaluating_institution(), manager()
    record = handling.accept(handling.assign(file_request(owner), staff, institution), institution.owner)
    client.force_login(institution.owner)
    fake = SimpleUploadedFile("report.pdf", b"GIF89a not a report", content_type="application/pdf")
    client.post(f"/evaluations/{record.pk}/deliver/", {"report": fake, "summary": "摘要"})
    record.refresh_from_db()
    assert record.status == EvaluationRequest.Status.ACCEPTED and not record.report


def test_only_the_owner_the_institution_and_staff_open_an_attachment(client):
    owner, institution, staff = enterprise_owner(), evaluating_institution(), manager()
    record = file_request(owner, attachments=[("可研报告", pdf("study.pdf"))])
    handling.assign(record, staff, institution)
    url = f"/evaluations/{record.pk}/attachments/{record.attachments.get().pk}/"
    for outsider in (enterprise_owner(), evaluating_institution().owner):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    for insider in (owner, institution.owner, staff):
        client.force_login(insider)
        assert client.get(url).status_code == 200
