"""What /healthz reports: whether each backing service answers."""

import uuid

from django.core.cache import caches
from django.core.files.storage import storages
from django.db import connection

from search.backends import get_search_backend


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "vendor": connection.vendor}


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache = caches["default"]
    cache.set(key, "1", 10)
    ok = cache.get(key) == "1"
    cache.delete(key)
    return {"ok": ok, "backend": type(cache).__name__}


def check_search():
    return get_search_backend().health()


def check_files():
    from core.storage import in_bucket

    storage = storages["private"]
    if not in_bucket(storage):
        return {"ok": True, "backend": "filesystem"}
    storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)
    return {"ok": True, "backend": "bucket", "bucket": storage.bucket_name}


CHECKS = {"database": check_database, "cache": check_cache, "search": check_search, "files": check_files}


def health_report():
    report = {}
    for name, check in CHECKS.items():
        try:
            report[name] = check()
        except Exception as error:
            report[name] = {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
    report["status"] = "ok" if all(part["ok"] for part in report.values()) else "degraded"
    return report
