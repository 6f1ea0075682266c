"""The lifecycle of a posting: drafts, review, publication, edits, withdrawal, deals and expiry."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from listings import postings
from listings.models import Listing, ListingEvent, ListingIP
from listings.postings import PostingError

from .factories import FinancingNeedFactory, FinancingProductFactory, ListingFactory, ListingIPFactory

Status = Listing.Status
pytestmark = pytest.mark.django_db


def draft_offer(owner, **fields):
    listing = ListingFactory.build(organisation=owner.organisation, status=Status.DRAFT, published_at=None, **fields)
    listing.pk = None
    return postings.save_listing(listing, owner, [ListingIPFactory.build(listing=None)])


def test_a_new_posting_starts_as_a_draft_and_is_not_public(owner):
    listing = draft_offer(owner)
    assert listing.status == Status.DRAFT
    assert listing.organisation == owner.organisation
    assert not Listing.objects.public().filter(pk=listing.pk).exists()


def test_submitting_then_approving_publishes_and_records_who(owner, staff):
    listing = draft_offer(owner)
    postings.submit_listing(listing, owner)
    assert not Listing.objects.public().filter(pk=listing.pk).exists()
    postings.approve_listing(listing, staff)
    listing.refresh_from_db()
    assert listing.status == Status.PUBLISHED
    assert listing.published_at is not None
    assert Listing.objects.public().filter(pk=listing.pk).exists()
    assert list(listing.events.order_by("created_at", "pk").values_list("to_status", "actor")) == [
        (Status.SUBMITTED, owner.pk),
        (Status.PUBLISHED, staff.pk),
    ]


def test_a_posting_cannot_be_published_without_review(owner, staff):
    listing = draft_offer(owner)
    with pytest.raises(PostingError):
        postings.approve_listing(listing, staff)
    assert Listing.objects.get(pk=listing.pk).status == Status.DRAFT


def test_only_staff_may_approve(owner):
    listing = draft_offer(owner)
    postings.submit_listing(listing, owner)
    with pytest.raises(PostingError):
        postings.approve_listing(listing, owner)
    assert Listing.objects.get(pk=listing.pk).status == Status.SUBMITTED


def test_rejection_needs_a_reason_that_the_owner_sees_and_is_mailed(owner, staff, django_capture_on_commit_callbacks):
    listing = draft_offer(owner)
    postings.submit_listing(listing, owner)
    with pytest.raises(PostingError):
        postings.reject_listing(listing, staff, "  ")
    with django_capture_on_commit_callbacks(execute=True):
        postings.reject_listing(listing, staff, "专利号与权利人不一致，请补充专利证书。")
    listing.refresh_from_db()
    assert listing.status == Status.REJECTED
    assert listing.rejection_reason == "专利号与权利人不一致，请补充专利证书。"
    assert "专利号与权利人不一致" in mail.outbox[-1].body
    # After fixing it, the owner may send it again.
    postings.submit_listing(listing, owner)
    assert Listing.objects.get(pk=listing.pk).status == Status.SUBMITTED


def test_an_offer_of_a_patent_licence_must_name_a_patent(owner):
    listing = ListingFactory.build(organisation=owner.organisation, status=Status.DRAFT)
    listing.pk = None
    listing = postings.save_listing(listing, owner, [])
    with pytest.raises(PostingError, match="至少登记一项"):
        postings.submit_listing(listing, owner)


def test_editing_the_substance_of_a_published_posting_sends_it_back_to_review(owner):
    listing = ListingFactory(organisation=owner.organisation)
    ListingIPFactory(listing=listing)
    listing.title = "碳纤维专利独占许可（价格下调）"
    postings.save_listing(listing, owner, changed_fields=["title"])
    listing.refresh_from_db()
    assert listing.status == Status.SUBMITTED
    assert not Listing.objects.public().filter(pk=listing.pk).exists()


def test_changing_only_contact_preferences_keeps_it_published(owner):
    listing = ListingFactory(organisation=owner.organisation)
    listing.show_phone = True
    postings.save_listing(listing, owner, changed_fields=["show_phone"])
    assert Listing.objects.get(pk=listing.pk).status == Status.PUBLISHED


def test_changing_the_ip_records_of_a_published_posting_sends_it_back_to_review(owner):
    listing = ListingFactory(organisation=owner.organisation)
    ListingIPFactory(listing=listing)
    new_record = ListingIP(ip_type="patent", number="201420123456.2", title="一种碳纤维缠绕装置", owner_name="恒瑞")
    postings.save_listing(listing, owner, [ListingIPFactory.build(listing=None), new_record])
    listing.refresh_from_db()
    assert listing.status == Status.SUBMITTED
    assert listing.ip_records.count() == 2


def test_only_the_owning_organisation_may_edit(owner, stranger):
    listing = ListingFactory(organisation=owner.organisation)
    listing.title = "被篡改的标题"
    with pytest.raises(PostingError):
        postings.save_listing(listing, stranger, changed_fields=["title"])
    assert Listing.objects.get(pk=listing.pk).title != "被篡改的标题"
    with pytest.raises(PostingError):
        postings.withdraw_listing(Listing.objects.get(pk=listing.pk), stranger)


def test_daily_submission_limit_tells_the_organisation(owner, settings):
    settings.LISTINGS_DAILY_SUBMISSION_LIMIT = 2
    first, second, third = (draft_offer(owner) for _ in range(3))
    postings.submit_listing(first, owner)
    postings.submit_listing(second, owner)
    with pytest.raises(PostingError, match="每日上限"):
        postings.submit_listing(third, owner)
    assert Listing.objects.get(pk=third.pk).status == Status.DRAFT


def test_resubmitting_the_same_posting_today_does_not_count_twice(owner, staff, settings):
    settings.LISTINGS_DAILY_SUBMISSION_LIMIT = 1
    listing = draft_offer(owner)
    postings.submit_listing(listing, owner)
    postings.reject_listing(listing, staff, "请补充许可范围。")
    postings.submit_listing(listing, owner)
    assert Listing.objects.get(pk=listing.pk).status == Status.SUBMITTED


def test_submissions_yesterday_do_not_count_today(owner, settings):
    settings.LISTINGS_DAILY_SUBMISSION_LIMIT = 1
    earlier = draft_offer(owner)
    postings.submit_listing(earlier, owner)
    ListingEvent.objects.filter(listing=earlier).update(created_at=timezone.now() - timedelta(days=1))
    postings.submit_listing(draft_offer(owner), owner)


def test_end_of_validity_must_follow_its_start(owner):
    listing = ListingFactory.build(
        organisation=owner.organisation,
        valid_from=timezone.localdate(),
        valid_until=timezone.localdate() - timedelta(days=1),
    )
    listing.pk = None
    with pytest.raises(Exception) as error:
        postings.save_listing(listing, owner, [])
    assert "有效期结束日期须晚于开始日期" in str(error.value)
    assert not Listing.objects.exists()


def test_negative_prices_are_refused(owner):
    listing = ListingFactory.build(organisation=owner.organisation, price_min=Decimal("-5"))
    listing.pk = None
    with pytest.raises(Exception) as error:
        postings.save_listing(listing, owner, [])
    assert "负数" in str(error.value)


def test_a_price_range_needs_an_upper_bound_not_below_the_lower(owner):
    listing = ListingFactory.build(
        organisation=owner.organisation, price_kind="range", price_min=Decimal("100"), price_max=Decimal("50")
    )
    listing.pk = None
    with pytest.raises(Exception) as error:
        postings.save_listing(listing, owner, [])
    assert "价格上限须不低于下限" in str(error.value)


def test_expiry_task_expires_once_and_hides_from_public_but_not_from_owner(owner):
    stale = ListingFactory(organisation=owner.organisation, valid_until=timezone.localdate() - timedelta(days=1))
    fresh = ListingFactory(organisation=owner.organisation)
    # Even before the task runs, a posting past its validity is not public.
    assert list(Listing.objects.public()) == [fresh]
    assert postings.expire_overdue() == 1
    assert postings.expire_overdue() == 0
    stale.refresh_from_db()
    assert stale.status == Status.EXPIRED
    assert stale.events.filter(to_status=Status.EXPIRED).count() == 1
    assert stale in Listing.objects.visible_to(owner)


def test_expire_listings_command_and_task_share_the_rule(owner):
    from django.core.management import call_command

    from listings.tasks import expire_listings

    ListingFactory(organisation=owner.organisation, valid_until=timezone.localdate() - timedelta(days=3))
    call_command("expire_listings", stdout=open("/dev/null", "w"))
    assert expire_listings.delay().get() == 0
    assert Listing.objects.filter(status=Status.EXPIRED).count() == 1


def test_closing_as_a_deal_records_it_once(owner):
    listing = ListingFactory(organisation=owner.organisation)
    deal = postings.close_as_deal(
        listing,
        owner,
        counterparty_name="连云港中复连众复合材料集团",
        amount=Decimal("80"),
        deal_date=timezone.localdate(),
    )
    listing.refresh_from_db()
    assert listing.status == Status.DEAL
    assert deal.district == listing.district
    with pytest.raises(PostingError):
        postings.close_as_deal(
            listing, owner, counterparty_name="另一家", amount=Decimal("1"), deal_date=timezone.localdate()
        )


@pytest.mark.parametrize(
    ("amount", "days_ahead", "message"),
    [(Decimal("-1"), 0, "负数"), (Decimal("10"), 1, "晚于今天")],
)
def test_deal_amount_and_date_are_checked(owner, amount, days_ahead, message):
    listing = ListingFactory(organisation=owner.organisation)
    with pytest.raises(PostingError, match=message):
        postings.close_as_deal(
            listing,
            owner,
            counterparty_name="对方",
            amount=amount,
            deal_date=timezone.localdate() + timedelta(days=days_ahead),
        )
    assert Listing.objects.get(pk=listing.pk).status == Status.PUBLISHED


def test_a_financing_deal_records_the_lender_and_pledged_ip(owner, lender):
    need = FinancingNeedFactory(organisation=owner.organisation)
    patent = ListingIPFactory(listing=need)
    with pytest.raises(PostingError, match="质押的知识产权"):
        postings.close_as_deal(
            need, owner, counterparty_name=lender.name, amount=Decimal("300"), deal_date=timezone.localdate()
        )
    deal = postings.close_as_deal(
        need,
        owner,
        counterparty_name=lender.name,
        counterparty=lender,
        amount=Decimal("300"),
        deal_date=timezone.localdate(),
        pledged_ip=[patent],
    )
    assert list(deal.pledged_ip.all()) == [patent]
    assert deal.section == Listing.Section.FINANCING_NEED


def test_a_product_cannot_be_closed_as_a_deal(lender_user):
    product = FinancingProductFactory(organisation=lender_user.organisation)
    with pytest.raises(PostingError):
        postings.close_as_deal(
            product, lender_user, counterparty_name="x", amount=Decimal("1"), deal_date=timezone.localdate()
        )


def test_enterprises_and_institutions_post_different_kinds(enterprise, lender):
    assert Listing.Section.FINANCING_NEED in postings.allowed_sections(enterprise)
    assert Listing.Section.FINANCING_PRODUCT not in postings.allowed_sections(enterprise)
    assert Listing.Section.FINANCING_PRODUCT in postings.allowed_sections(lender)
    assert Listing.Section.FINANCING_NEED not in postings.allowed_sections(lender)
    assert postings.allowed_sections(None) == []


def test_interest_is_expressed_once_not_on_own_postings_and_answered(
    owner, stranger, django_capture_on_commit_callbacks
):
    listing = ListingFactory(organisation=owner.organisation)
    with pytest.raises(PostingError):
        postings.express_interest(listing, owner, "我们自己的")
    with django_capture_on_commit_callbacks(execute=True):
        interest = postings.express_interest(listing, stranger, "我公司希望获得该专利的独占许可，请联系。")
    assert "希望获得该专利" in mail.outbox[-1].body
    with pytest.raises(PostingError, match="已对这条信息表达过意向"):
        postings.express_interest(listing, stranger, "再问一次")
    with pytest.raises(PostingError):
        postings.answer_interest(interest, stranger, "自问自答")
    with django_capture_on_commit_callbacks(execute=True):
        postings.answer_interest(interest, owner, "欢迎来厂考察，请致电0518-85661234。")
    assert mail.outbox[-1].to == [stranger.email]


def test_no_interest_in_a_posting_that_is_not_public(owner, stranger):
    listing = ListingFactory(organisation=owner.organisation, status=Status.SUBMITTED)
    with pytest.raises(PostingError):
        postings.express_interest(listing, stranger, "你好")
