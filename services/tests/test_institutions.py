import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from reference.models import District
from services import institutions, statistics
from services.models import Institution, InstitutionEvent, Notification
from tests.factories import MembershipFactory
from tests.private_files import assert_kept_under_a_generated_name

from .factories import InstitutionFactory, InstitutionOrganisationFactory, application_form_data, member_of

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="许可证.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def application_data(**overrides):
    return application_form_data(**{"qualification": pdf(), **overrides})


@pytest.fixture
def applicant(db):
    organisation = InstitutionOrganisationFactory()
    return member_of(organisation)


def test_owner_applies_and_the_application_waits_for_review(
    client, applicant, staff_user, django_capture_on_commit_callbacks
):
    client.force_login(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/institutions/apply/", application_data())
    assert response.status_code == 302
    institution = Institution.objects.get(organisation=applicant.organisation)
    assert institution.status == Institution.Status.PENDING
    assert institution.licence_number == "32231"
    assert institution.documents.count() == 1
    assert InstitutionEvent.objects.filter(institution=institution, to_status="pending", actor=applicant).exists()
    assert not Institution.objects.public().exists()
    assert any(staff_user.email in message.to for message in mail.outbox)
    page = client.get("/institutions/mine/")
    assert "待审核" in page.content.decode()


def test_patent_agency_without_licence_number_is_refused_keeping_input(client, applicant):
    client.force_login(applicant)
    response = client.post("/institutions/apply/", application_data(licence_number=""))
    assert response.status_code == 400
    content = response.content.decode()
    assert "专利代理机构须填写" in content
    assert "连云港市海州区朝阳东路66号" in content
    assert not Institution.objects.exists()


@pytest.mark.parametrize(
    ("code", "message"),
    [("3223", "5位数字"), ("3223a", "5位数字"), ("99231", "省级行政区划代码"), ("10231", "省级行政区划代码")],
)
def test_malformed_agency_code_is_refused(client, applicant, code, message):
    client.force_login(applicant)
    response = client.post("/institutions/apply/", application_data(licence_number=code))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Institution.objects.exists()


def test_a_second_application_with_the_agency_code_of_a_pending_one_is_refused_naming_it(client, applicant):
    pending = InstitutionFactory(
        status=Institution.Status.PENDING, institution_type="patent_agency", licence_number="32231"
    )
    client.force_login(applicant)

    response = client.post("/institutions/apply/", application_data(licence_number="32231"))

    assert response.status_code == 400
    content = response.content.decode()
    assert "32231" in content and pending.name in content and "待审核" in content
    assert not Institution.objects.filter(organisation=applicant.organisation).exists()


def test_an_application_under_the_name_of_a_listed_institution_is_refused_naming_it(client, applicant):
    listed = InstitutionFactory(institution_type="patent_agency", licence_number="32001")
    applicant.organisation.name = listed.name
    applicant.organisation.save()
    client.force_login(applicant)

    response = client.post("/institutions/apply/", application_data())

    assert response.status_code == 400
    assert f"“{listed.name}”已有入驻记录" in response.content.decode()
    assert not Institution.objects.filter(organisation=applicant.organisation).exists()


def test_the_domain_refuses_a_duplicate_agency_code_too(applicant):
    InstitutionFactory(status=Institution.Status.PENDING, institution_type="patent_agency", licence_number="32231")
    listing = {"institution_type": "patent_agency", "licence_number": "32231", "contact_name": "李明"}
    institution = Institution(organisation=applicant.organisation, **listing)

    with pytest.raises(ValidationError) as error:
        institutions.check_listing_rules(institution)
    assert "licence_number" in error.value.message_dict


def test_an_agency_code_of_a_rejected_application_may_be_used_again(client, applicant):
    InstitutionFactory(status=Institution.Status.REJECTED, institution_type="patent_agency", licence_number="32231")
    client.force_login(applicant)

    response = client.post("/institutions/apply/", application_data(licence_number="32231"))

    assert response.status_code == 302


def test_credit_grade_needs_its_year_and_only_fits_patent_agencies(client, applicant):
    client.force_login(applicant)
    response = client.post("/institutions/apply/", application_data(credit_grade_year=""))
    assert "须同时填写" in response.content.decode()
    response = client.post(
        "/institutions/apply/",
        application_data(institution_type="valuation", licence_number="", credit_grade="A", credit_grade_year="2024"),
    )
    assert "仅适用于专利代理机构" in response.content.decode()
    assert not Institution.objects.exists()


def test_qualification_document_must_really_be_pdf_or_image(client, applicant):
    client.force_login(applicant)
    fake = SimpleUploadedFile("许可证.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post("/institutions/apply/", application_data(qualification=fake))
    assert response.status_code == 400
    assert "内容与其扩展名不符" in response.content.decode()
    exe = SimpleUploadedFile("tool.exe", b"MZ", content_type="application/octet-stream")
    response = client.post("/institutions/apply/", application_data(qualification=exe))
    assert "不支持的文件类型" in response.content.decode()
    assert not Institution.objects.exists()


def test_enterprise_cannot_apply_as_an_institution(client, enterprise_user):
    client.force_login(enterprise_user)
    assert client.get("/institutions/apply/").status_code == 403
    assert client.post("/institutions/apply/", application_data()).status_code == 403
    assert not Institution.objects.exists()


def test_plain_member_cannot_apply_for_the_organisation(client, applicant):
    member = MembershipFactory(organisation=applicant.organisation, role="member").user
    client.force_login(member)
    assert client.post("/institutions/apply/", application_data()).status_code == 403


def test_staff_approval_lists_the_institution_and_tells_the_applicant(
    client, applicant, staff_user, django_capture_on_commit_callbacks, search_index
):
    client.force_login(applicant)
    client.post("/institutions/apply/", application_data())
    institution = Institution.objects.get()
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/services/applications/{institution.pk}/approve/", {"reason": ""})
    assert response.status_code == 302
    institution.refresh_from_db()
    assert institution.status == Institution.Status.APPROVED
    assert institution.approved_at is not None
    assert list(Institution.objects.public()) == [institution]
    assert Notification.objects.filter(organisation=applicant.organisation, title__contains="已通过").exists()
    assert applicant.email in mail.outbox[-1].to
    assert institution.name in client.get("/institutions/").content.decode()


def test_rejection_needs_a_reason_which_the_applicant_sees_and_can_resubmit(client, applicant, staff_user):
    client.force_login(applicant)
    client.post("/institutions/apply/", application_data())
    institution = Institution.objects.get()
    with pytest.raises(institutions.InstitutionError):
        institutions.reject(institution, staff_user, "  ")
    institutions.reject(institution, staff_user, "执业许可证复印件不清晰，请重新上传。")
    client.force_login(applicant)
    assert "执业许可证复印件不清晰" in client.get("/institutions/mine/").content.decode()
    # The documents already uploaded are kept, so a resubmission need not upload again.
    data = application_data(description="已补充材料。")
    del data["qualification"]
    assert client.post("/institutions/apply/", data).status_code == 302
    institution.refresh_from_db()
    assert institution.status == Institution.Status.PENDING
    assert list(institution.events.values_list("to_status", flat=True)) == ["pending", "rejected", "pending"]


def test_suspended_institution_disappears_from_directory_and_can_be_reinstated(client, staff_user, search_index):
    institution = InstitutionFactory()
    institutions.suspend(institution, staff_user, "多次投诉，暂停整改。")
    assert not Institution.objects.public().exists()
    assert institution.name not in client.get("/institutions/").content.decode()
    assert client.get(f"/institutions/{institution.pk}/").status_code == 404
    institutions.reinstate(institution, staff_user)
    assert client.get(f"/institutions/{institution.pk}/").status_code == 200


def test_impossible_status_changes_are_refused(staff_user):
    institution = InstitutionFactory(status=Institution.Status.PENDING)
    with pytest.raises(institutions.InstitutionError):
        institutions.suspend(institution, staff_user, "不该发生")
    with pytest.raises(institutions.InstitutionError):
        institutions.reinstate(institution, staff_user)
    institution.refresh_from_db()
    assert institution.status == Institution.Status.PENDING
    assert not institution.events.exists()


def test_non_staff_cannot_review_applications(client, applicant, institution_user):
    institution = InstitutionFactory(status=Institution.Status.PENDING)
    with pytest.raises(institutions.InstitutionError):
        institutions.approve(institution, institution_user)
    client.force_login(institution_user)
    response = client.post(f"/admin/services/applications/{institution.pk}/approve/")
    assert response.status_code in (302, 403)
    institution.refresh_from_db()
    assert institution.status == Institution.Status.PENDING


def test_staff_review_screens_list_pending_applications(client, staff_user, django_assert_max_num_queries):
    for _ in range(5):
        InstitutionFactory(status=Institution.Status.PENDING)
    client.force_login(staff_user)
    with django_assert_max_num_queries(30):
        response = client.get("/admin/services/applications/")
    assert response.status_code == 200
    assert response.content.decode().count("/admin/services/applications/") >= 5


@pytest.mark.files
def test_qualification_documents_are_private(client, applicant, staff_user, outsider):
    client.force_login(applicant)
    client.post("/institutions/apply/", application_data())
    document = Institution.objects.get().documents.get()
    url = f"/institutions/documents/{document.pk}/"
    assert client.get(url).status_code == 200
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(staff_user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.logout()
    assert client.get(url).status_code == 302


def test_statistics_count_approved_institutions_a_paused_listing_included(staff_user):
    InstitutionFactory(institution_type="patent_agency")
    InstitutionFactory(institution_type="patent_agency", is_active=False)
    InstitutionFactory(institution_type="valuation", status=Institution.Status.PENDING)
    InstitutionFactory(institution_type="custody", status=Institution.Status.SUSPENDED)
    institutions = statistics.listed_institutions()
    assert institutions.count() == 2
    assert institutions.count(district=District.objects.get(code="haizhou")) == 2
    assert institutions.count(district=District.objects.get(code="donghai")) == 0


@pytest.mark.files
def test_a_qualification_document_is_stored_under_a_generated_name_and_downloaded_under_its_own(client, applicant):
    client.force_login(applicant)
    licence = SimpleUploadedFile("营业执照-李明.pdf", b"%PDF-1.4\n%%EOF\n")
    client.post("/institutions/apply/", application_data(qualification=licence))
    document = Institution.objects.get().documents.get()
    assert (document.original_name, document.content_type) == ("营业执照-李明.pdf", "application/pdf")
    assert_kept_under_a_generated_name(
        client, document.file, "营业执照-李明.pdf", f"/institutions/documents/{document.pk}/"
    )


def test_a_document_that_is_not_what_its_name_says_is_refused_by_the_application_itself(applicant):
    """The domain checks the bytes, whoever calls it: a form is not the only way in."""
    listing = {"institution_type": "patent_agency", "licence_number": "32231"}
    disguised = SimpleUploadedFile("licence.pdf", b"MZ\x90\x00 not a pdf")
    with pytest.raises(institutions.InstitutionError, match=r"licence\.pdf"):
        institutions.submit_application(
            applicant, applicant.organisation, listing=listing, categories=[], documents=[("执照", disguised)]
        )
    assert not Institution.objects.exists()
