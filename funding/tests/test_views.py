import io
import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from openpyxl import load_workbook

from funding import applications
from funding.models import Application, ItemType

from .factories import applicant, finance, make_patent, make_programme, reviewer

pytestmark = pytest.mark.django_db


def submitted_application(programme, user):
    """An application for one granted invention patent of the user's organisation, submitted for review."""
    application = applications.start_application(programme, user)
    applications.save_details(
        application,
        user,
        bank_account_name="甲方",
        bank_name="工商银行",
        bank_account="6222 0000 1111",
        declaration=True,
    )
    applications.add_item(application, user, ItemType.INVENTION_GRANT, patent=make_patent(user.organisation))
    applications.submit(application, user)
    return application


@pytest.fixture
def publicised():
    user, person, checker = applicant(), reviewer(), reviewer()
    programme = make_programme(reviewers=[person, checker])
    application = submitted_application(programme, user)
    applications.accept(application, person)
    applications.pass_first_review(application, person)
    applications.approve(application, checker)
    batch = applications.publicise(programme, [application], person, title="公示")
    application.refresh_from_db()
    return application, batch, person


def _sheet_text(response):
    book = load_workbook(io.BytesIO(response.content))
    return " ".join(str(cell.value) for row in book.active.iter_rows() for cell in row if cell.value is not None)


def review_buttons(page):
    """(action, warns) of each reviewer button on an application's page."""
    return [
        (action, "outline-danger" in classes)
        for classes, action in re.findall(r'<button class="([^"]*)" type="submit" name="action" value="([^"]*)">', page)
    ]


def test_a_reviewer_is_offered_the_next_review_step_and_the_setbacks_warn_and_the_checker_only_is_offered_approval(
    client,
):
    user, person, checker = applicant(), reviewer(), reviewer()
    application = submitted_application(make_programme(reviewers=[person, checker]), user)
    client.force_login(person)
    url = application.get_absolute_url()
    assert review_buttons(client.get(url).content.decode()) == [
        ("accepted", False),
        ("returned", True),
        ("rejected", True),
    ]
    applications.accept(application, person)
    applications.pass_first_review(application, person)
    # Four eyes: who passed the first review is not offered the approval; the second reviewer is.
    assert review_buttons(client.get(url).content.decode()) == [("returned", True), ("rejected", True)]
    client.force_login(checker)
    assert review_buttons(client.get(url).content.decode()) == [
        ("approved", False),
        ("returned", True),
        ("rejected", True),
    ]


def test_finance_records_a_payment_with_the_date_the_form_offers(client, publicised):
    application, _batch, _person = publicised
    client.force_login(finance())
    with time_machine.travel(timezone.now() + timedelta(days=8), tick=False):
        page = client.get(application.get_absolute_url()).content.decode()
        offered = timezone.localdate().isoformat()
        assert f'value="{offered}"' in page
        client.post(f"/funding/applications/{application.pk}/pay/", {"amount": "5000.00", "paid_on": offered})
    application.refresh_from_db()
    assert application.status == Application.Status.PAID
    assert application.paid_on.isoformat() == offered


def test_bank_details_are_shown_to_finance_and_not_to_reviewers_or_the_public(client, publicised):
    application, batch, person = publicised
    client.force_login(person)
    assert "6222 0000 1111" not in client.get(application.get_absolute_url()).content.decode()
    assert "6222 0000 1111" not in _sheet_text(client.get(f"/funding/notices/{batch.pk}/notice.xlsx"))
    assert client.get(f"/funding/notices/{batch.pk}/payments.xlsx").status_code == 403

    client.force_login(finance())
    assert "6222 0000 1111" in _sheet_text(client.get(f"/funding/notices/{batch.pk}/payments.xlsx"))


def test_the_public_notice_lists_the_approved_application_and_takes_objections(client, publicised):
    application, batch, _person = publicised
    page = client.get(batch.get_absolute_url()).content.decode()
    assert application.organisation.name in page

    client.post(
        f"/funding/notices/{batch.pk}/object/",
        {"application": application.pk, "name": "李四", "contact": "139", "reason": "存疑"},
    )

    assert application.objections.get().reason == "存疑"


def _upload_attachment(client, name, content):
    """An applicant's draft with one file sent to it through the page."""
    user = applicant()
    application = applications.start_application(make_programme(), user)
    client.force_login(user)
    upload = io.BytesIO(content)
    upload.name = name
    client.post(f"/funding/applications/{application.pk}/attachments/", {"title": "证书", "file": upload})
    return application


def test_an_attachment_that_is_not_what_its_name_says_is_refused(client):
    application = _upload_attachment(client, "certificate.pdf", b"MZ\x90\x00 not a pdf")

    assert not application.attachments.exists()


@pytest.mark.files
def test_an_attachment_is_stored_under_a_generated_name_and_downloaded_under_its_own(client):
    pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    application = _upload_attachment(client, "授权证书 扫描件.pdf", pdf)

    attachment = application.attachments.get()
    assert attachment.original_name == "授权证书 扫描件.pdf"
    assert "授权证书" not in attachment.file.name and attachment.file.name.endswith(".pdf")
    response = client.get(f"/funding/applications/{application.pk}/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert "%E6%8E%88%E6%9D%83%E8%AF%81%E4%B9%A6" in response["Content-Disposition"]
