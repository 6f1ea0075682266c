"""Settings for pytest: whatever services the environment names, plus fast hashing and locmem e-mail."""

from .base import *  # noqa: F403
from .base import DATABASES, REDIS_URL, STORAGES, VAR_DIR, env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not Django's in-memory default: the live server's request threads then each open their own
    # connection, as `make run` does, so tests with concurrent clients meet SQLite's real locking.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
# Static files come from the finders in tests; nothing is collected.
STATIC_ROOT = None
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", default="ipp_test")
# Tasks run inline in tests.
CELERY_TASK_ALWAYS_EAGER = True
# A slice of the demo register keeps the journeys' demo snapshot quick to build and index.
REGISTER_DEMO_SCALE = 0.01
# Tests read each response's context, which a stored page has not got; the page cache's own tests (and a
# run with PAGE_CACHE_ENABLED=1) turn it on.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=False)
