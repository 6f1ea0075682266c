"""The search backend the platform uses: Elasticsearch when ELASTICSEARCH_URL is set, else embedded.

Both backends answer the same interface; the cross-search issue fills in indexing and querying.
"""

from functools import cache

from django.conf import settings


class EmbeddedBackend:
    """Searches the platform's own database; always available."""

    name = "embedded"

    def health(self):
        return {"ok": True, "backend": self.name}


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, url):
        from elasticsearch import Elasticsearch

        self.url = url
        self.client = Elasticsearch(url, request_timeout=5, max_retries=0)

    def health(self):
        info = self.client.cluster.health()
        return {
            "ok": info["status"] in ("green", "yellow"),
            "backend": self.name,
            "cluster_status": info["status"],
            "version": self.client.info()["version"]["number"],
        }


@cache
def get_search_backend():
    if settings.ELASTICSEARCH_URL:
        return ElasticsearchBackend(settings.ELASTICSEARCH_URL)
    return EmbeddedBackend()
