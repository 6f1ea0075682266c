"""The read API answers with the same records, filters and order as the human list pages."""

import pytest
from django.urls import reverse

from api.pagination import decode_cursor
from api.tests.conftest import SECRETS

pytestmark = pytest.mark.django_db


def titles(response):
    assert response.status_code == 200, response.content
    return [item.get("title") or item.get("name") for item in response.json()["results"]]


def test_every_list_serves_its_public_records_with_id_and_human_page(api, world):
    expected = {
        "policies": world.policy,
        "news": world.news,
        "patent-information": world.report,
        "courses": world.course,
        "offerings": world.offering,
        "transactions": world.transaction,
        "financing": world.need,
    }
    for segment, record in expected.items():
        items = api.get(reverse(f"api:{segment}-list")).json()["results"]
        found = [item for item in items if item["id"] == record.pk]
        assert found, segment
        human = api.get(found[0]["url"].removeprefix("http://127.0.0.1:8000"))
        assert human.status_code == 200, (segment, found[0]["url"])
    institutions = api.get(reverse("api:institutions-list")).json()["results"]
    assert [item["name"] for item in institutions] == [world.institution.name]


def test_a_policy_shows_its_numbers_agency_validity_and_what_repealed_it(api, world):
    body = api.get(reverse("api:policies-detail", args=[world.repealed_policy.pk])).json()
    assert body["document_number"] == world.repealed_policy.document_number
    assert body["index_number"] == world.repealed_policy.index_number
    assert body["issuing_agency"]["name"] == "连云港市科学技术局"
    assert body["validity"] == "repealed"
    assert body["repealed_by"]["id"] == world.policy.pk
    assert body["repealed_by"]["document_number"] == world.policy.document_number


def test_policy_filters_are_the_library_pages_filters(api, world):
    assert titles(api.get(reverse("api:policies-list"), {"validity": "repealed"})) == [world.repealed_policy.title]
    assert titles(api.get(reverse("api:policies-list"), {"year": 2012})) == [world.repealed_policy.title]
    assert world.policy.title in titles(api.get(reverse("api:policies-list"), {"topic": "专利资助"}))


def test_q_searches_through_the_search_service(api, world):
    assert titles(api.get(reverse("api:transactions-list"), {"q": "石英砂"})) == [world.transaction.title]
    # The news list's page has no keyword box; the API's q still searches it.
    assert titles(api.get(reverse("api:news-list"), {"q": "宣传周"})) == [world.news.title]
    assert titles(api.get(reverse("api:news-list"), {"q": "碳纤维预警"})) == []


def test_an_invalid_filter_value_is_refused_with_the_reason(api, world):
    response = api.get(reverse("api:transactions-list"), {"min_amount": "5", "max_amount": "1"})
    assert response.status_code == 400
    assert "max_amount" in response.json()
    assert api.get(reverse("api:policies-list"), {"validity": "nonsense"}).status_code == 400


def test_a_course_shows_its_places_left_and_fee_but_not_the_classroom_link(api, world):
    body = api.get(reverse("api:courses-detail", args=[world.course.pk])).json()
    assert body["places_left"] == world.course.capacity
    assert body["fee"] == "800.00"
    assert "online_url" not in body


def test_an_institution_shows_its_scorecard_and_published_offerings(api, world):
    body = api.get(reverse("api:institutions-detail", args=[world.institution.pk])).json()
    assert set(body["scorecard"]) == {"rating_average", "rating_count", "completed_orders", "median_reply_hours"}
    assert [offering["id"] for offering in body["offerings"]] == [world.offering.pk]


def test_financing_lists_needs_and_products_and_filters_by_section(api, world):
    listed = {item["id"] for item in api.get(reverse("api:financing-list")).json()["results"]}
    assert {world.need.pk, world.product.pk} <= listed
    only_products = api.get(reverse("api:financing-list"), {"section": "financing_product"}).json()["results"]
    assert [item["id"] for item in only_products] == [world.product.pk]
    assert api.get(reverse("api:financing-detail", args=[world.product.pk])).json()["section"] == "financing_product"
    # A transaction is not a financing record.
    assert api.get(reverse("api:financing-detail", args=[world.transaction.pk])).status_code == 404


def test_the_targets_summary_lists_only_published_indicators(api, world):
    body = api.get(reverse("api:targets")).json()
    assert body and SECRETS["unpublished_indicator"] not in {row["name"] for row in body}


def test_cursor_pagination_walks_every_record_once(api, world):
    for number in range(4):
        world.make_policy(f"翻页测试文件{number}")
    seen, url, pages = [], reverse("api:policies-list") + "?page_size=2", 0
    while url:
        body = api.get(url).json()
        seen += [item["id"] for item in body["results"]]
        url, pages = body["next"], pages + 1
    assert pages == 3 and len(seen) == len(set(seen)) == 6
    back = api.get(body["previous"]).json()
    assert len(back["results"]) == 2


def test_a_forged_cursor_or_page_size_is_refused(api, world):
    assert api.get(reverse("api:policies-list"), {"cursor": "not-a-cursor"}).status_code == 400
    assert api.get(reverse("api:policies-list"), {"page_size": 1000}).status_code == 400
    with pytest.raises(Exception):  # noqa: B017 - any refusal
        decode_cursor("eyJwIjogMH0")


def test_unchanged_answers_come_back_as_304_and_a_change_shows(api, world):
    url = reverse("api:news-detail", args=[world.news.pk])
    first = api.get(url)
    assert first["ETag"] and first["Last-Modified"]
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    world.news.title = "宣传周活动闭幕"
    world.news.save_revision().publish()
    changed = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed.json()["title"] == "宣传周活动闭幕"
    listed = api.get(reverse("api:news-list"))
    assert api.get(reverse("api:news-list"), HTTP_IF_NONE_MATCH=listed["ETag"]).status_code == 304


def test_the_api_only_reads(api, world):
    for url in (reverse("api:policies-list"), reverse("api:policies-detail", args=[world.policy.pk])):
        assert api.post(url, {}).status_code == 405
        assert api.delete(url).status_code == 405


def test_an_id_beyond_any_record_is_404(api, world):
    assert api.get(reverse("api:policies-detail", args=[2**63])).status_code == 404
    assert api.get(reverse("api:policies-detail", args=[world.news.pk])).status_code == 404
