"""The special-funds records of the authorisation matrix's world (`tests/authorisation_world.py`).

Enterprise A has a draft (with a patent, its granted pledge loan, a file and its details filled in), a
submitted application, an approved one and a publicised one with an objection; the superuser reviews the
programme, 复核 is taken by a second reviewer (four eyes); a second programme is still a draft. The bank
granted A's loan (`w.loan_case`) and recorded its facts with the contract (`w.loan`, `w.loan_document`)."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.roles import FUNDING_REVIEWERS
from funding import applications
from funding.models import BudgetYear, ItemType, Programme
from funding.tests.factories import granted_case, make_patent, make_programme
from listings import financing
from tests.factories import staff_in


def add_funding(w, pdf):
    root = w.users["superuser"]
    a = w.users["enterprise_a"]
    checker = staff_in(FUNDING_REVIEWERS, email="funding-check@matrix.example")
    w.programme = make_programme(title="专利资助（矩阵）", budget="1000000", cap="1000000", reviewers=[root, checker])
    w.draft_programme = make_programme(title="贯标资助（矩阵）", status=Programme.Status.DRAFT)

    def application(patents):
        record = applications.start_application(w.programme, a)
        applications.save_details(
            record, a, bank_account_name="甲方", bank_name="工商银行", bank_account="6222", declaration=True
        )
        for patent in patents:
            applications.add_item(record, a, ItemType.INVENTION_GRANT, patent=patent)
        return record

    w.funding_submitted = application([make_patent(w.ent_a)])
    applications.submit(w.funding_submitted, a)
    w.funding_approved = application([make_patent(w.ent_a)])
    applications.submit(w.funding_approved, a)
    w.funding_publicised = application([make_patent(w.ent_a)])
    applications.submit(w.funding_publicised, a)
    for record in (w.funding_approved, w.funding_publicised):
        applications.accept(record, root)
        applications.pass_first_review(record, root)
        applications.approve(record, checker)
    w.funding_batch = applications.publicise(w.programme, [w.funding_publicised], root, title="公示（矩阵）")
    w.funding_objection = applications.lodge_objection(
        w.funding_publicised, name="异议人", contact="139", reason="矩阵异议"
    )
    w.funding_draft = application([make_patent(w.ent_a)])
    w.funding_item = w.funding_draft.items.get()
    today = timezone.localdate()
    bank_user = w.users["lender"]
    w.loan_case = granted_case(w.ent_a, bank_user)
    w.loan = financing.record_loan(
        w.loan_case,
        bank_user,
        principal=Decimal("3000000"),
        annual_rate=Decimal("4.35"),
        start_date=max(today - timedelta(days=200), date(today.year - 1, 1, 1)),
        end_date=today + timedelta(days=165),
        interest_paid_to=today,
    )
    w.loan_document = financing.add_loan_document(w.loan, bank_user, "contract", "借款合同", pdf("contract.pdf"))
    applications.add_item(w.funding_draft, a, ItemType.LOAN_INTEREST, loan=w.loan)
    w.funding_spare_patent = make_patent(w.ent_a)
    w.funding_attachment = applications.add_attachment(w.funding_draft, a, title="授权证书", uploaded=pdf("cert.pdf"))
    w.budget_year = BudgetYear.objects.create(
        year=2015, general_expenditure=Decimal("9000000000"), source_note="市财政局（矩阵）", entered_by=root
    )
    for record in (w.funding_submitted, w.funding_approved, w.funding_publicised, w.funding_draft):
        record.refresh_from_db()
