from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.utils import timezone

from funding import applications
from funding.applications import FundingError
from funding.models import Application, ApplicationItem, BudgetYear, ItemType, Objection
from register.terms import LegalStatus, PatentType
from services.models import Notification
from targets.live import get_rule
from targets.models import DemonstrationCertification

from .factories import applicant, finance, make_patent, make_programme, manager, reviewer

pytestmark = pytest.mark.django_db


def _draft(programme, user, patents, item_type=ItemType.INVENTION_GRANT):
    application = applications.start_application(programme, user)
    applications.save_details(
        application,
        user,
        bank_account_name="甲公司",
        bank_name="工商银行连云港分行",
        bank_account="6222",
        declaration=True,
    )
    for patent in patents:
        applications.add_item(application, user, item_type, patent=patent)
    return application


def _through_review(application, person):
    """受理 and 初审 by `person`, 复核 by a second reviewer of the programme (four eyes)."""
    checker = reviewer()
    application.programme.reviewers.add(checker)
    applications.accept(application, person)
    applications.pass_first_review(application, person)
    return applications.approve(application, checker)


@pytest.fixture
def people():
    checker = reviewer()
    return {"applicant": applicant(), "reviewer": checker, "manager": manager(), "finance": finance()}


def test_each_ineligible_item_is_kept_with_the_reason_and_counts_nothing(people):
    user = people["applicant"]
    organisation = user.organisation
    programme = make_programme(reviewers=[people["reviewer"]])
    other = applicant().organisation
    good = make_patent(organisation)
    someone_elses = make_patent(other)
    lapsed = make_patent(organisation, status=LegalStatus.LAPSED)
    too_old = make_patent(organisation, granted=programme.covers_from - timedelta(days=1))
    utility = make_patent(organisation, patent_type=PatentType.UTILITY_MODEL)

    application = _draft(programme, user, [good, someone_elses, lapsed, too_old, utility])

    items = {item.patent_id: item for item in application.items.all()}
    assert items[good.pk].eligible and items[good.pk].amount == Decimal("5000.00")
    assert "申请（专利权）人不是申请单位" in " ".join(items[someone_elses.pk].reasons)
    assert "已不再有效" in " ".join(items[lapsed.pk].reasons)
    assert "不在本项目受理的" in " ".join(items[too_old.pk].reasons)
    assert "不是发明专利" in " ".join(items[utility.pk].reasons)
    assert all(items[p.pk].amount == 0 for p in (someone_elses, lapsed, too_old, utility))

    applications.submit(application, user)
    application.refresh_from_db()
    assert application.requested_amount == Decimal("5000.00")
    assert list(application.items.filter(holds_claim=True).values_list("patent", flat=True)) == [good.pk]


def test_a_patent_claimed_by_one_application_is_ineligible_in_any_other_programme(people):
    user = people["applicant"]
    patent = make_patent(user.organisation)
    first = _draft(make_programme(), user, [patent])
    applications.submit(first, user)

    second = _draft(make_programme(), user, [patent])

    item = second.items.get()
    assert not item.eligible
    assert "任一专利只资助一次" in " ".join(item.reasons)
    with pytest.raises(FundingError, match="没有符合条件的事项"):
        applications.submit(second, user)


def test_the_database_refuses_a_second_claim_on_one_patent(people):
    user = people["applicant"]
    patent = make_patent(user.organisation)
    first = _draft(make_programme(), user, [patent])
    applications.submit(first, user)
    second = applications.start_application(make_programme(), user)

    with pytest.raises(IntegrityError), transaction.atomic():
        ApplicationItem.objects.create(
            application=second, item_type=ItemType.INVENTION_GRANT, patent=patent, eligible=True, holds_claim=True
        )


def test_a_rejected_application_frees_its_patents_for_another_application(people):
    user, person = people["applicant"], people["reviewer"]
    patent = make_patent(user.organisation)
    programme = make_programme(reviewers=[person])
    first = _draft(programme, user, [patent])
    applications.submit(first, user)
    applications.reject(first, person, "材料不全")

    second = _draft(make_programme(), user, [patent])

    assert second.items.get().eligible


def test_the_amount_is_capped_per_applicant_and_year_across_applications(people):
    user = people["applicant"]
    programme = make_programme(cap="12000")
    first = _draft(programme, user, [make_patent(user.organisation) for _ in range(2)])
    applications.submit(first, user)
    second = _draft(programme, user, [make_patent(user.organisation) for _ in range(2)])

    applications.submit(second, user)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.requested_amount == Decimal("10000.00")
    assert second.requested_amount == Decimal("2000.00")
    assert "年度上限核减" in second.cap_note
    third = _draft(programme, user, [make_patent(user.organisation)])
    with pytest.raises(FundingError, match="年度资助上限"):
        applications.submit(third, user)


def test_submission_beyond_the_remaining_budget_is_refused_and_changes_nothing(people):
    user = people["applicant"]
    programme = make_programme(budget="4000")
    application = _draft(programme, user, [make_patent(user.organisation)])

    with pytest.raises(FundingError, match="剩余预算"):
        applications.submit(application, user)

    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT
    assert not application.items.filter(holds_claim=True).exists()


def test_approval_beyond_the_budget_is_refused(people):
    person = people["reviewer"]
    programme = make_programme(budget="6000", reviewers=[person])
    first_user, second_user = applicant(), applicant()
    first = _draft(programme, first_user, [make_patent(first_user.organisation)])
    second = _draft(programme, second_user, [make_patent(second_user.organisation)])
    applications.submit(first, first_user)
    applications.submit(second, second_user)
    _through_review(first, person)
    applications.accept(second, person)
    applications.pass_first_review(second, person)
    checker = reviewer()
    programme.reviewers.add(checker)

    with pytest.raises(FundingError, match=r"剩余预算 1000\.00 元"):
        applications.approve(second, checker)

    second.refresh_from_db()
    assert second.status == Application.Status.FIRST_PASSED
    assert applications.budget_used(programme) == Decimal("5000.00")


def test_submitting_twice_submits_once(people):
    user = people["applicant"]
    application = _draft(make_programme(), user, [make_patent(user.organisation)])
    applications.submit(application, user)

    with pytest.raises(FundingError) as refused:
        applications.submit(application, user)

    assert refused.value.already
    assert application.events.filter(action="submitted").count() == 1


def test_a_reviewer_acts_only_on_the_programmes_assigned_to_them(people):
    user = people["applicant"]
    assigned = reviewer()
    application = _draft(make_programme(reviewers=[assigned]), user, [make_patent(user.organisation)])
    applications.submit(application, user)

    with pytest.raises(FundingError, match="无权"):
        applications.accept(application, people["reviewer"])
    applications.accept(application, assigned)


def test_a_return_for_correction_needs_a_reason_and_lets_the_applicant_resubmit(people):
    user, person = people["applicant"], people["reviewer"]
    application = _draft(make_programme(reviewers=[person]), user, [make_patent(user.organisation)])
    applications.submit(application, user)
    with pytest.raises(FundingError, match="退回原因"):
        applications.return_for_correction(application, person, " ")

    applications.return_for_correction(application, person, "请补充授权证书")
    applications.add_item(application, user, ItemType.INVENTION_GRANT, patent=make_patent(user.organisation))
    applications.submit(application, user)

    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.requested_amount == Decimal("10000.00")


def test_a_certification_is_funded_once_at_the_fixed_amount(people, django_capture_on_commit_callbacks):
    user = people["applicant"]
    certification = DemonstrationCertification.objects.create(
        enterprise=user.organisation,
        certificate_number="GB-T29490-001",
        certified_on=timezone.localdate() - timedelta(days=10),
        evidence="targets/certifications/x.pdf",
    )
    application = applications.start_application(make_programme(), user)
    item = applications.add_item(application, user, ItemType.CERTIFICATION, certification=certification)
    assert item.eligible and item.amount == Decimal("50000.00")


def test_the_whole_review_is_recorded_and_told_to_the_applicant(people, django_capture_on_commit_callbacks, mailoutbox):
    user, person, money = people["applicant"], people["reviewer"], people["finance"]
    programme = make_programme(reviewers=[person], objection_days=7)
    application = _draft(programme, user, [make_patent(user.organisation)])
    with django_capture_on_commit_callbacks(execute=True):
        applications.submit(application, user)
        _through_review(application, person)
        batch = applications.publicise(programme, [application], person, title="2026年第一批专利资助公示")
    application.refresh_from_db()
    assert application.status == Application.Status.PUBLICISED and application.batch == batch
    with pytest.raises(FundingError, match="期满后方可拨付"):
        applications.record_payment(application, money, amount="5000", paid_on=timezone.localdate())

    later = timezone.now() + timedelta(days=8)
    with time_machine.travel(later, tick=False), django_capture_on_commit_callbacks(execute=True):
        applications.record_payment(application, money, amount="5000", paid_on=timezone.localdate())

    application.refresh_from_db()
    assert application.status == Application.Status.PAID
    assert application.paid_amount == Decimal("5000.00")
    steps = list(application.events.values_list("action", flat=True))
    assert steps == ["submitted", "accepted", "first_passed", "approved", "publicised", "paid"]
    assert Notification.objects.filter(organisation=user.organisation).count() == 6
    assert len(mailoutbox) == 6 and mailoutbox[0].to == [user.email]
    BudgetYear.objects.create(
        year=timezone.localdate().year - 1, general_expenditure=Decimal("2000000"), source_note="市财政局"
    )
    with time_machine.travel(later, tick=False):
        assert get_rule("special-funds-paid").value() == Decimal("5000.00")
        BudgetYear.objects.create(
            year=timezone.localdate().year, general_expenditure=Decimal("1000000"), source_note="市财政局"
        )
        assert get_rule("special-funds-share").value() == Decimal("0.5000")


def _publicised(people, objection_days=7):
    user, person = people["applicant"], people["reviewer"]
    programme = make_programme(reviewers=[person], objection_days=objection_days)
    application = _draft(programme, user, [make_patent(user.organisation)])
    applications.submit(application, user)
    _through_review(application, person)
    applications.publicise(programme, [application], person, title="公示")
    application.refresh_from_db()
    return application


def test_anyone_may_object_during_the_objection_period_but_not_after(people):
    application = _publicised(people, objection_days=3)

    objection = applications.lodge_objection(application, name="李四", contact="13900000000", reason="专利已转让")

    assert objection.is_open
    assert application.events.filter(action="objection_recorded", note="专利已转让").exists()
    with time_machine.travel(timezone.now() + timedelta(days=4), tick=False):
        with pytest.raises(FundingError, match="不再受理异议"):
            applications.lodge_objection(application, name="王五", contact="1", reason="晚了")
    assert application.objections.count() == 1


def test_an_open_objection_holds_the_payment_until_it_is_dismissed(people):
    application = _publicised(people)
    objection = applications.lodge_objection(application, name="李四", contact="139", reason="有疑问")
    later = timezone.now() + timedelta(days=8)
    with time_machine.travel(later, tick=False):
        with pytest.raises(FundingError, match="尚未处理的公示异议"):
            applications.record_payment(application, people["finance"], amount="5000", paid_on=timezone.localdate())
        applications.decide_objection(objection, people["manager"], uphold=False, note="经核实，专利权属无误")
        applications.record_payment(application, people["finance"], amount="5000", paid_on=timezone.localdate())
    objection.refresh_from_db()
    assert objection.status == Objection.Status.DISMISSED
    assert application.events.filter(action="objection_dismissed").exists()


def test_an_upheld_objection_rejects_the_application_and_frees_its_patents(people):
    application = _publicised(people)
    objection = applications.lodge_objection(application, name="李四", contact="139", reason="专利已转让他人")

    applications.decide_objection(objection, people["manager"], uphold=True, note="异议属实")

    application.refresh_from_db()
    assert application.status == Application.Status.REJECTED
    assert not application.items.filter(holds_claim=True).exists()
    with pytest.raises(FundingError, match="已处理"):
        applications.decide_objection(objection, people["manager"], uphold=False, note="再次")


def test_payment_above_the_approved_amount_is_refused(people):
    application = _publicised(people)
    with time_machine.travel(timezone.now() + timedelta(days=8), tick=False):
        with pytest.raises(FundingError, match="不超过核定金额"):
            applications.record_payment(application, people["finance"], amount="5000.01", paid_on=timezone.localdate())
    application.refresh_from_db()
    assert application.status == Application.Status.PUBLICISED
