"""Index pages whose children are of one type reach a child in one query, with Wagtail's answers: a live
child is served, a draft or an unknown slug is not found, the index's own routes still answer."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms import demo
from cms.models import NewsIndexPage, PolicyIndexPage, PolicyPage
from cms.site_tree import ensure_home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    index = PolicyIndexPage(title="政策法规", slug="policies", intro="知识产权政策文件")
    ensure_home_page().add_child(instance=index)
    index.save_revision().publish()
    return index


def add_policy(library, slug, *, publish=True):
    page = PolicyPage(
        title=f"政策{slug}",
        slug=slug,
        issuing_agency=demo.issuing_agencies()["连云港市科学技术局"],
        issue_date=timezone.localdate() - timedelta(days=30),
        document_number=f"连科发〔2015〕{slug}号",
        index_number=f"k12498411/2015-{slug}",
        summary="测试用的政策文件。",
        live=publish,
    )
    library.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def test_a_live_policy_is_served_a_draft_or_unknown_one_is_not(client, library):
    add_policy(library, "funding")
    add_policy(library, "draft", publish=False)

    with CaptureQueriesContext(connection) as served:
        assert client.get("/policies/funding/").status_code == 200
    # Read at once: the log is emptied by the next request. The policy is read once, as a policy (its page
    # row joined), not as a page and then again as a policy.
    by_slug = [query["sql"] for query in served.captured_queries if "'funding'" in query["sql"]]
    assert len(by_slug) == 1 and 'FROM "cms_policypage"' in by_slug[0]
    assert client.get("/policies/draft/").status_code == 404
    assert client.get("/policies/nothing/").status_code == 404
    assert client.get("/policies/").status_code == 200


def test_the_news_index_keeps_its_own_routes(client):
    news = NewsIndexPage(title="新闻动态", slug="news")
    ensure_home_page().add_child(instance=news)
    news.save_revision().publish()
    assert client.get("/news/atom/").status_code == 200
