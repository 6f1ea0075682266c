"""Settings for pytest: whatever services the environment names, plus fast hashing and locmem e-mail."""

import os
from urllib.parse import urlsplit, urlunsplit

REDIS_DATABASES = 16  # Redis's default number of databases


def redis_url_of_test_worker(url, worker):
    """Parallel test workers (pytest-xdist's gw0, gw1, …) each get a test database of their own (pytest-django
    names it after the worker) and, here, a Redis database of their own: every test clears the cache, where
    sessions and rate limits live, and one worker must not clear another's. Worker N takes the database N + 1
    after the one the environment names."""
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0) + 1 + int(worker.removeprefix("gw"))
    if database >= REDIS_DATABASES:
        raise ValueError(f"{worker} would use Redis database {database}: name a lower one in REDIS_URL")
    return urlunsplit(parts._replace(path=f"/{database}"))


# Before the base settings read it, and in the environment, so that the servers a test starts use it too
# (they inherit the worker's name as well: the run's own URL is kept aside so they do not move on again).
if os.environ.get("REDIS_URL") and os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ.setdefault("REDIS_URL_OF_TEST_RUN", os.environ["REDIS_URL"])
    os.environ["REDIS_URL"] = redis_url_of_test_worker(
        os.environ["REDIS_URL_OF_TEST_RUN"], os.environ["PYTEST_XDIST_WORKER"]
    )

from .base import *  # noqa: E402, F403
from .base import DATABASES, PRIVATE_MEDIA_ROOT, REDIS_URL, S3_BUCKET, S3_OPTIONS, STORAGES, VAR_DIR, env  # noqa: E402

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not Django's in-memory default: the live server's request threads then each open their own
    # connection, as `make run` does, so tests with concurrent clients meet SQLite's real locking.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
# Static files come from the finders in tests; nothing is collected.
STATIC_ROOT = None
# Files on the local disk (a temporary folder per test, see conftest.py); with S3_BUCKET set the file tests
# run once more against the bucket (the `file_storage` fixture), under a prefix of their own. The app servers
# the replica tests start (tests/test_replicas.py) keep the bucket: TEST_FILES_IN_BUCKET=1.
TEST_S3_OPTIONS = S3_OPTIONS if S3_BUCKET else None
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
if not env.bool("TEST_FILES_IN_BUCKET", default=False):
    S3_BUCKET = ""
    WAGTAILDOCS_SERVE_METHOD = None
    STORAGES = {
        **STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
        },
    }
if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", default="ipp_test")
# Tasks run inline in tests (the worker processes tests/test_workers.py starts send theirs to each other).
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
# A slice of the demo register keeps the journeys' demo snapshot quick to build and index.
REGISTER_DEMO_SCALE = 0.01
# Tests read each response's context, which a stored page has not got; the page cache's own tests (and a
# run with PAGE_CACHE_ENABLED=1) turn it on.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=False)
