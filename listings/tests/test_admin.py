"""The staff review queue in the Wagtail admin."""

import json

import pytest
from django.urls import reverse

from listings.models import Listing

from .factories import ListingFactory

pytestmark = pytest.mark.django_db


def test_staff_see_the_queue_and_publish(client_for, staff):
    listing = ListingFactory(title="待审核的专利许可", status=Listing.Status.SUBMITTED, published_at=None)
    admin = client_for(staff)
    content = admin.get(reverse("listings_admin:review_queue")).content.decode()
    assert "待审核的专利许可" in content
    # The admin menu (rendered as JSON for the sidebar) counts what is waiting.
    assert json.dumps("信息审核 (1)")[1:-1] in content
    admin.post(reverse("listings_admin:approve", args=[listing.pk]))
    assert Listing.objects.get(pk=listing.pk).status == Listing.Status.PUBLISHED


def test_rejecting_without_a_reason_changes_nothing(client_for, staff):
    listing = ListingFactory(status=Listing.Status.SUBMITTED)
    admin = client_for(staff)
    response = admin.post(reverse("listings_admin:reject", args=[listing.pk]), {"reason": ""})
    assert response.status_code == 400
    assert Listing.objects.get(pk=listing.pk).status == Listing.Status.SUBMITTED
    admin.post(reverse("listings_admin:reject", args=[listing.pk]), {"reason": "缺少专利证书"})
    listing.refresh_from_db()
    assert (listing.status, listing.rejection_reason) == (Listing.Status.REJECTED, "缺少专利证书")


def test_members_of_organisations_cannot_review(client_for, owner):
    listing = ListingFactory(status=Listing.Status.SUBMITTED)
    response = client_for(owner).post(reverse("listings_admin:approve", args=[listing.pk]))
    assert response.status_code in (302, 403)
    assert Listing.objects.get(pk=listing.pk).status == Listing.Status.SUBMITTED
