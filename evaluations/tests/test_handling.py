"""Filing, assigning, accepting, delivering and closing an evaluation request, and who may do each."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from evaluations import handling
from evaluations.access import visible_requests
from evaluations.models import DepartmentMember, EvaluationRequest, RequestEvent
from evaluations.statistics import completed_by_year_and_district, completed_evaluations
from funding.tests.factories import make_patent
from reference.models import ResponsibleUnit
from services.models import Notification
from tests.factories import OrganisationFactory, UserFactory

from .factories import enterprise_owner, evaluating_institution, file_request, manager, pdf

pytestmark = pytest.mark.django_db


def _delivered(owner, institution, staff):
    record = file_request(owner)
    handling.assign(record, staff, institution)
    handling.accept(record, institution.owner)
    return handling.deliver(record, institution.owner, report=pdf(), summary="未发现重大侵权风险。")


def test_a_request_goes_from_filed_to_closed_and_both_sides_are_told(django_capture_on_commit_callbacks):
    owner, institution, staff = enterprise_owner(), evaluating_institution(), manager()
    with django_capture_on_commit_callbacks(execute=True):
        record = _delivered(owner, institution, staff)
        handling.close(record, owner)
    record.refresh_from_db()
    assert record.status == EvaluationRequest.Status.CLOSED
    assert record.report_name == "report.pdf" and record.report.read().startswith(b"%PDF")
    assert not record.report.name.endswith("report.pdf"), "the stored name carries no user text"
    assert list(record.events.values_list("action", flat=True)) == [
        "filed",
        "assigned",
        "accepted",
        "delivered",
        "closed",
    ]
    assert Notification.objects.filter(organisation=owner.organisation).count() == 5
    assert Notification.objects.filter(organisation=institution.organisation).count() == 4
    assert any(owner.email in message.to for message in mail.outbox)
    assert any(institution.owner.email in message.to for message in mail.outbox)


def test_filing_keeps_the_registers_figures_for_the_fields():
    holder = OrganisationFactory()
    patent = make_patent(holder)
    patent.ipc_main = "C03B 20/00"
    patent.save(update_fields=["ipc_main"])
    record = file_request(enterprise_owner(), ipc_fields=["C03B"])
    [figures] = record.field_analysis["fields"]
    assert figures["ipc"] == "C03B" and figures["patents"] == 1
    assert figures["per_year"] == [[patent.filing_date.year, 1]]


def test_another_organisation_cannot_see_a_request_or_its_report(client):
    owner, institution, staff = enterprise_owner(), evaluating_institution(), manager()
    record = _delivered(owner, institution, staff)
    stranger = enterprise_owner()
    other_institution = evaluating_institution()
    for outsider in (stranger, other_institution.owner, UserFactory()):
        assert not visible_requests(outsider, EvaluationRequest.objects.all()).exists()
        client.force_login(outsider)
        assert client.get(record.get_absolute_url()).status_code == 404
        assert client.get(f"/evaluations/{record.pk}/report/").status_code == 404
    for insider in (owner, institution.owner, staff):
        client.force_login(insider)
        response = client.get(f"/evaluations/{record.pk}/report/")
        assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_an_institution_that_declines_no_longer_sees_the_request():
    owner, institution, staff = enterprise_owner(), evaluating_institution(), manager()
    record = handling.assign(file_request(owner), staff, institution)
    with pytest.raises(handling.EvaluationError):
        handling.decline(record, institution.owner, "  ")
    handling.decline(record, institution.owner, "本所近期无法承接。")
    record.refresh_from_db()
    assert record.status == EvaluationRequest.Status.FILED and record.institution is None
    assert not visible_requests(institution.owner, EvaluationRequest.objects.all()).exists()


def test_the_owner_chooses_an_institution_but_another_enterprise_cannot():
    owner, institution = enterprise_owner(), evaluating_institution()
    record = file_request(owner)
    with pytest.raises(handling.EvaluationError, match="无权"):
        handling.assign(record, enterprise_owner(), institution)
    handling.assign(record, owner, institution)
    assert EvaluationRequest.objects.get(pk=record.pk).institution == institution


def test_only_an_institution_offering_evaluation_can_be_assigned():
    from services.tests.factories import InstitutionFactory

    record = file_request(enterprise_owner())
    with pytest.raises(handling.EvaluationError, match="评议服务"):
        handling.assign(record, manager(), InstitutionFactory())
    assert EvaluationRequest.objects.get(pk=record.pk).status == EvaluationRequest.Status.FILED


def test_a_repeated_step_acts_once():
    owner, institution, staff = enterprise_owner(), evaluating_institution(), manager()
    record = handling.assign(file_request(owner), staff, institution)
    handling.accept(record, institution.owner)
    with pytest.raises(handling.EvaluationError) as repeat:
        handling.accept(EvaluationRequest.objects.get(pk=record.pk), institution.owner)
    assert repeat.value.already
    assert RequestEvent.objects.filter(request=record, action="accepted").count() == 1


def test_a_report_that_is_not_a_pdf_is_refused_and_nothing_changes():
    owner, institution, staff = enterprise_owner(), evaluating_institution(), manager()
    record = handling.accept(handling.assign(file_request(owner), staff, institution), institution.owner)
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf")
    with pytest.raises(handling.EvaluationError):
        handling.deliver(record, institution.owner, report=fake, summary="摘要")
    record.refresh_from_db()
    assert record.status == EvaluationRequest.Status.ACCEPTED and not record.report


def test_the_owner_returns_a_report_and_it_stops_counting_until_delivered_again():
    owner, institution, staff = enterprise_owner(), evaluating_institution(), manager()
    record = _delivered(owner, institution, staff)
    assert completed_evaluations().count() == 1
    handling.return_report(record, owner, "请补充竞争对手专利分析。")
    assert completed_evaluations().count() == 0
    record = handling.deliver(record, institution.owner, report=pdf("v2.pdf"), summary="补充后结论不变。")
    assert completed_evaluations().count() == 1
    district = owner.organisation.district
    assert completed_evaluations().count(district=district) == 1
    [(year, name, n)] = completed_by_year_and_district()
    assert year == record.delivered_at.year
    assert (name, n) == (district.name, 1)


def test_a_department_files_for_its_unit_and_its_people_are_told_by_email(django_capture_on_commit_callbacks):
    unit = ResponsibleUnit.objects.get(code="fagaiwei")
    filer, colleague = UserFactory(), UserFactory()
    DepartmentMember.objects.create(user=filer, unit=unit)
    DepartmentMember.objects.create(user=colleague, unit=unit)
    with django_capture_on_commit_callbacks(execute=True):
        record = file_request(filer, decision="investment")
    assert record.unit == unit and record.organisation is None and record.district is None
    assert visible_requests(colleague, EvaluationRequest.objects.all()).get() == record
    assert any(colleague.email in message.to for message in mail.outbox)


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"project_name": " "}, "项目名称"),
        ({"deadline": timezone.localdate()}, "晚于今天"),
        ({"decision": "bribery"}, "决策事项"),
        ({"ipc_fields": ["H01L", "Q99Z"]}, "Q99Z"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_filed(changes, message):
    with pytest.raises(handling.EvaluationError, match=message):
        file_request(enterprise_owner(), **changes)
    assert not EvaluationRequest.objects.exists()


def test_an_institution_member_cannot_file_a_request():
    institution = evaluating_institution()
    with pytest.raises(handling.EvaluationError, match="企业用户"):
        file_request(institution.owner)
