"""The section pages list, filter and count their children through the search index, as a visitor sees them:
a keyword finds what cross-search finds (segmented Chinese, document numbers), filters combine, each
section lists only its own live, public children, and what stops being public leaves the list."""

import datetime
import json

import pytest
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from cms.models import EarlyWarningReportPage, PolicyIndexPage, PolicyPage

pytestmark = pytest.mark.usefixtures("search_index")


def listed(client, url, **query):
    return [item.title for item in client.get(url, query).context["items"]]


def policies(client, **query):
    return listed(client, "/policies/", **query)


# The policy library ----------------------------------------------------------------------------------


def test_a_keyword_finds_a_policy_by_part_of_a_title_word_or_a_word_only_in_its_summary(client, make_policy):
    make_policy(
        "连云港市知识产权质押融资实施办法",
        summary="对质押融资给予贴息和风险补偿。",
        issue_date=datetime.date(2015, 5, 1),
    )
    make_policy("连云港市专利资助办法", summary="申请专利的资助标准。", issue_date=datetime.date(2016, 5, 1))

    assert policies(client, q="质押") == ["连云港市知识产权质押融资实施办法"]
    assert policies(client, q="贴息") == ["连云港市知识产权质押融资实施办法"]
    assert policies(client, q="资助") == ["连云港市专利资助办法"]
    assert policies(client, q="办法") == ["连云港市专利资助办法", "连云港市知识产权质押融资实施办法"]
    assert policies(client, q="商标") == []


@pytest.mark.parametrize("typed", ["连科发〔2015〕126号", "连科发[2015]126号", "k12498411/2015-00126"])
def test_a_keyword_finds_a_policy_by_its_document_or_index_number(client, make_policy, typed):
    make_policy("质押融资实施办法", document_number="连科发〔2015〕126号", index_number="k12498411/2015-00126")
    make_policy("专利资助办法", document_number="连科发〔2015〕12号", index_number="k12498411/2015-00012")

    assert policies(client, q=typed) == ["质押融资实施办法"]


def test_the_keyword_is_highlighted_in_the_title_and_a_snippet(client, make_policy):
    make_policy("连云港市知识产权质押融资实施办法", summary="对质押融资给予贴息和风险补偿。")

    html = client.get("/policies/", {"q": "贴息"}).content.decode()

    assert "<mark>贴息</mark>" in html
    html = client.get("/policies/", {"q": "质押"}).content.decode()
    assert "<mark>质押</mark>" in html
    # Without a keyword the card shows the summary, not a snippet.
    html = client.get("/policies/").content.decode()
    assert "<mark>" not in html and "对质押融资给予贴息和风险补偿。" in html


def test_the_year_is_the_issue_year_from_the_first_to_the_last_day(client, make_policy):
    for day in ("2014-12-31", "2015-01-01", "2015-12-31", "2016-01-01"):
        make_policy(f"发文{day}", issue_date=datetime.date.fromisoformat(day))

    assert policies(client, year=2015) == ["发文2015-12-31", "发文2015-01-01"]
    assert policies(client, year=2014) == ["发文2014-12-31"]


def test_the_year_filter_lists_each_issue_year_once_newest_first(client, make_policy):
    for day in ("2014-03-01", "2015-01-01", "2015-06-01", "2015-12-31", "2014-12-31", "2016-01-01"):
        make_policy(f"发文{day}", issue_date=datetime.date.fromisoformat(day))

    form = client.get("/policies/").context["filter_form"]

    assert [label for value, label in form.fields["year"].choices if value] == ["2016", "2015", "2014"]


def test_a_keyword_combines_with_every_filter_and_keeps_newest_first(client, make_policy, agencies):
    make_policy("市专利资助办法", tags=["专利资助"], issue_date=datetime.date(2015, 3, 1))
    make_policy("市专利资助办法（修订）", tags=["专利资助"], issue_date=datetime.date(2016, 3, 1))
    make_policy("国家专利资助规定", agency="国家知识产权局", tags=["专利资助"], issue_date=datetime.date(2016, 6, 1))
    make_policy(
        "已失效的专利资助办法",
        validity=PolicyPage.Validity.INVALID,
        tags=["专利资助"],
        issue_date=datetime.date(2014, 1, 1),
    )
    make_policy("市质押融资办法", tags=["质押融资"], issue_date=datetime.date(2016, 1, 1))
    city = agencies["连云港市科学技术局"].pk

    assert policies(client, q="资助") == [
        "国家专利资助规定",
        "市专利资助办法（修订）",
        "市专利资助办法",
        "已失效的专利资助办法",
    ]
    assert policies(client, q="资助", agency=city) == [
        "市专利资助办法（修订）",
        "市专利资助办法",
        "已失效的专利资助办法",
    ]
    assert policies(client, q="资助", agency=city, validity="valid") == ["市专利资助办法（修订）", "市专利资助办法"]
    assert policies(client, q="资助", agency=city, validity="valid", year=2016) == ["市专利资助办法（修订）"]
    assert policies(client, q="办法", topic="质押融资") == ["市质押融资办法"]
    assert policies(client, q="质押", topic="专利资助") == []


def test_the_count_and_the_pages_follow_the_keyword_and_keep_it(client, make_policy):
    for day in range(1, 13):
        make_policy(f"专利资助文件{day:02d}", issue_date=datetime.date(2015, 1, day))
    for day in range(1, 4):
        make_policy(f"质押融资文件{day:02d}", issue_date=datetime.date(2015, 2, day))

    first = client.get("/policies/", {"q": "资助"})
    second = client.get("/policies/", {"q": "资助", "page": 2})

    html = first.content.decode()
    assert "共 12 条" in html
    assert "?q=%E8%B5%84%E5%8A%A9&amp;page=2" in html
    assert [p.title for p in second.context["items"]] == ["专利资助文件02", "专利资助文件01"]
    assert "共 15 条" in client.get("/policies/").content.decode()


def test_the_library_lists_only_its_own_documents(client, home, make_policy):
    archive = PolicyIndexPage(title="政策档案", slug="policy-archive")
    home.add_child(instance=archive)
    archive.save_revision().publish()
    make_policy("本栏目的文件")
    make_policy("档案里的文件", parent=archive)

    assert policies(client) == ["本栏目的文件"]
    assert listed(client, archive.url) == ["档案里的文件"]


def test_a_document_listed_once_leaves_the_list_when_unpublished_or_restricted(client, make_policy):
    unpublished = make_policy("将撤回的质押文件", issue_date=datetime.date(2016, 1, 1))
    restricted = make_policy("将设为登录可见的质押文件", issue_date=datetime.date(2015, 6, 1))
    make_policy("公开的质押文件", issue_date=datetime.date(2015, 1, 1))
    assert policies(client, q="质押") == ["将撤回的质押文件", "将设为登录可见的质押文件", "公开的质押文件"]

    unpublished.unpublish()
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)

    assert policies(client, q="质押") == ["公开的质押文件"]
    assert policies(client) == ["公开的质押文件"]
    restriction.delete()
    assert policies(client) == ["将设为登录可见的质押文件", "公开的质押文件"]


def test_changed_topics_and_a_renamed_tag_reach_the_filter(client, make_policy):
    page = make_policy("专利资助办法", tags=["专利资助"])
    assert policies(client, topic="专利资助") == ["专利资助办法"]

    page.tags.set(["专利奖励"])
    page.save_revision().publish()
    assert policies(client, topic="专利奖励") == ["专利资助办法"]

    tag = Tag.objects.get(name="专利奖励")
    tag.name = "专利奖补"
    tag.save()
    assert policies(client, topic="专利奖补") == ["专利资助办法"]


# News and patent information ------------------------------------------------------------------------


def test_news_category_and_tag_filters_combine(client, make_news):
    make_news("质押贷款新闻", tags=["质押融资"], date=datetime.date(2016, 1, 1))
    make_news("质押融资申报通知", category="notice", tags=["质押融资"], date=datetime.date(2016, 2, 1))
    make_news("资助申报通知", category="notice", tags=["专利资助"], date=datetime.date(2016, 3, 1))

    assert listed(client, "/news/", tag="质押融资") == ["质押融资申报通知", "质押贷款新闻"]
    assert listed(client, "/news/", category="notice") == ["资助申报通知", "质押融资申报通知"]
    assert listed(client, "/news/", category="notice", tag="质押融资") == ["质押融资申报通知"]
    assert listed(client, "/news/", category="news", tag="专利资助") == []


def test_news_pages_keep_the_category_and_drop_unpublished_articles(client, make_news):
    articles = [make_news(f"通知{n:02d}", category="notice", date=datetime.date(2016, 1, n)) for n in range(1, 15)]
    make_news("新闻", date=datetime.date(2016, 2, 1))

    first = client.get("/news/", {"category": "notice"})
    assert "?category=notice&amp;page=2" in first.content.decode()
    assert "共 14 条" in first.content.decode()
    assert listed(client, "/news/", category="notice", page=2) == ["通知02", "通知01"]

    articles[0].unpublish()
    assert listed(client, "/news/", category="notice", page=2) == ["通知02"]


def test_patent_info_kind_and_tag_filters_combine(client, make_patent_info):
    make_patent_info("专利导航指南", kind="guide", tags=["专利导航"], date=datetime.date(2016, 1, 1))
    make_patent_info("专利导航文章", kind="article", tags=["专利导航"], date=datetime.date(2016, 2, 1))
    make_patent_info(
        "新材料产业专利预警分析报告", model=EarlyWarningReportPage, tags=["专利导航"], date=datetime.date(2016, 3, 1)
    )

    assert listed(client, "/patent-info/", tag="专利导航") == [
        "新材料产业专利预警分析报告",
        "专利导航文章",
        "专利导航指南",
    ]
    assert listed(client, "/patent-info/", kind="guide", tag="专利导航") == ["专利导航指南"]
    assert listed(client, "/patent-info/", kind="report", tag="专利导航") == ["新材料产业专利预警分析报告"]
    response = client.get("/patent-info/", {"kind": "poem", "tag": "专利导航"})
    assert len(response.context["items"]) == 3
    assert "部分筛选条件无效，已忽略" in response.content.decode()


def test_a_report_listed_once_leaves_the_list_when_unpublished(client, make_patent_info):
    report = make_patent_info("新医药产业专利预警分析报告", model=EarlyWarningReportPage)
    make_patent_info("专利检索入门")
    assert sorted(listed(client, "/patent-info/")) == ["专利检索入门", "新医药产业专利预警分析报告"]

    report.unpublish()

    assert listed(client, "/patent-info/") == ["专利检索入门"]
    assert listed(client, "/patent-info/", kind="report") == []


def test_a_search_snippet_shows_the_text_of_the_body_not_its_block_labels(client, make_policy):
    body = [
        {"type": "heading", "value": {"text": "第一章 总则", "level": "h2"}},
        {"type": "paragraph", "value": "<p>第一条 为推进试点城市建设，制定本办法。</p>"},
    ]
    make_policy("试点城市建设办法", body=json.dumps(body))

    html = client.get("/search/", {"q": "试点城市"}).content.decode()

    assert "总则" in html
    assert "一级标题" not in html
