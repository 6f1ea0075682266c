"""The register through the read API: the patent and trademark lists are the register's search page kept
to one kind, each record carries what its public page shows, and the statistics count the whole register."""

import pytest
from django.urls import reverse

from api.tests.conftest import SECRETS

pytestmark = pytest.mark.django_db


def numbers(response, field="application_number"):
    assert response.status_code == 200, response.content
    return [item[field] for item in response.json()["results"]]


def test_a_patent_carries_its_applicants_history_and_human_page(api, world):
    body = api.get(reverse("api:patents-detail", args=[world.patent.pk])).json()
    assert body["application_number"] == "201310123456.2"
    assert body["title"] == "一种高纯石英砂的提纯方法"
    assert [party["name"] for party in body["applicants"]] == ["连云港石英新材料有限公司"]
    assert body["applicants"][0]["address"] == "江苏省连云港市东海县石英大道8号"
    assert body["ipc_all"] == ["C01B 33/12", "C03B 20/00"]
    assert body["inventors"] == ["王海", "李明"]
    assert body["grant_date"] == "2015-06-03"
    assert body["status"] == "valid" and body["status_label"]
    assert api.get(body["url"].removeprefix("http://127.0.0.1:8000")).status_code == 200


def test_an_individual_applicants_address_is_left_out_as_on_the_record_page(api, world):
    items = api.get(reverse("api:patents-list"), {"q": "紫菜晾晒架"}).json()["results"]
    assert [party["name"] for party in items[0]["applicants"]] == ["王小海"]
    assert items[0]["applicants"][0]["kind"] == "individual"
    assert items[0]["applicants"][0]["address"] == ""
    assert SECRETS["inventor_address"] not in str(items)


@pytest.mark.parametrize("written", ["CN201310123456.2", "ZL 2013 1 0123456.2", "2013101234562"])
def test_the_patent_list_finds_a_number_written_in_any_usual_way(api, world, written):
    assert numbers(api.get(reverse("api:patents-list"), {"q": written})) == ["201310123456.2"]


def test_the_patent_list_filters_as_the_register_search_page_does(api, world):
    patents = reverse("api:patents-list")
    assert numbers(api.get(patents, {"q": "石英砂"})) == ["201310123456.2"]
    assert numbers(api.get(patents, {"ipc": "C03B"})) == ["201310123456.2"]
    assert numbers(api.get(patents, {"patent_type": "utility_model"})) == ["202020123456.8"]
    assert sorted(numbers(api.get(patents))) == ["201310123456.2", "202020123456.8"]


def test_each_list_keeps_to_its_kind_whatever_the_words_look_like(api, world):
    mark = world.trademark.registration_number
    # A short number is a trademark's on the search page; the patent list still answers with patents only.
    assert numbers(api.get(reverse("api:patents-list"), {"q": mark})) == []
    assert numbers(api.get(reverse("api:trademarks-list"), {"q": mark}), "registration_number") == [mark]
    assert numbers(api.get(reverse("api:trademarks-list")), "registration_number") == [mark]


def test_a_filter_of_the_other_kind_is_not_offered(api, world):
    schema = api.get(reverse("api:schema")).json()

    def parameters(path):
        return {p["name"] for p in schema["paths"][path]["get"]["parameters"]}

    assert {"ipc", "patent_type", "inventor"} <= parameters("/api/v1/patents/")
    assert not {"nice", "kind"} & parameters("/api/v1/patents/")
    assert "nice" in parameters("/api/v1/trademarks/")
    assert not {"ipc", "patent_type", "inventor", "kind"} & parameters("/api/v1/trademarks/")


def test_a_trademark_carries_its_registration_and_human_page(api, world):
    body = api.get(reverse("api:trademarks-detail", args=[world.trademark.pk])).json()
    assert body["registration_number"] == world.trademark.registration_number
    assert body["name"] == world.trademark.name
    assert body["nice_class"] == world.trademark.nice_class
    assert body["image"] is None
    assert api.get(body["url"].removeprefix("http://127.0.0.1:8000")).status_code == 200


def test_a_patents_id_is_not_a_trademark_and_the_other_way_round(api, world):
    assert api.get(reverse("api:trademarks-detail", args=[world.patent.pk])).status_code in (200, 404)
    assert api.get(reverse("api:patents-detail", args=[10**9])).status_code == 404


def test_the_statistics_count_the_whole_register(api, world):
    figures = api.get(reverse("api:register-statistics")).json()
    patents, marks = figures["patents"], figures["trademarks"]
    assert patents["total"] == 2
    assert {row["code"]: row["count"] for row in patents["by_type"]} == {
        "invention": 1,
        "utility_model": 1,
        "design": 0,
    }
    assert patents["in_force"] == 2
    assert {row["year"]: (row["filings"], row["grants"]) for row in patents["by_year"]} == {
        2013: (1, 0),
        2015: (0, 1),
        2020: (1, 1),
    }
    assert marks["total"] == 1
    assert sum(row["count"] for row in marks["by_status"]) == 1
