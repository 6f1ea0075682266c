"""The special-funds records of the authorisation matrix's world (`tests/authorisation_world.py`).

Enterprise A has a draft (with a patent, a file and its details filled in), a submitted application, an
approved one and a publicised one with an objection; the superuser reviews the programme; a second
programme is still a draft."""

from decimal import Decimal

from funding import applications
from funding.models import BudgetYear, ItemType, Programme
from funding.tests.factories import make_patent, make_programme


def add_funding(w, pdf):
    root = w.users["superuser"]
    a = w.users["enterprise_a"]
    w.programme = make_programme(title="专利资助（矩阵）", budget="1000000", cap="1000000", reviewers=[root])
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
        applications.approve(record, root)
    w.funding_batch = applications.publicise(w.programme, [w.funding_publicised], root, title="公示（矩阵）")
    w.funding_objection = applications.lodge_objection(
        w.funding_publicised, name="异议人", contact="139", reason="矩阵异议"
    )
    w.funding_draft = application([make_patent(w.ent_a)])
    w.funding_item = w.funding_draft.items.get()
    w.funding_spare_patent = make_patent(w.ent_a)
    w.funding_attachment = applications.add_attachment(w.funding_draft, a, title="授权证书", uploaded=pdf("cert.pdf"))
    w.budget_year = BudgetYear.objects.create(
        year=2015, general_expenditure=Decimal("9000000000"), source_note="市财政局（矩阵）", entered_by=root
    )
    for record in (w.funding_submitted, w.funding_approved, w.funding_publicised, w.funding_draft):
        record.refresh_from_db()
