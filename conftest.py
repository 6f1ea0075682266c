"""Test set-up shared by every app: temporary media, and skipping tests whose service is not configured."""

import os
import shutil
import uuid
from pathlib import Path

import pytest

SERVICE_VARIABLES = {
    "elasticsearch": "ELASTICSEARCH_URL",
    "redis": "REDIS_URL",
    "stripe": "STRIPE_API_BASE",
    "s3": "S3_BUCKET",
}


def chromium_path():
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return path if Path(path).exists() else None


def _reads_the_module_demo(item):
    return "demo_for_module" in getattr(item, "fixturenames", ())


def _is_transactional_item(item):
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    transactional_fixtures = {"transactional_db", "live_server"} & set(fixtures)
    return bool(marker and marker.kwargs.get("transaction")) or bool(transactional_fixtures)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    # After pytest-django's order (rolled-back tests, then transactional ones): the tests reading a module's
    # demo go last among the rolled-back ones, since emptying the database after them leaves it re-seeded
    # (a home page, as after a transactional test) rather than exactly as migrations made it.
    first_transactional = next((i for i, item in enumerate(items) if _is_transactional_item(item)), len(items))
    rolled_back = items[:first_transactional]
    items[:first_transactional] = [item for item in rolled_back if not _reads_the_module_demo(item)] + [
        item for item in rolled_back if _reads_the_module_demo(item)
    ]
    for item in items:
        for marker, variable in SERVICE_VARIABLES.items():
            if marker in item.keywords and not os.environ.get(variable):
                item.add_marker(pytest.mark.skip(reason=f"needs {marker}: set {variable} to run it"))
        if "e2e" in item.keywords and chromium_path() is None:
            item.add_marker(
                pytest.mark.skip(reason="needs Chromium: install Debian's chromium or set CHROMIUM_PATH to run it")
            )


def _is_transactional(request):
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server"} & set(request.fixturenames))


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """Each test process's database is a fresh copy of one migrated template (tests/database_template.py),
    made afresh every run whatever pytest-django's --reuse-db or --create-db say: a copy takes about a second,
    and a database a transactional test's flush left without what migrations seeded is never reused."""
    from tests.database_template import create_test_database, destroy_test_database

    with django_db_blocker.unblock():
        original_name = create_test_database()
    yield
    with django_db_blocker.unblock():
        destroy_test_database(original_name)


@pytest.fixture(autouse=True)
def _reseed_after_flush(request):
    """A transactional test starts from what migrations seeded, even after another one's flush."""
    # A journey's demo snapshot brings these rows back with everything else.
    if _is_transactional(request) and "demo_data" not in request.fixturenames:
        request.getfixturevalue("transactional_db")
        from tests.seeding import reseed

        reseed()


@pytest.fixture(autouse=True)
def _media_in_tmp(request, settings, tmp_path):
    if "demo_for_module" in request.fixturenames:
        return  # the module's demo keeps its files where it restored them
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {**settings.STORAGES["private"], "OPTIONS": {"location": tmp_path / "private", "base_url": None}},
    }


@pytest.fixture(autouse=True)
def _site_language():
    # core.middleware activates the request's language and leaves it active in the thread, so a test that
    # browses in English would otherwise leak English messages into the next test run by the same process.
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate limits and sessions live in the cache; one test's attempts must not count against another's.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def password():
    from tests.factories import DEFAULT_PASSWORD

    return DEFAULT_PASSWORD


@pytest.fixture(autouse=True, scope="session")
def _search_indices_of_this_run(django_db_setup):
    """Elasticsearch indices written during this run get a prefix of their own, removed at the end, so
    one run never reads another's documents."""
    from django.conf import settings

    settings.SEARCH_INDEX_PREFIX = f"{settings.SEARCH_INDEX_PREFIX}_{uuid.uuid4().hex[:8]}"
    yield
    if os.environ.get("ELASTICSEARCH_URL"):
        from search.backends import ElasticsearchBackend

        ElasticsearchBackend(os.environ["ELASTICSEARCH_URL"]).delete_all_indices()


@pytest.fixture(params=["embedded", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def search_index(request, settings, db):
    """For tests of listing pages, which read the search index: an empty index on one backend (each
    test runs on both when Elasticsearch is configured), kept up to date as a commit would keep it.

    The outbox is applied after a transaction commits, and a test's transaction never commits; so the
    pending outbox is applied at the start of every request the test makes instead."""
    from django.core.signals import request_started

    from search import backends
    from search.outbox import process_pending

    if request.param == "embedded":
        settings.ELASTICSEARCH_URL = ""
        backend = backends.embedded_backend()
    else:
        from search.tests.conftest import es_prefix, use_elasticsearch

        backend = use_elasticsearch(settings, es_prefix(uuid.uuid4().hex[:6]))

    def apply_outbox(**kwargs):
        process_pending()

    request_started.connect(apply_outbox, dispatch_uid="tests_search_index")
    yield backend
    request_started.disconnect(dispatch_uid="tests_search_index")
    if request.param == "elasticsearch":
        backend.delete_all_indices()


@pytest.fixture(scope="session")
def demo_snapshot(tmp_path_factory):
    from tests.demo_snapshot import DemoSnapshot

    snapshot = DemoSnapshot(tmp_path_factory.mktemp("demo-snapshot"))
    yield snapshot
    snapshot.discard_search_copies()


@pytest.fixture(scope="module")
def demo_for_module(django_db_setup, django_db_blocker, demo_snapshot, tmp_path_factory):
    """The whole demo, as `load_demo` makes it, for a module of tests that read it.

    Restored once for the module (loaded once per session, see tests/demo_snapshot.py); each test still
    runs in its own rolled-back transaction, so what a test changes is gone for the next; after the module
    the database is emptied back to what migrations seeded, as after a transactional test."""
    from django.test import override_settings

    media = tmp_path_factory.mktemp("module-demo-media")
    with override_settings(
        MEDIA_ROOT=media / "public",
        PRIVATE_MEDIA_ROOT=media / "private",
        STORAGES=_private_storage_at(media / "private"),
    ):
        with django_db_blocker.unblock():
            demo_snapshot.load_or_restore()
        yield
        with django_db_blocker.unblock():
            _empty_database()


def _private_storage_at(location):
    from django.conf import settings

    private = {**settings.STORAGES["private"], "OPTIONS": {"location": location, "base_url": None}}
    return {**settings.STORAGES, "private": private}


def _empty_database():
    from django.core.management import call_command
    from django.db import connection

    from search.models import OutboxEntry, SearchEntry
    from tests.demo_snapshot import forget_cached_rows
    from tests.seeding import reseed

    call_command("flush", verbosity=0, interactive=False)
    forget_cached_rows()
    reseed()
    # A freshly migrated database has an empty search index and outbox: re-seeding's saves queued and
    # indexed the home page, and flush leaves SQLite's full-text table (not a model's) as it was.
    OutboxEntry.objects.all().delete()
    SearchEntry.objects.all().delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")


@pytest.fixture(scope="module", params=["embedded", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def indexed_demo_for_module(request, demo_for_module, django_db_blocker):
    """The module's demo, searched through one backend (each test runs on both when Elasticsearch is set).

    The embedded index came back with the database; an Elasticsearch index set of the module's own is
    built from the restored rows, as `manage.py search_reindex` builds it."""
    from django.core.management import call_command
    from django.test import override_settings

    from search import backends

    if request.param == "embedded":
        with override_settings(ELASTICSEARCH_URL=""):
            yield backends.embedded_backend()
        return
    from search.tests.conftest import es_prefix, es_url

    with override_settings(
        ELASTICSEARCH_URL=es_url(), SEARCH_INDEX_PREFIX=es_prefix(uuid.uuid4().hex[:6]), SEARCH_REFRESH_ON_WRITE=True
    ):
        backend = backends.get_search_backend()
        with django_db_blocker.unblock():
            call_command("search_reindex", stdout=open(os.devnull, "w"))
        yield backend
        backend.delete_all_indices()


@pytest.fixture
def indexed_demo(indexed_demo_for_module, db):
    """For one test: the module's indexed demo, kept up to date within the test as `search_index` keeps it."""
    from django.core.signals import request_started

    from search.outbox import process_pending

    def apply_outbox(**kwargs):
        process_pending()

    request_started.connect(apply_outbox, dispatch_uid="tests_indexed_demo")
    yield indexed_demo_for_module
    request_started.disconnect(dispatch_uid="tests_indexed_demo")


def pytest_generate_tests(metafunc):
    # A test marked `files` (uploads, private downloads, refusals) runs on the file system and, with S3_BUCKET
    # set, once more against the bucket.
    if metafunc.definition.get_closest_marker("files") or "file_storage" in metafunc.fixturenames:
        if "file_storage" not in metafunc.fixturenames:
            metafunc.fixturenames.append("file_storage")
        metafunc.parametrize(
            "file_storage", ["filesystem", pytest.param("s3", marks=pytest.mark.s3)], indirect=True, scope="function"
        )


@pytest.fixture
def file_storage(request, settings):
    """Where the test's files go: "filesystem" (the temporary folders of `_media_in_tmp`) or "s3", the
    bucket named by S3_BUCKET under a prefix of the test's own, emptied afterwards."""
    backend = getattr(request, "param", "filesystem")
    if backend == "filesystem":
        yield backend
        return
    yield from _files_in_the_bucket(settings)


@pytest.fixture
def bucket(settings):
    """For tests marked `s3` only: both storages in the bucket, under a prefix of the test's own; yields it."""
    yield from _files_in_the_bucket(settings)


def _files_in_the_bucket(settings):
    from django.core.files.storage import storages

    prefix = f"test-{uuid.uuid4().hex[:12]}"
    options = settings.TEST_S3_OPTIONS
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "core.storage.PublicMediaBucketStorage",
            "OPTIONS": {**options, "location": f"{prefix}/media"},
        },
        "private": {
            "BACKEND": "core.storage.PrivateBucketStorage",
            "OPTIONS": {**options, "location": f"{prefix}/private"},
        },
    }
    yield prefix
    storages["private"].bucket.objects.filter(Prefix=f"{prefix}/").delete()
