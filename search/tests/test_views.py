"""The search page and the completions endpoint, on the embedded backend with the corpus loaded."""

import pytest
from django.urls import reverse

from search.tests.corpus import corpus_docs


@pytest.fixture
def corpus(embedded):
    embedded.index(corpus_docs())


def test_search_page_shows_ranked_highlighted_results_with_key_facts(client, corpus, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):
        response = client.get(reverse("search:results"), {"q": "质押融资"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>" in html
    assert "新材料企业<mark>专利权质押融资</mark>需求500万元" in html
    assert "融资信息" in html and "服务机构" in html and "政策法规" in html
    assert "地区：海州区" in html
    assert 'href="/test/financing/f1/"' in html


def test_facets_and_sort_live_in_the_url(client, corpus):
    response = client.get(reverse("search:results"), {"q": "专利", "type": "transaction", "sort": "price_asc"})
    results = response.context["results"]
    assert {hit.doc.type for hit in results.hits} == {"transaction"}
    prices = [hit.doc.price_min for hit in results.hits]
    assert prices == sorted(prices)
    panel = next(p for p in response.context["facet_panels"] if p["name"] == "type")
    selected = next(v for v in panel["values"] if v["selected"])
    assert selected["label"] == "交易信息"
    # Clicking the selected type again removes it, keeping the query and the sort.
    assert "type=" not in selected["url"] and "q=" in selected["url"] and "sort=price_asc" in selected["url"]
    district = next(p for p in response.context["facet_panels"] if p["name"] == "district")
    assert any("district=" in v["url"] and "type=transaction" in v["url"] for v in district["values"])


def test_pagination_links_keep_the_query(client, corpus):
    response = client.get(reverse("search:results"), {"q": "专利", "page": "2"})
    assert response.context["query"].page == 2
    links = response.context["pagination"]
    assert links["previous"] and "q=" in links["previous"] and "page=1" in links["previous"]


def test_bad_parameters_are_ignored_not_an_error(client, corpus):
    response = client.get(reverse("search:results"), {"q": "专利代理", "page": "abc", "sort": "bogus", "date": "x"})
    assert response.status_code == 200
    assert response.context["results"].total > 0


def test_no_result_offers_did_you_mean(client, corpus):
    response = client.get(reverse("search:results"), {"q": "专历代理"})
    html = response.content.decode()
    assert "您是不是要找" in html and "专利代理" in html
    assert "q=%E4%B8%93%E5%88%A9%E4%BB%A3%E7%90%86" in response.context["did_you_mean_url"]


def test_suggest_endpoint_answers_json(client, corpus):
    response = client.get(reverse("search:suggest"), {"q": "连云港港"})
    assert response.json() == {
        "q": "连云港港",
        "suggestions": ["连云港港城专利代理事务所", "连云港港城专利代理事务所获评全省优秀专利代理机构"],
    }
    assert client.get(reverse("search:suggest"), {"q": "专" * 51}).status_code == 400


def test_empty_search_page_browses_everything_newest_first(client, corpus):
    response = client.get(reverse("search:results"))
    assert response.status_code == 200
    dates = [hit.doc.date for hit in response.context["results"].hits]
    assert dates == sorted(dates, reverse=True)


def test_header_has_a_search_box(client, corpus):
    html = client.get("/search/").content.decode()
    assert 'data-suggest-url="/search/suggest"' in html and "search/search.js" in html


def test_search_page_in_english_shows_reference_names_and_fact_labels_in_english(client, corpus):
    client.cookies["ipp_language"] = "en"
    html = client.get(reverse("search:results"), {"q": "质押融资"}).content.decode()
    assert "District: Haizhou District" in html
    assert "地区" not in html
    district = next(
        p
        for p in client.get(reverse("search:results"), {"q": "专利"}).context["facet_panels"]
        if p["name"] == "district"
    )
    assert "Haizhou District" in {value["label"] for value in district["values"]}


def test_only_an_institution_result_can_be_chosen_for_comparison(client, corpus):
    response = client.get(reverse("search:results"), {"q": "质押融资"})
    hits = response.context["results"].hits
    institutions = [hit.doc.id for hit in hits if hit.doc.type == "institution"]
    assert institutions and len(institutions) < len(hits)
    html = response.content.decode()
    assert html.count('class="form-check-input compare-toggle"') == len(institutions)
    for institution_id in institutions:
        assert f'id="compare-{institution_id}"' in html
