"""The policy library as a visitor uses it: filters, pages, the document page and its banner."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from cms.models import PolicyPage


def listed_titles(response):
    return [policy.title for policy in response.context["items"]]


@pytest.mark.usefixtures("search_index")
def test_library_lists_live_documents_newest_first(client, make_policy):
    make_policy("旧文件", issue_date=datetime.date(2012, 1, 1))
    make_policy("新文件", issue_date=datetime.date(2016, 1, 1))
    draft = make_policy("草稿文件")
    draft.unpublish()

    response = client.get("/policies/")

    assert response.status_code == 200
    assert listed_titles(response) == ["新文件", "旧文件"]
    html = response.content.decode()
    assert "连云港市科学技术局" in html and "2016-01-01" in html


@pytest.mark.usefixtures("search_index")
def test_library_filters_by_agency_year_validity_and_topic(client, make_policy, agencies):
    make_policy("市科技局有效质押文件", tags=["质押融资"], issue_date=datetime.date(2015, 3, 1))
    make_policy("市科技局失效文件", validity=PolicyPage.Validity.INVALID, issue_date=datetime.date(2015, 6, 1))
    make_policy("国家局文件", agency="国家知识产权局", issue_date=datetime.date(2013, 1, 1), tags=["专利资助"])

    agency = agencies["连云港市科学技术局"]
    assert listed_titles(client.get("/policies/", {"agency": agency.pk})) == [
        "市科技局失效文件",
        "市科技局有效质押文件",
    ]
    assert listed_titles(client.get("/policies/", {"year": 2013})) == ["国家局文件"]
    assert listed_titles(client.get("/policies/", {"validity": "invalid"})) == ["市科技局失效文件"]
    assert listed_titles(client.get("/policies/", {"topic": "质押融资"})) == ["市科技局有效质押文件"]
    assert listed_titles(client.get("/policies/", {"agency": agency.pk, "validity": "valid"})) == [
        "市科技局有效质押文件"
    ]
    assert listed_titles(client.get("/policies/", {"q": "国家局"})) == ["国家局文件"]


@pytest.mark.usefixtures("search_index")
@pytest.mark.parametrize(
    "query",
    [{"agency": "abc"}, {"year": "1999x"}, {"validity": "maybe"}, {"topic": "不存在"}, {"page": "999"}, {"page": "x"}],
)
def test_invalid_filter_value_is_ignored_with_a_message(client, make_policy, query):
    make_policy("唯一文件")

    response = client.get("/policies/", query)

    assert response.status_code == 200
    assert listed_titles(response) == ["唯一文件"]
    if "page" not in query:
        assert "部分筛选条件无效，已忽略" in response.content.decode()


@pytest.mark.usefixtures("search_index")
def test_invalid_value_does_not_drop_the_valid_filters(client, make_policy):
    make_policy("有效文件")
    make_policy("失效文件", validity=PolicyPage.Validity.INVALID)

    response = client.get("/policies/", {"validity": "invalid", "agency": "zzz"})

    assert listed_titles(response) == ["失效文件"]


@pytest.mark.usefixtures("search_index")
def test_library_paginates(client, make_policy):
    for day in range(1, 13):
        make_policy(f"文件{day:02d}", issue_date=datetime.date(2015, 1, day))

    first = client.get("/policies/")
    second = client.get("/policies/", {"page": 2})

    assert len(listed_titles(first)) == 10
    assert listed_titles(second) == ["文件02", "文件01"]
    assert "共 12 条" in first.content.decode()


@pytest.mark.usefixtures("search_index")
def test_library_keeps_filters_in_pagination_links(client, make_policy):
    for day in range(1, 13):
        make_policy(f"文件{day:02d}", issue_date=datetime.date(2015, 1, day), tags=["专利资助"])

    html = client.get("/policies/", {"topic": "专利资助"}).content.decode()

    assert "?topic=%E4%B8%93%E5%88%A9%E8%B5%84%E5%8A%A9&amp;page=2" in html


@pytest.mark.usefixtures("search_index")
def test_library_renders_with_a_bounded_number_of_queries(client, make_policy, django_assert_max_num_queries):
    for n in range(25):
        make_policy(tags=["专利资助", f"标签{n}"], agency="国家知识产权局" if n % 2 else "连云港市科学技术局")
    client.get("/policies/")  # warm the site root cache as a running site has it

    # Room for the fixture's outbox check, the search's two queries and the view restrictions (public pages only).
    with django_assert_max_num_queries(23):
        response = client.get("/policies/", {"topic": "专利资助", "validity": "valid"})
    assert len(response.context["items"]) == 10


def test_document_page_shows_metadata_body_and_related(client, make_policy):
    other = make_policy("相关的文件")
    page = make_policy(
        "连云港市知识产权质押融资实施办法",
        document_number="连科发〔2015〕126号",
        subject_words="知识产权 质押 融资",
        summary="质押融资贴息和风险补偿。",
        body=[
            ("heading", {"text": "一、支持对象", "level": "h2"}),
            ("paragraph", "<p>科技型中小企业。</p>"),
            ("quote", {"text": "激励创造、有效运用。", "source": "纲要"}),
        ],
        tags=["质押融资"],
    )
    page.related_policies.create(related=other)
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    for text in (
        "连科发〔2015〕126号",
        "知识产权 质押 融资",
        "质押融资贴息和风险补偿。",
        "<h2>一、支持对象</h2>",
        "科技型中小企业。",
    ):
        assert text in html
    assert "相关文件" in html and other.url in html
    assert "此文件已宣布" not in html
    assert 'class="breadcrumb"' in html and 'href="/policies/"' in html
    assert '<meta property="og:title"' in html


def test_repealed_document_banner_links_the_replacing_document_on_the_platform(client, make_policy):
    new = make_policy("连云港市专利资助与奖励办法", document_number="连政办发〔2016〕88号")
    old = make_policy("连云港市专利资助办法", validity=PolicyPage.Validity.REPEALED, repealed_by=new)

    html = client.get(old.url).content.decode()

    assert "此文件已宣布废止" in html
    assert f'<a href="{new.url}" lang="zh">《连云港市专利资助与奖励办法》(连政办发〔2016〕88号)</a>' in html
    # The replacing document names what it replaced.
    assert old.url in client.get(new.url).content.decode()


def test_valid_document_cannot_name_a_replacing_document(make_policy):
    new = make_policy()
    page = make_policy(validity=PolicyPage.Validity.VALID)
    page.repealed_by = new
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "validity" in error.value.message_dict


def test_policy_rss_lists_documents(client, make_policy, search_index):
    make_policy("连云港市知识产权专项资金管理办法", document_number="连财教〔2015〕37号")

    response = client.get("/policies/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "连云港市知识产权专项资金管理办法（连财教〔2015〕37号）" in response.content.decode()


def test_a_repealing_document_named_by_number_is_linked_when_it_is_in_the_library(client, make_policy):
    decision = make_policy("连云港市人民政府关于宣布废止失效一批市政府文件的决定", document_number="连政发〔2018〕11号")
    old = make_policy(
        "旧办法",
        validity=PolicyPage.Validity.INVALID,
        validity_note="根据《连云港市人民政府关于宣布废止失效一批市政府文件的决定》(连政发〔2018〕11号),此文件已宣布失效。",
        repealed_by_title="连云港市人民政府关于宣布废止失效一批市政府文件的决定",
        repealed_by_number="连政发〔2018〕11号",
    )

    html = client.get(old.url).content.decode()

    assert f'<a href="{decision.url}" lang="zh">《连云港市人民政府关于宣布废止失效一批市政府文件的决定》' in html
    # The banner says it; the portal's note saying the same again is not shown.
    assert html.count("连政发〔2018〕11号") == 1


def test_a_validity_note_that_adds_something_is_kept(client, make_policy):
    old = make_policy("旧办法", validity=PolicyPage.Validity.INVALID, validity_note="有效期至2016年12月31日。")

    assert "有效期至2016年12月31日。" in client.get(old.url).content.decode()


def test_portal_page_furniture_is_not_imported_as_text():
    from cms.portal_documents import parse_portal_document

    document = parse_portal_document("标 题 办法\n\n第一条 正文。\n扫一扫打开当前页\n")

    assert [value for _kind, value in document.blocks] == ["<p>第一条 正文。</p>"]
