"""Search on a replicated Elasticsearch: two nodes, every index with one replica. One node stops in the
middle of the run: the conformance suite's searches still answer (from the copies on the other node), the
platform's writes go on, and once the node is back it holds everything written meanwhile.

Runs where `.ci/es-pair.sh` started the pair (ELASTICSEARCH_CLUSTER_CONTROL set, ELASTICSEARCH_URL naming
both nodes, SEARCH_INDEX_REPLICAS=1), once in CI; skipped elsewhere."""

import inspect
import os
import shlex
import subprocess

import pytest
from elasticsearch import Elasticsearch

from search import service
from search.outbox import drain, pending
from search.query import SearchQuery
from search.tests import test_conformance
from search.tests.conftest import es_prefix, use_elasticsearch
from services.tests.factories import InstitutionFactory

CONTROL = os.environ.get("ELASTICSEARCH_CLUSTER_CONTROL", "")

pytestmark = pytest.mark.skipif(
    not CONTROL, reason="needs a two-node Elasticsearch: run .ci/es-pair.sh start and set what `env` prints"
)


def control(*args):
    subprocess.run([*shlex.split(CONTROL), *args], check=True, timeout=300)


def health(node, **params):
    return Elasticsearch(node, request_timeout=120).cluster.health(**params)


def conformance_searches():
    """The conformance suite's tests that only search the corpus (they take the backend and nothing else)."""
    for name, function in vars(test_conformance).items():
        if name.startswith("test_") and list(inspect.signature(function).parameters) == ["search_backend"]:
            yield name, function


@pytest.fixture
def cluster(settings, es_corpus_prefix):
    nodes = [url.strip() for url in settings.ELASTICSEARCH_URL.split(",")]
    assert len(nodes) == 2 and settings.SEARCH_INDEX_REPLICAS == 1
    backend = use_elasticsearch(settings, es_corpus_prefix)
    health(nodes[0], wait_for_status="green", timeout="120s")
    yield nodes, backend
    control("start-node", "2")


@pytest.mark.django_db
def test_searches_answer_with_a_node_stopped_and_it_catches_up_when_back(cluster, settings):
    nodes, backend = cluster
    settings_of_an_index = backend.client.indices.get_settings(index=backend.alias("institution"))
    assert {s["settings"]["index"]["number_of_replicas"] for s in settings_of_an_index.values()} == {"1"}

    control("stop-node", "2")
    assert health(nodes[0])["number_of_nodes"] == 1
    searches = dict(conformance_searches())
    assert len(searches) >= 15
    for _name, search in searches.items():
        search(backend)

    # Written while the node is away: the outbox applies it to the copies that remain.
    writer = use_elasticsearch(settings, es_prefix("pair-writes"))
    institution = InstitutionFactory(organisation__name="连云港灌云县海带养殖合作社知识产权服务所")
    applied, failed = drain()
    assert applied and not failed and not pending().exists()
    assert f"institution:{institution.pk}" in [hit.doc.uid for hit in service.search(SearchQuery(text="海带")).hits]

    control("start-node", "2")
    health(nodes[0], wait_for_status="green", timeout="120s")
    # The returned node holds a copy of every shard again, up to date: asked alone, it answers the same.
    only_second = Elasticsearch(nodes[1], request_timeout=30)
    for prefix in (backend.prefix, writer.prefix):
        for index in writer.client.indices.get_alias(index=f"{prefix}_search_*"):
            local = only_second.count(index=index, preference="_only_local")["count"]
            assert local == writer.client.count(index=index)["count"]
    writer.delete_all_indices()
