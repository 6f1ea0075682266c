"""News and notices, their feeds, and the patent-information section, as a visitor sees them."""

import datetime
from xml.etree import ElementTree

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from cms.demo import cover_image
from cms.models import EarlyWarningReportPage, PatentInfoPage


def listed_titles(response):
    return [item.title for item in response.context["items"]]


@pytest.mark.usefixtures("search_index")
def test_news_list_shows_dates_categories_and_covers(client, make_news):
    make_news("首笔专利权质押贷款发放", date=datetime.date(2015, 12, 8), cover_image=cover_image("封面A", (0, 128, 96)))
    make_news("关于申报专利资助的通知", category="notice", date=datetime.date(2016, 7, 1))

    response = client.get("/news/")

    assert listed_titles(response) == ["关于申报专利资助的通知", "首笔专利权质押贷款发放"]
    html = response.content.decode()
    assert "2015-12-08" in html and "通知公告" in html and "新闻动态" in html
    assert 'class="card-img-top"' in html


@pytest.mark.usefixtures("search_index")
def test_news_filters_by_category_and_ignores_an_unknown_one(client, make_news):
    make_news("新闻一")
    make_news("通知一", category="notice")

    assert listed_titles(client.get("/news/", {"category": "notice"})) == ["通知一"]
    response = client.get("/news/", {"category": "gossip"})
    assert response.status_code == 200
    assert sorted(listed_titles(response)) == ["新闻一", "通知一"]


def test_news_page_shows_its_content_and_breadcrumbs(client, make_news):
    page = make_news(
        "知识产权服务中心揭牌",
        source="高新区管委会",
        body=[("paragraph", "<p>首批入驻服务机构12家。</p>")],
        cover_image=cover_image("封面B", (192, 96, 21)),
        tags=["服务机构"],
    )

    html = client.get(page.url).content.decode()

    assert "知识产权服务中心揭牌" in html and "高新区管委会" in html and "首批入驻服务机构12家。" in html
    assert '<meta property="og:image"' in html
    assert 'href="/news/?tag=%E6%9C%8D%E5%8A%A1%E6%9C%BA%E6%9E%84"' in html
    assert '<a href="/news/">新闻动态</a>' in html


@pytest.mark.usefixtures("search_index")
def test_news_rss_and_atom_feeds_list_articles(client, make_news):
    make_news("我市启动试点城市建设", date=datetime.date(2014, 11, 20), summary="动员会部署重点任务。")
    make_news("专利资助申报通知", category="notice")

    rss = client.get("/news/rss/")
    atom = client.get("/news/atom/")
    notices = client.get("/news/rss/", {"category": "notice"})

    assert rss["Content-Type"].startswith("application/rss+xml")
    titles = [item.findtext("title") for item in ElementTree.fromstring(rss.content).iter("item")]
    assert titles == ["专利资助申报通知", "我市启动试点城市建设"]
    assert "动员会部署重点任务。" in rss.content.decode()
    assert atom["Content-Type"].startswith("application/atom+xml")
    entries = ElementTree.fromstring(atom.content).findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 2
    assert [item.findtext("title") for item in ElementTree.fromstring(notices.content).iter("item")] == [
        "专利资助申报通知"
    ]


@pytest.mark.usefixtures("search_index")
def test_news_list_renders_with_a_bounded_number_of_queries(client, make_news, django_assert_max_num_queries):
    image = cover_image("封面C", (21, 101, 192))
    for n in range(30):
        make_news(cover_image=image, tags=[f"标签{n % 4}"], category="notice" if n % 3 else "news")
    client.get("/news/")

    with django_assert_max_num_queries(25):
        response = client.get("/news/")
    assert len(response.context["items"]) == 12


@pytest.mark.usefixtures("search_index")
def test_patent_info_lists_articles_guides_and_reports_with_filters(client, make_patent_info):
    make_patent_info("专利申请指南", kind="guide", date=datetime.date(2016, 3, 1), tags=["专利申请"])
    make_patent_info("专利检索入门", kind="article", date=datetime.date(2015, 10, 9))
    make_patent_info("新材料产业专利预警分析报告", model=EarlyWarningReportPage, date=datetime.date(2016, 12, 20))

    response = client.get("/patent-info/")

    assert listed_titles(response) == ["新材料产业专利预警分析报告", "专利申请指南", "专利检索入门"]
    html = response.content.decode()
    assert "预警分析报告" in html and "指南" in html
    assert listed_titles(client.get("/patent-info/", {"kind": "report"})) == ["新材料产业专利预警分析报告"]
    assert listed_titles(client.get("/patent-info/", {"tag": "专利申请"})) == ["专利申请指南"]
    assert client.get("/patent-info/", {"kind": "poem"}).status_code == 200


def test_early_warning_report_shows_industry_region_period_findings_and_report(client, make_patent_info):
    Document = get_document_model()
    report_file = Document(title="新医药报告全文")
    report_file.file.save("report.pdf", ContentFile(b"%PDF-1.4 report"), save=False)
    report_file.save()
    page = make_patent_info(
        "新医药产业专利预警分析报告",
        model=EarlyWarningReportPage,
        industry="新医药",
        region="连云港市",
        period="2006—2015年",
        findings="<ul><li>晶型专利是仿制药上市的主要障碍。</li></ul>",
        report_document=report_file,
        tags=["新医药"],
    )

    html = client.get(page.url).content.decode()

    for text in ("新医药", "连云港市", "2006—2015年", "晶型专利是仿制药上市的主要障碍。", "下载报告全文"):
        assert text in html
    assert report_file.url in html
    assert page.kind == PatentInfoPage.Kind.REPORT


def test_a_plain_article_cannot_claim_to_be_a_report(make_patent_info):
    import pytest
    from django.core.exceptions import ValidationError

    page = make_patent_info()
    page.kind = PatentInfoPage.Kind.REPORT
    with pytest.raises(ValidationError):
        page.full_clean()


@pytest.mark.usefixtures("search_index")
def test_patent_info_list_renders_with_a_bounded_number_of_queries(
    client, make_patent_info, django_assert_max_num_queries
):
    for n in range(12):
        make_patent_info(tags=[f"标签{n}"], kind="guide" if n % 2 else "article")
    for _ in range(4):
        make_patent_info(model=EarlyWarningReportPage, tags=["专利预警"])
    client.get("/patent-info/")

    # Room for the fixture's outbox check, the search's two queries and the view restrictions (public pages only).
    with django_assert_max_num_queries(21):
        response = client.get("/patent-info/")
    assert len(response.context["items"]) == 10


@pytest.mark.usefixtures("search_index")
def test_a_login_only_page_stays_out_of_the_feeds_and_the_home_page(client, make_news, make_policy):
    make_news("公开的新闻")
    hidden_news = make_news("仅登录可见的新闻")
    make_policy("公开的政策")
    hidden_policy = make_policy("仅登录可见的政策")
    for page in (hidden_news, hidden_policy):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    for feed in ("/news/rss/", "/news/atom/", "/policies/rss/"):
        content = client.get(feed).content.decode()
        assert "公开的" in content
        assert "仅登录可见" not in content
    home = client.get("/").content.decode()
    assert "公开的新闻" in home and "公开的政策" in home
    assert "仅登录可见" not in home
