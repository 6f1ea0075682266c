"""The loan-interest subsidy (贴息): the lender's facts, the platform's computation, one subsidy per loan."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from accounts.roles import PLATFORM_OPERATORS
from funding import applications, interest
from funding.applications import FundingError
from funding.models import ApplicationItem, ItemType
from listings import financing
from listings.models import PledgeLoan
from listings.postings import PostingError
from tests.factories import staff_in

from .factories import applicant, finance, granted_case, lender, make_loan, make_programme, manager, reviewer

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
YEAR_2025 = {"covers_from": date(2025, 1, 1), "covers_to": date(2025, 12, 31)}


@pytest.fixture(autouse=True)
def in_may_2026():
    """Every date below is hand-counted: the tests run on 10 May 2026, applying for the 2025 interest."""
    with time_machine.travel(datetime(2026, 5, 10, 10, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False):
        yield


def _loan(principal, rate, start, end, paid_to):
    facts = {"start_date": start, "end_date": end, "interest_paid_to": paid_to}
    return PledgeLoan(principal=Decimal(principal), annual_rate=Decimal(rate), **facts)


def _subsidy(loan, percentage="50", cap=None):
    return interest.subsidy(loan, date(2025, 1, 1), date(2025, 12, 31), Decimal(percentage), cap)


def test_a_loan_running_past_the_window_counts_its_days_inside_it_actual_360():
    # 1 July to 31 December 2025 is 184 days; 1,000,000 × 4.35% × 184 / 360 = 22,233.333… → 22,233.33;
    # half of it is 11,116.665 → 11,116.67.
    computed = _subsidy(_loan("1000000", "4.35", date(2025, 7, 1), date(2026, 7, 1), date(2026, 4, 1)))

    assert (computed.first_day, computed.last_day, computed.days) == (date(2025, 7, 1), date(2025, 12, 31), 184)
    assert computed.interest == Decimal("22233.33")
    assert computed.amount == Decimal("11116.67")


def test_a_loan_begun_before_the_window_counts_from_the_window_and_not_its_last_day():
    # 1 January to 14 April 2025 (the repayment day 15 April bears none): 31 + 28 + 31 + 14 = 104 days;
    # 2,000,000 × 3.65% × 104 / 360 = 21,088.888… → 21,088.89; half is 10,544.445 → 10,544.45.
    computed = _subsidy(_loan("2000000", "3.65", date(2024, 10, 15), date(2025, 4, 15), date(2025, 4, 15)))

    assert computed.days == 104
    assert computed.interest == Decimal("21088.89")
    assert computed.amount == Decimal("10544.45")


def test_only_interest_paid_so_far_counts():
    # Paid to 1 March: January and February, 59 days; 2,000,000 × 3.65% × 59 / 360 = 11,963.888… → 11,963.89.
    computed = _subsidy(_loan("2000000", "3.65", date(2024, 10, 15), date(2025, 10, 15), date(2025, 3, 1)))

    assert computed.days == 59
    assert computed.interest == Decimal("11963.89")
    assert computed.amount == Decimal("5981.95")
    assert _subsidy(_loan("2000000", "3.65", date(2024, 10, 15), date(2025, 10, 15), None)).amount == 0


def test_the_subsidy_is_held_to_the_cap_per_loan():
    computed = _subsidy(
        _loan("1000000", "4.35", date(2025, 7, 1), date(2026, 7, 1), date(2026, 4, 1)), "100", Decimal("20000")
    )

    assert computed.uncapped == Decimal("22233.33") and computed.amount == Decimal("20000.00") and computed.capped


def test_a_loan_item_carries_the_platforms_amount_and_how_it_was_computed():
    user = applicant()
    loan = make_loan(user.organisation, start=date(2025, 7, 1), end=date(2026, 7, 1), paid_to=date(2026, 4, 1))
    programme = make_programme(**YEAR_2025)
    application = applications.start_application(programme, user)
    applications.save_details(
        application, user, bank_account_name="甲方", bank_name="工商银行", bank_account="6222", declaration=True
    )

    item = applications.add_item(application, user, ItemType.LOAN_INTEREST, loan=loan)
    applications.submit(application, user)

    application.refresh_from_db()
    assert item.eligible and item.amount == Decimal("11116.67")
    assert "184 天" in item.basis_text and "22233.33" in item.basis_text and "实际天数/360" in item.basis_text
    assert application.requested_amount == Decimal("11116.67")


def test_a_loan_item_is_explained_when_the_applicant_is_not_the_borrower_or_no_paid_day_is_in_the_window():
    user = applicant()
    programme = make_programme(**YEAR_2025)
    application = applications.start_application(programme, user)
    someone_elses = make_loan(
        applicant().organisation, start=date(2025, 7, 1), end=date(2026, 7, 1), paid_to=date(2026, 4, 1)
    )
    too_late = make_loan(user.organisation, start=date(2026, 1, 5), end=date(2027, 1, 5), paid_to=date(2026, 4, 5))
    unpaid = make_loan(user.organisation, start=date(2025, 7, 1), end=date(2026, 7, 1), paid_to=None)

    reasons = {
        loan.pk: " ".join(applications.add_item(application, user, ItemType.LOAN_INTEREST, loan=loan).reasons)
        for loan in (someone_elses, too_late, unpaid)
    }

    assert "不是该笔贷款的借款人" in reasons[someone_elses.pk]
    assert "不在本项目受理的 2025-01-01 至 2025-12-31 之内" in reasons[too_late.pk]
    assert "尚未登记已付利息" in reasons[unpaid.pk]
    assert not application.items.filter(eligible=True).exists()


def test_a_loan_subsidised_in_one_programme_is_refused_in_any_other_and_by_the_database():
    user = applicant()
    loan = make_loan(user.organisation, start=date(2025, 7, 1), end=date(2026, 7, 1), paid_to=date(2026, 4, 1))
    first = applications.start_application(make_programme(**YEAR_2025), user)
    applications.save_details(
        first, user, bank_account_name="甲方", bank_name="工商银行", bank_account="6222", declaration=True
    )
    applications.add_item(first, user, ItemType.LOAN_INTEREST, loan=loan)
    applications.submit(first, user)

    second = applications.start_application(make_programme(**YEAR_2025), user)
    item = applications.add_item(second, user, ItemType.LOAN_INTEREST, loan=loan)

    assert not item.eligible and "每笔贷款只贴息一次" in " ".join(item.reasons)
    with pytest.raises(IntegrityError), transaction.atomic():
        ApplicationItem.objects.filter(pk=item.pk).update(holds_claim=True)


# --- the lender's facts ------------------------------------------------------------------------------


def _facts(**changes):
    return {
        "principal": Decimal("1000000"),
        "annual_rate": Decimal("4.35"),
        "start_date": date(2025, 7, 1),
        "end_date": date(2026, 7, 1),
        "interest_paid_to": date(2026, 4, 1),
        **changes,
    }


def test_only_the_lender_records_the_loans_facts_never_the_borrower_or_staff():
    borrower, bank_user = applicant(), lender()
    case = granted_case(borrower.organisation, bank_user)

    for person in (borrower, staff_in(PLATFORM_OPERATORS), manager()):
        with pytest.raises(PostingError, match="只能由放款的金融机构登记"):
            financing.record_loan(case, person, **_facts())
    assert not PledgeLoan.objects.filter(case=case).exists()

    loan = financing.record_loan(case, bank_user, **_facts())
    assert loan.principal == Decimal("1000000") and loan.recorded_by == bank_user


def test_the_borrower_cannot_set_the_facts_through_the_page_and_the_lender_can(client):
    borrower, bank_user = applicant(), lender()
    case = granted_case(borrower.organisation, bank_user)
    loan = financing.record_loan(case, bank_user, **_facts())
    form = {"principal": "9000000", "annual_rate": "9", "start_date": "2025-01-01", "end_date": "2026-07-01"}

    client.force_login(borrower)
    page = client.get(f"/listings/cases/{case.pk}/").content.decode()
    assert 'id="loan-facts"' in page and "1000000.00" in page and 'id="loan-form"' not in page
    assert client.post(f"/listings/cases/{case.pk}/loan/", form).status_code == 400
    loan.refresh_from_db()
    assert loan.principal == Decimal("1000000.00")

    client.force_login(bank_user)
    assert client.post(f"/listings/cases/{case.pk}/loan/", form).status_code == 302
    loan.refresh_from_db()
    assert loan.principal == Decimal("9000000.00") and loan.interest_paid_to is None


def test_loan_facts_are_refused_when_they_do_not_hold_together():
    bank_user = lender()
    case = granted_case(applicant().organisation, bank_user)
    with pytest.raises(PostingError, match="到期日须晚于起息日"):
        financing.record_loan(case, bank_user, **_facts(end_date=date(2025, 6, 1)))
    with pytest.raises(PostingError, match="利息已付至"):
        financing.record_loan(case, bank_user, **_facts(interest_paid_to=date(2026, 5, 11)))
    with pytest.raises(PostingError, match="年利率"):
        financing.record_loan(case, bank_user, **_facts(annual_rate=Decimal("0")))


def test_facts_wait_for_the_loan_to_be_granted():
    from listings.tests.factories import FinancingNeedFactory

    bank_user = lender()
    case = financing.take_up_need(FinancingNeedFactory(organisation=applicant().organisation), bank_user)
    with pytest.raises(PostingError, match="放款登记后"):
        financing.record_loan(case, bank_user, **_facts())


def test_a_loan_document_is_checked_by_content_and_read_only_by_the_two_parties(client):
    borrower, bank_user = applicant(), lender()
    case = granted_case(borrower.organisation, bank_user)
    loan = financing.record_loan(case, bank_user, **_facts())
    with pytest.raises(PostingError, match="内容与其扩展名不符"):
        financing.add_loan_document(
            loan, bank_user, "contract", "合同", SimpleUploadedFile("contract.pdf", b"MZ\x90\x00 not a pdf")
        )
    document = financing.add_loan_document(
        loan, bank_user, "interest_receipt", "一季度利息回单", SimpleUploadedFile("回单.pdf", PDF)
    )
    assert document.original_name == "回单.pdf" and "回单" not in document.file.name
    url = f"/listings/cases/{case.pk}/loan/documents/{document.pk}/"

    client.force_login(borrower)
    assert client.get(url).status_code == 200
    # Operators read every financing case, but not the loan's facts and receipts.
    client.force_login(staff_in(PLATFORM_OPERATORS))
    assert client.get(url).status_code == 404
    assert "1000000.00" not in client.get(f"/listings/cases/{case.pk}/").content.decode()


def test_the_loans_facts_show_on_the_application_to_its_reviewers_and_finance_not_to_managers(client):
    user, person = applicant(), reviewer()
    bank_user = lender()
    loan = make_loan(
        user.organisation, bank_user=bank_user, start=date(2025, 7, 1), end=date(2026, 7, 1), paid_to=date(2026, 4, 1)
    )
    document = financing.add_loan_document(loan, bank_user, "contract", "借款合同", SimpleUploadedFile("c.pdf", PDF))
    application = applications.start_application(make_programme(reviewers=[person], **YEAR_2025), user)
    applications.save_details(
        application, user, bank_account_name="甲方", bank_name="工商银行", bank_account="6222", declaration=True
    )
    applications.add_item(application, user, ItemType.LOAN_INTEREST, loan=loan)
    applications.submit(application, user)
    document_url = f"/funding/applications/{application.pk}/loan-documents/{document.pk}/"

    for reader in (person, finance(), user):
        client.force_login(reader)
        page = client.get(application.get_absolute_url()).content.decode()
        assert 'id="loan-facts"' in page and "1000000.00" in page
        assert client.get(document_url).status_code == 200
    client.force_login(manager())
    assert "1000000.00" not in client.get(application.get_absolute_url()).content.decode()
    assert client.get(document_url).status_code == 403


# --- four eyes ---------------------------------------------------------------------------------------


def test_the_reviewer_who_took_the_first_review_may_not_take_the_second(client):
    user, first, second = applicant(), reviewer(), reviewer()
    loan = make_loan(user.organisation, start=date(2025, 7, 1), end=date(2026, 7, 1), paid_to=date(2026, 4, 1))
    application = applications.start_application(make_programme(reviewers=[first, second], **YEAR_2025), user)
    applications.save_details(
        application, user, bank_account_name="甲方", bank_name="工商银行", bank_account="6222", declaration=True
    )
    applications.add_item(application, user, ItemType.LOAN_INTEREST, loan=loan)
    applications.submit(application, user)
    applications.accept(application, first)
    applications.pass_first_review(application, first)

    client.force_login(first)
    page = client.get(application.get_absolute_url()).content.decode()
    assert 'id="approve-refusal"' in page and "四眼原则" in page and 'value="approved"' not in page
    with pytest.raises(FundingError, match="复核须由另一位审核人员办理"):
        applications.approve(application, first)
    client.post(f"/funding/applications/{application.pk}/review/", {"action": "approved"})
    application.refresh_from_db()
    assert application.status == application.Status.FIRST_PASSED

    client.force_login(second)
    page = client.get(application.get_absolute_url()).content.decode()
    assert 'id="approve-refusal"' not in page and 'value="approved"' in page
    applications.approve(application, second)
    application.refresh_from_db()
    assert application.status == application.Status.APPROVED
    assert application.approved_amount == Decimal("11116.67")


def test_after_a_return_the_new_first_reviewer_is_the_one_kept_from_the_second_review():
    user, first, second = applicant(), reviewer(), reviewer()
    loan = make_loan(user.organisation, start=date(2025, 7, 1), end=date(2026, 7, 1), paid_to=date(2026, 4, 1))
    application = applications.start_application(make_programme(reviewers=[first, second], **YEAR_2025), user)
    applications.save_details(
        application, user, bank_account_name="甲方", bank_name="工商银行", bank_account="6222", declaration=True
    )
    applications.add_item(application, user, ItemType.LOAN_INTEREST, loan=loan)
    applications.submit(application, user)
    applications.accept(application, first)
    applications.pass_first_review(application, first)
    applications.return_for_correction(application, second, "请补充利息回单")
    applications.submit(application, user)
    applications.accept(application, second)
    applications.pass_first_review(application, second)

    with pytest.raises(FundingError, match="四眼原则"):
        applications.approve(application, second)
    applications.approve(application, first)
