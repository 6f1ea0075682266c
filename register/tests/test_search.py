"""The register's search page through the cross-search index, on the embedded backend (and Elasticsearch
when ELASTICSEARCH_URL is set: the `search_index` fixture runs each test on both)."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.roles import REGISTER_MANAGERS
from register import imports
from search import service
from search.outbox import process_pending
from search.query import SearchQuery
from tests.factories import staff_in

from .files import KANGYUAN, PHARMA, QUARTZ, TRADEMARK_HEADER, csv_file

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]
SEARCH = reverse("register:search")


@pytest.fixture
def register():
    user = staff_in(REGISTER_MANAGERS)
    for upload, kind in (
        (csv_file([QUARTZ, PHARMA]), "patent"),
        (csv_file([KANGYUAN], header=TRADEMARK_HEADER), "trademark"),
    ):
        batch = imports.preview_file(upload, record_kind=kind, source_kind="cnipa", user=user)
        imports.start_import(batch)
        imports.run_import(batch.pk)


def found(client, **params):
    page = client.get(SEARCH, params).context["page"]
    return [getattr(item, "application_number", None) or item.registration_number for item in page.object_list]


@pytest.mark.parametrize("written", ["CN201310123456.2", "ZL 2013 1 0123456.2", "2013101234562"])
def test_a_patent_is_found_by_its_number_written_in_any_usual_way(client, register, written):
    assert found(client, q=written) == ["201310123456.2"]


def test_chinese_keywords_find_the_title_and_the_abstract(client, register):
    assert found(client, q="石英砂") == ["201310123456.2"]
    assert found(client, q="光伏坩埚") == ["201310123456.2"]
    assert found(client, q="抗肿瘤") == ["201410123456.7"]


def test_an_ipc_class_finds_its_descendants(client, register):
    assert found(client, ipc="C03B") == ["201310123456.2"]
    assert found(client, ipc="A61K") == ["201410123456.7"]
    assert found(client, ipc="H01L") == []


def test_applicant_status_district_and_nice_class_narrow_the_results(client, register):
    assert found(client, applicant="中国药科大学") == ["201410123456.7"]
    assert found(client, status="lapsed") == ["201410123456.7"]
    assert found(client, district="donghai", kind="patent") == ["201310123456.2"]
    assert found(client, nice="5") == ["8765432"]
    assert found(client, inventor="王海") == ["201310123456.2"]


def test_cross_search_finds_patents_and_trademarks(register):
    process_pending()
    results = service.search(SearchQuery(text="石英砂"))
    assert [hit.doc.type for hit in results.hits] == ["patent"]
    assert service.search(SearchQuery(text="康缘")).hits[0].doc.type == "trademark"


def test_the_record_page_shows_every_field_and_the_legal_status_timeline(client, register):
    response = client.get(reverse("register:patent", args=["201410123456.7"]))
    page = response.content.decode()
    assert "一种抗肿瘤药物组合物及其制备方法" in page
    assert "中国药科大学" in page and "A61K 31/4745" in page
    timeline = page.split('id="patent-timeline"')[1]
    assert timeline.index("2014-05-20") < timeline.index("2022-07-15") < timeline.index("2034-05-20")
    assert "未缴年费终止" in timeline


def test_a_record_asked_for_in_another_spelling_redirects_to_its_page(client, register):
    response = client.get(reverse("register:patent", args=["CN201410123456.7"]))
    assert response["Location"] == reverse("register:patent", args=["201410123456.7"])


def test_the_export_is_a_workbook_whose_cells_cannot_become_formulas(client, register):
    from register.models import Patent

    Patent.objects.filter(application_number="201310123456.2").update(title='=HYPERLINK("http://x","石英")')
    response = client.get(reverse("register:export"), {"kind": "patent"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 3
    assert any(str(row[2]).startswith("'=HYPERLINK") for row in rows[1:])


def test_a_number_typed_in_the_full_form_with_every_other_field_empty_finds_only_its_record(client, register):
    empty = dict.fromkeys(
        ["kind", "applicant", "inventor", "ipc", "nice", "district", "patent_type", "status", "year_from", "year_to"],
        "",
    )
    assert found(client, q="CN201310123456.2", sort="", **empty) == ["201310123456.2"]
