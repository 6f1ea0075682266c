import datetime
import io
import itertools

import pytest

from cms import demo
from cms.models import (
    EarlyWarningReportPage,
    NewsIndexPage,
    NewsPage,
    PatentInfoIndexPage,
    PatentInfoPage,
    PolicyIndexPage,
    PolicyPage,
)
from cms.site_tree import ensure_home_page

_serial = itertools.count(1)


@pytest.fixture
def home(db):
    """The site's home page, as `load_demo` creates it (without the sections)."""
    return ensure_home_page()


@pytest.fixture
def agencies(db):
    return demo.issuing_agencies()


@pytest.fixture
def cms_demo(db):
    """The cms app's whole demo content: policy library with the seed document, news, patent information."""
    demo.load(io.StringIO())
    return demo


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def library(home):
    return _publish(home, PolicyIndexPage(title="政策法规", slug="policies", intro="知识产权政策文件"))


@pytest.fixture
def news_index(home):
    return _publish(home, NewsIndexPage(title="新闻动态", slug="news", intro="新闻和通知公告"))


@pytest.fixture
def patent_index(home):
    return _publish(home, PatentInfoIndexPage(title="专利信息", slug="patent-info"))


@pytest.fixture
def make_policy(library, agencies):
    def make(title=None, agency="连云港市科学技术局", tags=(), parent=None, **fields):
        n = next(_serial)
        defaults = {
            "title": title or f"测试政策文件{n}",
            "slug": f"policy-{n}",
            "issuing_agency": agencies[agency],
            "issue_date": datetime.date(2015, 1, 1),
            "document_number": f"连科发〔2015〕{n}号",
            "index_number": f"k12498411/2015-{n:05d}",
            "summary": "测试用的政策文件。",
        }
        page = PolicyPage(**{**defaults, **fields})
        if tags:
            page.tags.add(*tags)
        return _publish(parent or library, page)

    return make


@pytest.fixture
def make_news(news_index):
    def make(title=None, tags=(), **fields):
        n = next(_serial)
        defaults = {"title": title or f"测试新闻{n}", "slug": f"news-{n}", "summary": "测试新闻摘要。"}
        page = NewsPage(**{**defaults, **fields})
        if tags:
            page.tags.add(*tags)
        return _publish(news_index, page)

    return make


@pytest.fixture
def make_patent_info(patent_index):
    def make(title=None, model=PatentInfoPage, tags=(), **fields):
        n = next(_serial)
        defaults = {"title": title or f"专利信息{n}", "slug": f"info-{n}", "summary": "专利信息摘要。"}
        if model is EarlyWarningReportPage:
            defaults.update(industry="新材料", period="2006—2015年", findings="<p>核心专利集中在国外企业。</p>")
        page = model(**{**defaults, **fields})
        if tags:
            page.tags.add(*tags)
        return _publish(patent_index, page)

    return make
