"""The home page, moderation of policy documents, scheduled publishing, admin search in Chinese, sitemap."""

import datetime
import time

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from cms.home import headline_figures
from cms.models import PolicyPage
from cms.publishing import EDITORS, REVIEWERS, WORKFLOW_NAME, setup_policy_moderation
from listings import postings
from listings.models import Listing
from listings.statistics import public_figures
from listings.tests.factories import ListingFactory, owner_of
from services import institutions
from services.models import Institution
from services.tests.factories import InstitutionFactory
from targets.dashboard import build_rows
from targets.models import Indicator
from tests.factories import UserFactory


def test_home_page_shows_latest_policies_news_notices_and_figures(client, home, make_policy, make_news):
    make_policy("连云港市知识产权质押融资实施办法")
    make_policy("已失效的旧办法", validity=PolicyPage.Validity.INVALID)
    make_news("我市首笔专利权质押贷款成功发放")
    make_news("关于组织申报专利资助的通知", category="notice")
    home.figures = [("figure", {"metric": "policies", "label": "有效政策文件"})]
    home.save_revision().publish()

    html = client.get("/").content.decode()

    assert "连云港市知识产权质押融资实施办法" in html and "已失效的旧办法" in html
    assert "我市首笔专利权质押贷款成功发放" in html and "关于组织申报专利资助的通知" in html
    # One valid policy, labelled as the staff chose.
    assert 'class="display-6 fw-bold">1</div><div class="small text-muted">有效政策文件' in html


def test_home_page_title_names_the_site_once(client, home, settings):
    html = client.get("/").content.decode()

    title = html.split("<title>", 1)[1].split("</title>", 1)[0].strip()
    assert title == settings.WAGTAIL_SITE_NAME


def test_home_page_lists_as_many_items_as_staff_chose(client, home, make_news):
    for n in range(6):
        make_news(f"新闻{n}", date=datetime.date(2016, 1, n + 1))
    home.latest_count = 3
    home.save_revision().publish()

    response = client.get("/")

    assert [page.title for page in response.context["latest_news"]] == ["新闻5", "新闻4", "新闻3"]


def test_headline_figures_skip_unknown_metrics_and_count_the_rest(db, make_policy):
    make_policy()
    figures = headline_figures([("policies", ""), ("no-such-figure", "x")])
    assert figures == [{"metric": "policies", "label": "现行有效政策", "value": 1}]


def test_home_page_figures_and_the_targets_count_the_same_records(client, home):
    staff = UserFactory(is_staff=True, is_superuser=True)
    applications = [InstitutionFactory(status=Institution.Status.PENDING, approved_at=None) for _ in range(3)]
    for application in applications[:2]:
        institutions.approve(application, staff)
    institutions.suspend(applications[1], staff, "资质过期")
    offers = [ListingFactory(), ListingFactory()]
    postings.close_as_deal(
        offers[0],
        owner_of(offers[0].organisation),
        counterparty_name="连云港某公司",
        amount=10,
        deal_date=timezone.localdate(),
    )
    home.figures = [("figure", {"metric": metric, "label": ""}) for metric in ("institutions", "listings")]
    home.save_revision().publish()

    shown = {figure["metric"]: figure["value"] for figure in client.get("/").context["headline_figures"]}
    targets = {
        row.indicator.code: row.value
        for row in build_rows(Indicator.objects.filter(code__in=["service-institutions", "transaction-deals"]))
    }

    assert shown == {"institutions": 1, "listings": 1}
    assert targets == {"service-institutions": 1, "transaction-deals": 1}
    assert Listing.objects.get(pk=offers[0].pk).status == Listing.Status.DEAL
    assert public_figures()["open_transactions"] == 1


def test_home_page_renders_with_a_bounded_number_of_queries(
    client, home, make_policy, make_news, django_assert_max_num_queries
):
    for n in range(15):
        make_policy(tags=[f"t{n}"])
        make_news(category="notice" if n % 2 else "news", tags=[f"t{n}"])
    home.figures = [
        ("figure", {"metric": metric, "label": ""}) for metric in ("institutions", "listings", "courses", "policies")
    ]
    home.save_revision().publish()
    client.get("/")

    with django_assert_max_num_queries(40):
        response = client.get("/")
    assert len(response.context["latest_policies"]) == 5


def test_editor_submission_waits_for_a_reviewer_before_going_live(client, library, make_policy):
    setup_policy_moderation(library)
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    reviewer = UserFactory(is_staff=True)
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    page = make_policy("待审核的政策文件")
    page.unpublish()
    page.refresh_from_db()

    assert page.get_workflow().name == WORKFLOW_NAME
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(reviewer).can_publish()

    page.save_revision(user=editor)
    workflow_state = page.get_workflow().start(page, editor)
    page.refresh_from_db()
    assert not page.live
    assert client.get(page.url).status_code == 404

    # The editor cannot approve their own submission.
    client.force_login(editor)
    task_state = workflow_state.current_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert not page.live

    client.force_login(reviewer)
    response = client.post(url, {"comment": "同意发布"})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert WorkflowState.objects.get(pk=workflow_state.pk).status == WorkflowState.STATUS_APPROVED


def test_page_with_a_future_go_live_time_is_published_by_publish_scheduled(client, make_policy):
    page = make_policy("定时发布的文件")
    page.unpublish()
    page.refresh_from_db()
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live

    time.sleep(2.5)
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


def test_staff_find_pages_in_the_admin_by_a_chinese_word(client, make_policy, make_news):
    make_policy("连云港市知识产权质押融资实施办法")
    make_news("我市首笔专利权质押贷款成功发放")
    make_policy("江苏省知识产权战略纲要")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    def found(query):
        response = client.get("/admin/pages/search/", {"q": query})
        assert response.status_code == 200
        return {page.title for page in response.context["pages"]}

    assert found("质押") == {"连云港市知识产权质押融资实施办法", "我市首笔专利权质押贷款成功发放"}
    assert found("质押融资") == {"连云港市知识产权质押融资实施办法"}
    # The query is cut into words too: 知识产权质押 is not one word of either title.
    assert found("知识产权质押") == {"连云港市知识产权质押融资实施办法"}
    assert "江苏省知识产权战略纲要" in found("战略")


def test_search_for_body_text_finds_the_policy(db, make_policy):
    make_policy("风险补偿办法", body=[("paragraph", "<p>对合作银行发生的贷款损失给予补偿。</p>")])
    assert [page.title for page in Page.objects.search("贷款损失")] == ["风险补偿办法"]


def test_sitemap_lists_the_pages(client, make_policy, make_news, make_patent_info):
    policy = make_policy()
    news = make_news()
    info = make_patent_info()

    xml = client.get("/sitemap.xml").content.decode()

    for page in (policy, news, info):
        assert page.full_url in xml
    assert "/policies/</loc>" in xml
