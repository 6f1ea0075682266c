import pytest
from django.contrib.auth.hashers import check_password
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Organisation
from rights.cases import normalise_code
from rights.models import Action, Case, Status
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

from .factories import pdf, photo, png_bytes
from .helpers import assistance_data, report_data, started

pytestmark = pytest.mark.django_db


@pytest.mark.files
def test_anonymous_report_with_a_photo_gets_a_tracking_number_and_a_secret_shown_once(client, settings):
    response = client.post(reverse("rights:report"), report_data(evidence=[photo("假冒白酒.png"), pdf()]))
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.kind == Case.Kind.REPORT and case.status == Status.RECEIVED
    assert case.submitter is None and case.district.name == "海州区"
    assert case.steps.get().action == Action.SUBMIT

    receipt = client.get(response["Location"]).content.decode()
    assert case.tracking_number in receipt
    secret = receipt.split('id="tracking-secret">')[1].split("<")[0]
    # Only a hash is stored, and it matches the secret shown.
    assert secret not in case.secret_hash
    assert check_password(normalise_code(secret), case.secret_hash)
    # Shown once: a reload no longer carries it.
    again = client.get(reverse("rights:submitted"))
    assert again.status_code == 302 and secret not in again.content.decode()

    photo_evidence, pdf_evidence = case.evidence.all()
    assert photo_evidence.original_name == "假冒白酒.png" and photo_evidence.content_type == "image/png"
    assert pdf_evidence.content_type == "application/pdf"
    assert len(photo_evidence.sha256) == 64
    # Stored in the private storage (a folder or the bucket), with a name that carries nothing the submitter wrote.
    assert storages["private"].exists(photo_evidence.file.name)
    assert not storages["default"].exists(photo_evidence.file.name)
    assert "假冒" not in photo_evidence.file.name


def test_logged_in_report_needs_no_secret_and_appears_in_my_cases(client):
    user = UserFactory(name="赵敏")
    client.force_login(user)
    form_page = client.get(reverse("rights:report")).content.decode()
    assert user.email in form_page  # contact prefilled
    response = client.post(reverse("rights:report"), report_data(contact_email=user.email))
    case = Case.objects.get()
    assert case.submitter == user and case.secret_hash == ""
    receipt = client.get(response["Location"]).content.decode()
    assert case.tracking_number in receipt and "tracking-secret" not in receipt
    mine = client.get(reverse("rights:my_cases")).content.decode()
    assert case.tracking_number in mine


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("evil.jpg", b"MZ\x90\x00" + b"\x00" * 200, "image/jpeg"), "内容与其扩展名不符"),
        (SimpleUploadedFile("notes.txt", b"hello", "text/plain"), "不支持的文件类型"),
        # Starts like a PNG (the sniffer is satisfied) but does not decode.
        (SimpleUploadedFile("broken.png", png_bytes()[:40], "image/png"), "无法打开"),
    ],
)
def test_bad_evidence_is_refused_and_what_was_typed_is_kept(client, upload, message):
    response = client.post(reverse("rights:report"), report_data(evidence=[upload]))
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "该商行销售假冒“汤沟”白酒" in page
    assert not Case.objects.exists()


def test_oversized_evidence_is_refused(client, monkeypatch):
    from rights.forms import ReportForm

    monkeypatch.setattr(ReportForm.base_fields["evidence"], "max_bytes", 50)
    response = client.post(reverse("rights:report"), report_data(evidence=[photo()]))
    assert "文件过大" in response.content.decode()
    assert not Case.objects.exists()


def test_too_many_files_are_refused(client):
    files = [photo(f"p{i}.png") for i in range(7)]
    response = client.post(reverse("rights:report"), report_data(evidence=files))
    assert "最多上传 6 个文件" in response.content.decode()
    assert not Case.objects.exists()


def test_missing_required_fields_and_future_date_are_explained(client):
    response = client.post(reverse("rights:report"), report_data(infringer="", occurred_on="2999-01-01"))
    page = response.content.decode()
    assert "发生时间不能晚于今天" in page
    assert "必需字段" in page
    assert not Case.objects.exists()


def test_filled_honeypot_creates_nothing_and_says_nothing_specific(client):
    response = client.post(reverse("rights:report"), report_data(website="http://spam.example"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "提交未能完成，请核对填写的内容后再次提交" in page
    assert "该商行销售假冒“汤沟”白酒" in page  # a person who tripped it keeps their text
    assert not Case.objects.exists()


@pytest.mark.parametrize("started_value", ["", "forged-value", "just now"])
def test_forms_sent_back_too_fast_or_with_a_forged_time_create_nothing(client, started_value):
    if started_value == "just now":
        started_value = started(seconds_ago=0)
    response = client.post(reverse("rights:report"), report_data(started=started_value))
    assert "提交未能完成" in response.content.decode()
    assert not Case.objects.exists()


def test_honeypot_is_hidden_from_people_and_assistive_technology(client):
    page = client.get(reverse("rights:report")).content.decode()
    assert 'class="rights-hp" aria-hidden="true"' in page
    assert 'tabindex="-1"' in page


def test_anonymous_reports_are_rate_limited_by_address(client, settings):
    settings.RIGHTS_ANONYMOUS_REPORTS_PER_HOUR = 2
    for _ in range(2):
        assert client.post(reverse("rights:report"), report_data()).status_code == 302
    response = client.post(reverse("rights:report"), report_data(), REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 429
    assert "提交的匿名举报过多" in response.content.decode()
    assert Case.objects.count() == 2
    # Another address is not affected.
    assert client.post(reverse("rights:report"), report_data(), REMOTE_ADDR="10.1.2.3").status_code == 302
    # Nor is a logged-in reporter at the limited address.
    client.force_login(UserFactory())
    assert client.post(reverse("rights:report"), report_data()).status_code == 302
    assert Case.objects.count() == 4


def test_refused_or_trapped_submissions_do_not_use_up_the_rate_limit(client, settings):
    settings.RIGHTS_ANONYMOUS_REPORTS_PER_HOUR = 1
    client.post(reverse("rights:report"), report_data(description=""))
    client.post(reverse("rights:report"), report_data(website="x"))
    assert client.post(reverse("rights:report"), report_data()).status_code == 302


def test_enterprise_requests_assistance_with_a_court_date(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    response = client.post(reverse("rights:assistance"), assistance_data(evidence=[pdf("起诉状.pdf")]))
    case = Case.objects.get()
    assert response["Location"] == reverse("rights:my_case", args=[case.tracking_number])
    assert case.kind == Case.Kind.ASSISTANCE and case.tracking_number.startswith("YZ")
    assert case.organisation == membership.organisation
    assert case.district == membership.organisation.district
    assert str(case.deadline) == "2030-06-18" and case.deadline_note == "市中级人民法院开庭"
    assert case.evidence.get().original_name == "起诉状.pdf"
    page = client.get(response["Location"]).content.decode()
    assert case.tracking_number in page and "已接收" in page


def test_assistance_needs_an_enterprise_account(client):
    client.force_login(UserFactory())
    response = client.get(reverse("rights:assistance"))
    assert response.status_code == 403
    assert "登记企业" in response.content.decode()
    institution = OrganisationFactory(kind=Organisation.Kind.INSTITUTION)
    member = MembershipFactory(organisation=institution).user
    client.force_login(member)
    assert client.post(reverse("rights:assistance"), assistance_data()).status_code == 403
    assert not Case.objects.exists()


def test_assistance_asks_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("rights:assistance"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_assistance_deadline_note_without_a_date_is_explained(client):
    client.force_login(MembershipFactory().user)
    response = client.post(reverse("rights:assistance"), assistance_data(deadline=""))
    assert "请填写期限说明所对应的日期" in response.content.decode()
    assert not Case.objects.exists()
