"""The city's 2014 plan, imported by load_demo exactly as the government portal publishes it."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings

from cms.demo import SEED_DOCUMENT, SEED_SLUG
from cms.models import PolicyPage

SHARED_SEED = Path(settings.BASE_DIR).parent / "shared" / "seed" / "lianyungang-ip-pilot-city-plan-2014.txt"


def test_repository_copy_of_the_seed_is_verbatim():
    if not SHARED_SEED.exists():
        pytest.skip(f"the shared seed is not beside the checkout ({SHARED_SEED})")
    assert SEED_DOCUMENT.read_bytes() == SHARED_SEED.read_bytes()


def test_seed_policy_is_imported_exactly_with_its_text_attachment_and_banner(cms_demo, client):
    # One test for the whole import: loading the demo content takes a while.
    seed_page = PolicyPage.objects.get(slug=SEED_SLUG)
    _metadata_is_exact(seed_page)
    _heading_structure_and_full_text_are_kept(seed_page)
    _plan_is_attached_as_a_pdf(seed_page, client)
    _page_shows_metadata_and_the_invalid_banner(seed_page, client)


def _metadata_is_exact(seed_page):
    assert seed_page.live
    assert seed_page.title == "市政府关于印发连云港市国家知识产权试点城市建设实施方案(2014-2016年)的通知"
    assert seed_page.index_number == "k12498411/2014-00143"
    assert seed_page.issuing_agency.name == "连云港市人民政府"
    assert seed_page.issue_date == datetime.date(2014, 11, 11)
    assert seed_page.document_number == "连政发〔2014〕114号"
    assert seed_page.subject_words == ""
    assert seed_page.summary == (
        "《连云港市国家知识产权试点城市建设实施方案(2014—2016年)》已经市十三届人民政府第16次常务会议审议通过,"
        "现予以印发,请认真组织实施。"
    )
    assert seed_page.validity == PolicyPage.Validity.INVALID
    assert seed_page.validity_note == (
        "根据《连云港市人民政府关于宣布废止失效一批市政府文件的决定》(连政发〔2018〕11号),此文件已宣布失效。"
    )
    assert seed_page.repealed_by is None
    assert seed_page.repealed_by_title == "连云港市人民政府关于宣布废止失效一批市政府文件的决定"
    assert seed_page.repealed_by_number == "连政发〔2018〕11号"


def _heading_structure_and_full_text_are_kept(seed_page):
    headings = [
        (block.value["level"], block.value["text"]) for block in seed_page.body if block.block_type == "heading"
    ]
    assert headings[:5] == [
        ("h2", "连云港市国家知识产权试点城市建设实施方案(2014-2016年)"),
        ("h2", "一、总体要求"),
        ("h2", "二、工作目标"),
        ("h2", "三、重点任务"),
        ("h3", "(一)提升知识产权的创造能力"),
    ]
    assert [text for level, text in headings if level == "h3"] == [
        "(一)提升知识产权的创造能力",
        "(二)增强知识产权的运用效果",
        "(三)加大知识产权的保护力度",
        "(四)提升知识产权的管理水平",
        "(五)促进知识产权服务业发展",
    ]
    assert ("h2", "四、落实保障措施") in headings
    text = "".join(str(block.value.source) for block in seed_page.body if block.block_type == "paragraph")
    # Every paragraph of the seed's text is on the page.
    seed_lines = SEED_DOCUMENT.read_text(encoding="utf-8").splitlines()
    body_paragraphs = [line.strip() for line in seed_lines[8:] if len(line.strip()) > 30 and line != seed_page.title]
    assert body_paragraphs, "the seed has body paragraphs"
    for paragraph in body_paragraphs:
        assert paragraph[-30:] in text
    assert "<b>1.培育专利助推创新。</b>" in text
    assert "到2016年,全市拥有各类知识产权服务机构达到12家。" in text


def _plan_is_attached_as_a_pdf(seed_page, client):
    attachments = [block.value for block in seed_page.body if block.block_type == "attachment"]
    assert len(attachments) == 1
    document = attachments[0]["document"]
    assert document.title == "连云港市国家知识产权试点城市建设实施方案(2014-2016年)"
    response = client.get(document.url)
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content.startswith(b"%PDF")


def _page_shows_metadata_and_the_invalid_banner(seed_page, client):
    response = client.get(seed_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    for value in ("k12498411/2014-00143", "连云港市人民政府", "2014-11-11", "连政发〔2014〕114号", "内容概述"):
        assert value in html
    assert (
        '此文件已宣布失效</strong>，依据<span lang="zh">'
        "《连云港市人民政府关于宣布废止失效一批市政府文件的决定》(连政发〔2018〕11号)</span>" in html
    )
    assert "<h2>一、总体要求</h2>" in html
    assert "<h3>(一)提升知识产权的创造能力</h3>" in html


def test_load_demo_twice_changes_nothing(cms_demo):
    from io import StringIO

    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    counts = (Page.objects.count(), get_document_model().objects.count(), get_image_model().objects.count())
    cms_demo.load(StringIO())
    assert (Page.objects.count(), get_document_model().objects.count(), get_image_model().objects.count()) == counts
    # Demo data covers every page type.
    from cms.models import EarlyWarningReportPage, NewsPage, PatentInfoPage

    assert PolicyPage.objects.live().count() == 12
    assert (
        NewsPage.objects.live().filter(category="notice").exists() and NewsPage.objects.filter(category="news").exists()
    )
    assert not NewsPage.objects.filter(cover_image=None).exists()
    assert set(PatentInfoPage.objects.values_list("kind", flat=True)) == {"article", "guide", "report"}
    assert sorted(EarlyWarningReportPage.objects.values_list("industry", flat=True)) == ["新医药", "新材料"]
    assert not EarlyWarningReportPage.objects.filter(report_document=None).exists()
    repealed = PolicyPage.objects.get(validity=PolicyPage.Validity.REPEALED)
    assert repealed.repealed_by.document_number == "连政办发〔2016〕88号"
