"""Moderation and the private side of financing belong to the platform's operators, not to every staff member.

The security review logged in as a rights-protection handler (admin access, the handlers' group, a unit,
nothing else), approved a posting in the moderation queue and read financing cases and a loan document.
"""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.roles import PLATFORM_OPERATORS
from listings import financing, postings
from listings.models import Listing
from tests.factories import refused_by_the_admin, rights_handler, staff_in

from .factories import FinancingNeedFactory, ListingFactory, ListingIPFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def handler(db):
    return rights_handler()


@pytest.fixture
def operator(db):
    return staff_in(PLATFORM_OPERATORS)


@pytest.fixture
def submitted(db):
    return ListingFactory(title="待审核的专利转让", status=Listing.Status.SUBMITTED, published_at=None)


@pytest.fixture
def case_with_document(owner, lender_user):
    need = FinancingNeedFactory(organisation=owner.organisation, amount=Decimal("500"), term_months=12)
    ListingIPFactory(listing=need)
    case = financing.take_up_need(need, lender_user)
    document = financing.add_document(
        case,
        lender_user,
        "valuation",
        "专利价值评估报告",
        SimpleUploadedFile("valuation.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
    )
    return case, document


def test_a_rights_handler_cannot_approve_a_posting(client_for, handler, submitted):
    client = client_for(handler)
    assert refused_by_the_admin(client.post(reverse("listings_admin:approve", args=[submitted.pk])))
    assert refused_by_the_admin(client.get(reverse("listings_admin:review_queue")))
    with pytest.raises(postings.PostingError):
        postings.approve_listing(submitted, handler)
    submitted.refresh_from_db()
    assert submitted.status == Listing.Status.SUBMITTED
    assert "listings/review" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_rights_handler_cannot_read_an_unpublished_posting(client_for, handler, submitted):
    response = client_for(handler).get(submitted.get_absolute_url())
    assert response.status_code == 404


def test_a_rights_handler_cannot_read_financing_cases_or_their_documents(client_for, handler, case_with_document):
    case, document = case_with_document
    client = client_for(handler)
    assert client.get(reverse("listings:case", args=[case.pk])).status_code == 404
    assert client.get(reverse("listings:case_document", args=[case.pk, document.pk])).status_code == 404


@pytest.mark.files
def test_the_operator_moderates_and_reads_unpublished_postings_and_cases(
    client_for, operator, submitted, case_with_document
):
    case, document = case_with_document
    client = client_for(operator)
    assert client.get(submitted.get_absolute_url()).status_code == 200
    client.post(reverse("listings_admin:approve", args=[submitted.pk]))
    submitted.refresh_from_db()
    assert submitted.status == Listing.Status.PUBLISHED
    assert client.get(reverse("listings:case", args=[case.pk])).status_code == 200
    response = client.get(reverse("listings:case_document", args=[case.pk, document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
