"""Posting pages offer an action only when the domain would carry it out, and say why not before the click."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from listings import postings
from listings.models import Listing

from .factories import ListingFactory

pytestmark = pytest.mark.django_db


def test_visitors_are_invited_to_log_in_before_posting(client):
    page = client.get(reverse("listings:index")).content.decode()
    assert 'id="login-to-post"' in page


def test_a_published_posting_offers_no_submission_and_refuses_one(client, enterprise, owner):
    listing = ListingFactory(organisation=enterprise)
    client.force_login(owner)
    page = client.get(listing.get_absolute_url()).content.decode()
    assert "提交审核" not in page
    assert not listing.awaits_submission
    with pytest.raises(postings.PostingError):
        postings.submit_listing(listing, owner)
    client.post(reverse("listings:submit", args=[listing.pk]))
    assert Listing.objects.get(pk=listing.pk).status == Listing.Status.PUBLISHED


def test_a_rejected_posting_shows_the_reason_and_offers_resubmission(client, enterprise, owner):
    listing = ListingFactory(organisation=enterprise, status=Listing.Status.REJECTED, rejection_reason="缺少专利号")
    client.force_login(owner)
    page = client.get(listing.get_absolute_url()).content.decode()
    assert 'id="rejection-reason"' in page
    assert "提交审核" in page
    edit = client.get(reverse("listings:edit", args=[listing.pk])).content.decode()
    assert "保存并提交审核" in edit and "保存草稿" in edit


def test_a_posting_past_its_validity_takes_no_interest_and_its_owner_is_told(client, enterprise, owner, stranger):
    listing = ListingFactory(organisation=enterprise, valid_until=timezone.localdate() - timedelta(days=1))
    client.force_login(owner)
    assert "已过有效期，不再公开" in client.get(listing.get_absolute_url()).content.decode()
    assert listing.interest_refusal(stranger) == "这条信息目前不接受意向。"


def test_the_interest_form_is_offered_once_and_never_to_the_owner(client, enterprise, owner, stranger):
    listing = ListingFactory(organisation=enterprise)
    assert not listing.may_express_interest(owner)
    client.force_login(stranger)
    assert "发送意向" in client.get(listing.get_absolute_url()).content.decode()
    postings.express_interest(listing, stranger, "希望洽谈独占许可")
    page = client.get(listing.get_absolute_url()).content.decode()
    assert "发送意向" not in page
    assert "您已表达意向" in page
