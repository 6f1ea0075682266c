"""Every action happens once: approving a posting twice publishes it once and says it is published."""

import re

import pytest
from django.urls import reverse

from listings import postings
from listings.models import Listing, ListingEvent

from .factories import ListingFactory, ListingIPFactory

pytestmark = pytest.mark.django_db


def test_approving_a_posting_twice_publishes_once_and_says_it_is_published(client, owner, staff):
    listing = ListingFactory.build(organisation=owner.organisation, status=Listing.Status.DRAFT, published_at=None)
    listing.pk = None
    listing = postings.save_listing(listing, owner, [ListingIPFactory.build(listing=None)])
    postings.submit_listing(listing, owner)
    client.force_login(staff)
    client.post(reverse("listings_admin:approve", args=[listing.pk]))
    second = client.post(reverse("listings_admin:approve", args=[listing.pk]), follow=True)
    assert "这条信息已发布。" in second.content.decode()
    assert ListingEvent.objects.filter(listing=listing, to_status=Listing.Status.PUBLISHED).count() == 1


def test_a_stale_copy_cannot_move_a_posting_a_second_time(owner, staff):
    """Two reviewers opened the same posting; the second approval finds it published (the row is re-read)."""
    listing = ListingFactory.build(organisation=owner.organisation, status=Listing.Status.DRAFT, published_at=None)
    listing.pk = None
    listing = postings.save_listing(listing, owner, [ListingIPFactory.build(listing=None)])
    postings.submit_listing(listing, owner)
    stale = Listing.objects.get(pk=listing.pk)
    postings.approve_listing(listing, staff)
    with pytest.raises(postings.AlreadyDone):
        postings.move_listing(stale, Listing.Status.PUBLISHED, staff)
    assert ListingEvent.objects.filter(listing=listing, to_status=Listing.Status.PUBLISHED).count() == 1


def test_a_new_posting_form_sent_twice_creates_one_posting(client, owner):
    from .test_views import _transaction_data

    client.force_login(owner)
    url = reverse("listings:create", args=["transaction"])
    key = re.search(r'name="submission_key" value="([0-9a-f]{32})"', client.get(url).content.decode()).group(1)
    data = {**_transaction_data("ZL201410123456.7"), "submission_key": key}
    client.post(url, data)
    second = client.post(url, data, follow=True)
    listing = Listing.objects.get()
    assert second.redirect_chain[-1][0] == listing.get_absolute_url()
    assert listing.ip_records.count() == 1
