"""Matching needs and products, and following a pledge loan through its stages to the deal."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from listings import financing, statistics
from listings.matching import needs_for_product, products_for_need
from listings.models import FinancingCase, Listing
from listings.models.financing import Stage
from listings.postings import PostingError

from .factories import FinancingNeedFactory, FinancingProductFactory, ListingIPFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def need(owner):
    need = FinancingNeedFactory(organisation=owner.organisation, amount=Decimal("500"), term_months=12)
    ListingIPFactory(listing=need)
    return need


def test_a_need_is_matched_to_products_that_fit_amount_term_and_ip_type(need, lender):
    fits = FinancingProductFactory(organisation=lender, title="科技知识产权质押贷")
    FinancingProductFactory(organisation=lender, title="额度太小", amount_max=Decimal("300"))
    FinancingProductFactory(organisation=lender, title="期限太短", term_max_months=6)
    FinancingProductFactory(organisation=lender, title="只收商标", accepts_patent=False, accepts_trademark=True)
    FinancingProductFactory(organisation=lender, title="未发布", status=Listing.Status.SUBMITTED)
    assert [product.title for product in products_for_need(need)] == [fits.title]


def test_a_product_shows_the_needs_that_fit_it(need, lender):
    product = FinancingProductFactory(organisation=lender)
    trademark_only = FinancingNeedFactory(title="以商标质押融资")
    ListingIPFactory(listing=trademark_only, ip_type="trademark", number="12345678")
    too_big = FinancingNeedFactory(title="融资五千万", amount=Decimal("5000"))
    ListingIPFactory(listing=too_big)
    matched = list(needs_for_product(product))
    assert need in matched
    assert trademark_only in matched
    assert too_big not in matched
    product.accepts_trademark = False
    assert trademark_only not in list(needs_for_product(product))


def test_a_patent_pledge_need_cannot_be_taken_up_on_a_trademark_only_product(need, lender_user):
    trademark_only = FinancingProductFactory(
        organisation=lender_user.organisation, accepts_patent=False, accepts_trademark=True
    )
    with pytest.raises(PostingError, match="知识产权类型"):
        financing.take_up_need(need, lender_user, product=trademark_only)
    assert not FinancingCase.objects.exists()


def test_lender_follows_a_need_through_every_stage_to_a_counted_deal(need, lender_user, owner):
    product = FinancingProductFactory(organisation=lender_user.organisation)
    case = financing.take_up_need(need, lender_user, product=product)
    need.refresh_from_db()
    assert need.status == Listing.Status.NEGOTIATING
    assert case.current_stage == Stage.APPLICATION
    today = timezone.localdate()
    for stage in (Stage.VALUATION, Stage.DUE_DILIGENCE, Stage.PLEDGE_REGISTRATION):
        financing.record_step(case, lender_user, stage, today, f"{stage.label}完成")
    with pytest.raises(PostingError, match="放款金额"):
        financing.record_step(case, lender_user, Stage.LOAN_GRANTED, today)
    financing.record_step(
        case, lender_user, Stage.LOAN_GRANTED, today, loan_amount=Decimal("450"), pledged_ip=list(need.ip_records.all())
    )
    financing.record_step(case, lender_user, Stage.POST_LOAN, today, "按季回访")
    case.refresh_from_db()
    need.refresh_from_db()
    assert case.status == FinancingCase.Status.GRANTED
    assert need.status == Listing.Status.DEAL
    assert need.deal.counterparty == lender_user.organisation
    assert need.deal.amount == Decimal("450")
    assert (statistics.financing_deals().count(), statistics.financing_deals().total()) == (1, Decimal("450"))
    assert [row["step"] is not None for row in case.stage_rows()] == [True] * 6


def test_stages_are_recorded_in_order_by_the_lender_only(need, lender_user, owner):
    case = financing.take_up_need(need, lender_user)
    with pytest.raises(PostingError, match="价值评估"):
        financing.record_step(case, lender_user, Stage.DUE_DILIGENCE, timezone.localdate())
    with pytest.raises(PostingError):
        financing.record_step(case, owner, Stage.VALUATION, timezone.localdate())
    with pytest.raises(PostingError, match="晚于今天"):
        financing.record_step(case, lender_user, Stage.VALUATION, timezone.localdate() + timedelta(days=1))
    assert case.steps.count() == 1


def test_only_institutions_take_up_needs_and_only_once(need, lender_user, stranger):
    with pytest.raises(PostingError, match="金融机构"):
        financing.take_up_need(need, stranger)
    financing.take_up_need(need, lender_user)
    with pytest.raises(PostingError, match="已受理"):
        financing.take_up_need(need, lender_user)


def test_a_lender_cannot_offer_another_lenders_product(need, lender_user):
    someone_elses = FinancingProductFactory()
    with pytest.raises(PostingError):
        financing.take_up_need(need, lender_user, product=someone_elses)
    assert not FinancingCase.objects.exists()


def test_a_declined_case_stops_with_a_reason(need, lender_user):
    case = financing.take_up_need(need, lender_user)
    with pytest.raises(PostingError):
        financing.decline_case(case, lender_user, "")
    financing.decline_case(case, lender_user, "专利剩余保护期不足，评估值偏低。")
    with pytest.raises(PostingError):
        financing.record_step(case, lender_user, Stage.VALUATION, timezone.localdate())


def test_cases_are_private_to_the_two_sides(need, lender_user, owner, stranger, staff):
    case = financing.take_up_need(need, lender_user)
    assert case in FinancingCase.objects.visible_to(owner)
    assert case in FinancingCase.objects.visible_to(lender_user)
    assert case in FinancingCase.objects.visible_to(staff)
    assert case not in FinancingCase.objects.visible_to(stranger)
