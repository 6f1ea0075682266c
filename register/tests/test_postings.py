from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.roles import REGISTER_MANAGERS
from listings.models import Listing
from listings.tests.factories import FinancingNeedFactory, ListingIPFactory
from register import imports, postings
from register.models import Patent, PostingCheck
from register.terms import LegalStatus
from tests.factories import MembershipFactory, staff_in

from .files import PHARMA, QUARTZ, csv_file

pytestmark = pytest.mark.django_db
VALID_PHARMA = [*PHARMA[:13], "有效", ""]


def load(rows, django_capture_on_commit_callbacks):
    user = staff_in(REGISTER_MANAGERS)
    batch = imports.preview_file(csv_file(rows), record_kind="patent", source_kind="cnipa", user=user)
    imports.start_import(batch)
    with django_capture_on_commit_callbacks(execute=True):
        return imports.run_import(batch.pk)


@pytest.fixture
def pledge():
    need = FinancingNeedFactory(organisation__contact_email="owner@example.com", contact_email="")
    return ListingIPFactory(listing=need, number="201410123456.7")


def test_a_posting_shows_the_register_status_and_links_its_number_to_the_record(
    client, pledge, django_capture_on_commit_callbacks
):
    load([VALID_PHARMA], django_capture_on_commit_callbacks)
    page = client.get(pledge.listing.get_absolute_url()).content.decode()
    assert reverse("register:patent", args=["201410123456.7"]) in page
    assert "登记簿：有效" in page
    assert not pledge.register_check.is_flagged


def test_a_pledge_posting_is_flagged_and_its_owner_told_once_when_its_lapse_is_imported(
    client, pledge, django_capture_on_commit_callbacks
):
    load([VALID_PHARMA], django_capture_on_commit_callbacks)
    load([PHARMA], django_capture_on_commit_callbacks)
    check = PostingCheck.objects.get(ip_record=pledge)
    assert check.is_flagged and check.status_label == "未缴年费失效"
    assert [message.to for message in mail.outbox] == [["owner@example.com"]]
    with django_capture_on_commit_callbacks(execute=True):
        postings.check_postings()
    assert len(mail.outbox) == 1
    assert "登记簿显示该权利已不再有效" in client.get(pledge.listing.get_absolute_url()).content.decode()


def test_a_flagged_posting_leaves_the_public_lists_after_the_grace_period(
    pledge, settings, django_capture_on_commit_callbacks
):
    settings.REGISTER_POSTING_GRACE_DAYS = 14
    load([PHARMA], django_capture_on_commit_callbacks)
    today = timezone.localdate()
    assert postings.check_postings(today=today + timedelta(days=13)) == 0
    assert postings.check_postings(today=today + timedelta(days=14)) == 1
    pledge.listing.refresh_from_db()
    assert pledge.listing.status == Listing.Status.EXPIRED
    assert "已不再有效" in pledge.listing.events.first().note


def test_an_owners_statement_keeps_the_posting_listed(client, pledge, django_capture_on_commit_callbacks):
    load([PHARMA], django_capture_on_commit_callbacks)
    owner = MembershipFactory(organisation=pledge.listing.organisation).user
    client.force_login(owner)
    check = PostingCheck.objects.get(ip_record=pledge)
    client.post(reverse("register:answer_flag", args=[check.pk]), {"statement": "已于2022年9月办理权利恢复"})
    assert postings.check_postings(today=timezone.localdate() + timedelta(days=30)) == 0
    pledge.listing.refresh_from_db()
    assert pledge.listing.status == Listing.Status.PUBLISHED


def test_someone_else_cannot_answer_for_the_owner(client, pledge, django_capture_on_commit_callbacks):
    load([PHARMA], django_capture_on_commit_callbacks)
    client.force_login(MembershipFactory().user)
    check = PostingCheck.objects.get(ip_record=pledge)
    response = client.post(reverse("register:answer_flag", args=[check.pk]), {"statement": "有效"})
    assert response.status_code == 404
    assert PostingCheck.objects.get(pk=check.pk).owner_statement == ""


def test_the_daily_reevaluation_expires_a_patent_whose_term_has_ended(django_capture_on_commit_callbacks):
    load([QUARTZ], django_capture_on_commit_callbacks)
    assert postings.reevaluate(today=date(2033, 3, 1)) == 1
    patent = Patent.objects.get()
    assert (patent.status, patent.status_since) == (LegalStatus.EXPIRED, date(2033, 3, 1))
    assert postings.reevaluate(today=date(2033, 3, 2)) == 0
