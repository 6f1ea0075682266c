"""Relevance, measured: the judged queries in judgements.json, scored against both backends.

P@5 counts the judged documents (relevant or related) among the first five results, out of
min(5, number judged), so a query with two right answers is not penalised for having only two;
nDCG@10 uses grade 2 for "relevant" and 1 for "related". "first" is the set one of which must top
the list. The thresholds are what both backends must keep; a change to analysis or ranking that lowers
them fails here.
"""

import json
import math
from pathlib import Path

import pytest

from search import service
from search.query import SearchQuery

JUDGEMENTS = json.loads((Path(__file__).parent / "judgements.json").read_text(encoding="utf-8"))["queries"]

MIN_MEAN_PRECISION_AT_5 = 0.85
MIN_MEAN_NDCG_AT_10 = 0.85
MIN_SHARE_FIRST_CORRECT = 0.9


def grades(judgement):
    found = dict.fromkeys(judgement["related"], 1)
    found.update(dict.fromkeys(judgement["relevant"], 2))
    return found


def precision_at_5(ranked, judged):
    top = ranked[:5]
    return sum(1 for uid in top if uid in judged) / min(5, len(judged))


def ndcg_at_10(ranked, judged):
    dcg = sum((2 ** judged.get(uid, 0) - 1) / math.log2(rank + 2) for rank, uid in enumerate(ranked[:10]))
    ideal = sorted(judged.values(), reverse=True)[:10]
    idcg = sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(ideal))
    return dcg / idcg


def score_all():
    rows = []
    for judgement in JUDGEMENTS:
        ranked = [hit.doc.uid for hit in service.search(SearchQuery(text=judgement["query"], per_page=10)).hits]
        judged = grades(judgement)
        rows.append(
            {
                "query": judgement["query"],
                "p5": precision_at_5(ranked, judged),
                "ndcg10": ndcg_at_10(ranked, judged),
                "first": bool(ranked) and ranked[0] in judgement["first"],
                "ranked": ranked[:5],
            }
        )
    return rows


def test_the_judged_set_is_large_enough_and_consistent():
    assert len(JUDGEMENTS) >= 40
    assert len({j["query"] for j in JUDGEMENTS}) == len(JUDGEMENTS)
    for judgement in JUDGEMENTS:
        assert judgement["first"] and set(judgement["first"]) <= set(judgement["relevant"]) | set(judgement["related"])


def test_relevance_meets_the_thresholds(search_backend):
    rows = score_all()
    mean_p5 = sum(r["p5"] for r in rows) / len(rows)
    mean_ndcg = sum(r["ndcg10"] for r in rows) / len(rows)
    first_share = sum(r["first"] for r in rows) / len(rows)
    weak = [
        (r["query"], round(r["p5"], 2), round(r["ndcg10"], 2), r["ranked"])
        for r in rows
        if r["ndcg10"] < 0.7 or not r["first"]
    ]
    report = f"{search_backend.name}: P@5 {mean_p5:.3f}, nDCG@10 {mean_ndcg:.3f}, first {first_share:.3f}; weak: {weak}"
    print(report)
    assert mean_p5 >= MIN_MEAN_PRECISION_AT_5, report
    assert mean_ndcg >= MIN_MEAN_NDCG_AT_10, report
    assert first_share >= MIN_SHARE_FIRST_CORRECT, report


@pytest.mark.parametrize("judgement", JUDGEMENTS, ids=[j["query"] for j in JUDGEMENTS])
def test_every_must_find_document_is_found(embedded, judgement):
    from search.tests.corpus import corpus_docs

    embedded.index(corpus_docs())
    found = {hit.doc.uid for hit in service.search(SearchQuery(text=judgement["query"], per_page=20)).hits}
    assert set(judgement["relevant"]) <= found
