"""Signed-in pages are rendered for each person, but their public part (a list's results and filters, a policy's
text, the home page's sections) is kept per language and URL until a public record changes: the next request
after a change shows it, and nothing of the person who first asked reaches anyone else."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from cms import demo
from cms.models import PolicyIndexPage, PolicyPage
from core.pagecache import public_fragment
from listings import postings
from listings.models import Listing
from listings.tests.factories import ListingFactory
from services import institutions
from services.models import Institution
from services.tests.factories import InstitutionFactory, member_of
from tests.factories import UserFactory, staff_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def reads(captured, table):
    return [query["sql"] for query in captured.captured_queries if f'"{table}"' in query["sql"]]


def test_a_signed_in_list_reuses_its_public_part_until_a_public_record_changes(client, home, search_index):
    operator = staff_in("平台运营")
    InstitutionFactory(organisation__name="连云港海州专利代理所")
    waiting = InstitutionFactory(
        status=Institution.Status.PENDING, approved_at=None, organisation__name="连云港港城专利代理事务所"
    )
    client.force_login(UserFactory())
    directory = reverse("services:directory")

    first = client.get(directory).content.decode()
    with CaptureQueriesContext(connection) as again:
        second = client.get(directory).content.decode()

    assert "连云港海州专利代理所" in first and "连云港港城专利代理事务所" not in first
    assert "连云港海州专利代理所" in second
    assert not reads(again, "services_institution"), "the kept results were searched and read again"

    institutions.approve(waiting, operator)
    assert "连云港港城专利代理事务所" in client.get(directory).content.decode()

    institutions.suspend(Institution.objects.get(pk=waiting.pk), operator, "资质过期")
    assert "连云港港城专利代理事务所" not in client.get(directory).content.decode()


def test_the_kept_part_carries_nothing_of_the_person_who_first_asked(client, home, search_index):
    InstitutionFactory(organisation__name="连云港海州专利代理所")
    manager = UserFactory(name="机构负责人甲")
    member_of(InstitutionFactory(organisation__name="连云港赣榆商标事务所").organisation, user=manager)
    newcomer = UserFactory(name="新用户乙")
    directory = reverse("services:directory")

    client.force_login(manager)
    managers_page = client.get(directory).content.decode()
    client.force_login(newcomer)
    newcomers_page = client.get(directory).content.decode()

    assert "连云港海州专利代理所" in managers_page and "连云港海州专利代理所" in newcomers_page
    assert "机构负责人甲" in managers_page and "机构负责人甲" not in newcomers_page
    assert "新用户乙" in newcomers_page
    # Offered to a person without an organisation, not to the manager of a listed institution.
    apply = reverse("services:apply")
    assert f'href="{apply}"' in newcomers_page and f'href="{apply}"' not in managers_page


def test_each_language_keeps_its_own_public_part(client, home, search_index):
    ListingFactory(title="碳纤维专利许可")
    client.force_login(UserFactory())
    transactions = reverse("listings:transactions")

    chinese = client.get(transactions).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(transactions).content.decode()

    assert "共 1 条" in chinese
    assert "共 1 条" not in english and "碳纤维专利许可" in english


def test_a_posting_withdrawn_or_approved_shows_on_the_next_signed_in_request(client, home, search_index):
    operator = staff_in("平台运营")
    waiting = ListingFactory(title="石英材料专利转让", status=Listing.Status.SUBMITTED, published_at=None)
    client.force_login(UserFactory())
    transactions = reverse("listings:transactions")
    search = reverse("search:results") + "?q=石英材料"

    # The search page highlights the words found, so the posting is known there by its link.
    link = f'href="{waiting.get_absolute_url()}"'
    assert link not in client.get(transactions).content.decode()
    assert link not in client.get(search).content.decode()

    postings.approve_listing(waiting, operator)

    assert link in client.get(transactions).content.decode()
    assert link in client.get(search).content.decode()


def test_a_policy_edited_and_republished_shows_on_the_next_signed_in_request(client, home):
    library = PolicyIndexPage(title="政策法规", slug="policies", intro="知识产权政策文件")
    home.add_child(instance=library)
    library.save_revision().publish()
    policy = PolicyPage(
        title="连云港市专利资助办法",
        slug="funding",
        issuing_agency=demo.issuing_agencies()["连云港市科学技术局"],
        issue_date=timezone.localdate() - timedelta(days=30),
        document_number="连科发〔2015〕1号",
        index_number="k12498411/2015-1",
        summary="资助发明专利申请。",
    )
    library.add_child(instance=policy)
    policy.save_revision().publish()
    client.force_login(UserFactory())

    assert "资助发明专利申请。" in client.get(policy.url).content.decode()
    policy = PolicyPage.objects.get(pk=policy.pk)
    policy.summary = "资助发明专利申请和授权。"
    policy.save_revision().publish()

    assert "资助发明专利申请和授权。" in client.get(policy.url).content.decode()


def test_a_preview_is_never_kept(home):
    request = RequestFactory().get("/policies/funding/")
    made = []

    def make():
        made.append(1)
        return f"draft {len(made)}"

    assert public_fragment(request, "policy-page", make) == "draft 1"
    assert public_fragment(request, "policy-page", make) == "draft 1"
    request.is_preview = True
    assert public_fragment(request, "policy-page", make) == "draft 2"
    assert public_fragment(request, "policy-page", make) == "draft 3"


def test_the_site_wagtail_looks_up_is_kept_until_a_public_record_changes(client, home):
    client.force_login(UserFactory())
    assert client.get("/").status_code == 200
    with CaptureQueriesContext(connection) as again:
        assert client.get("/").status_code == 200
    assert not reads(again, "wagtailcore_site")

    site = Site.objects.get(is_default_site=True)
    site.site_name = "连云港知识产权公共服务平台"
    site.save()
    with CaptureQueriesContext(connection) as after_change:
        assert client.get("/").status_code == 200
    assert reads(after_change, "wagtailcore_site")


def test_a_request_wagtail_never_routes_does_not_look_the_site_up(client, home):
    client.force_login(UserFactory())
    for _ in range(2):
        with CaptureQueriesContext(connection) as health:
            client.get("/healthz")
        assert not reads(health, "wagtailcore_site")
