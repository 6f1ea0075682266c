"""The demo, loaded once per test session and put back before every browser journey.

Loading the demo through its domain functions and indexing it takes most of a journey's time; a journey
changes little of it. So the first journey loads it and copies the database (and the media files it
wrote) aside; every later journey gets that copy back in about a second. The copy is made at the
database's own level, so tables outside Django's models (the embedded search index) come back too:
SQLite's online backup on the embedded default, a schema of copied tables on PostgreSQL. On
Elasticsearch each type's index is cloned aside when the demo is loaded and cloned back behind the type's
alias for every later journey: a clone shares the copied index's files, so it takes a fraction of the
time a rebuild from the restored records took (analysing every document's text again).
"""

import os
import shutil
import sqlite3

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction

SNAPSHOT_SCHEMA = "demo_snapshot"
# Rows Django's migration runner owns are left as they are.
UNTOUCHED_TABLES = {"django_migrations"}


class DemoSnapshot:
    def __init__(self, directory):
        self.directory = directory
        self.taken = False
        self._sequences = []
        self._search_copies = {}

    def load_or_restore(self):
        if self.taken:
            self._restore()
        else:
            self._load()
        forget_cached_rows()

    # The first journey -------------------------------------------------------------------------------
    def _load(self):
        from search.backends import get_search_backend
        from tests.seeding import reseed

        primary = get_search_backend()
        if primary.name == "elasticsearch":
            primary.delete_all_indices()
        # Another transactional test's flush may have emptied what migrations seeded, which the demo builds on.
        reseed()
        call_command("load_demo", stdout=open(os.devnull, "w"))
        self._copy_files(settings.MEDIA_ROOT, self.directory / "media")
        self._copy_files(settings.PRIVATE_MEDIA_ROOT, self.directory / "private")
        if connection.vendor == "sqlite":
            self._take_sqlite()
        else:
            self._take_postgresql()
        if primary.name == "elasticsearch":
            self._take_elasticsearch(primary)
        self.taken = True

    def _take_sqlite(self):
        connection.ensure_connection()
        with sqlite3.connect(self.directory / "demo.sqlite3") as copy:
            connection.connection.backup(copy)
        copy.close()

    def _take_postgresql(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {SNAPSHOT_SCHEMA} CASCADE")
            cursor.execute(f"CREATE SCHEMA {SNAPSHOT_SCHEMA}")
            for table in _postgresql_tables(cursor):
                cursor.execute(f'CREATE TABLE {SNAPSHOT_SCHEMA}."{table}" AS TABLE public."{table}"')
            cursor.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'")
            self._sequences = cursor.fetchall()

    def _take_elasticsearch(self, backend):
        client = backend.client
        self.discard_search_copies()
        for index, found in client.indices.get_alias(name=backend.alias("*")).items():
            for alias in found["aliases"]:
                doc_type = alias.removeprefix(backend.alias(""))
                copy = _search_copy_name(backend, doc_type)
                # An index is cloned only while it takes no writes.
                client.indices.add_block(index=index, block="write")
                try:
                    # A clone shares the index's committed files: what is only in its translog is committed first.
                    client.indices.flush(index=index)
                    client.indices.clone(index=index, target=copy)
                finally:
                    client.indices.put_settings(index=index, settings={"index.blocks.write": False})
                self._search_copies[doc_type] = copy

    def discard_search_copies(self):
        from search.backends import get_search_backend

        if self._search_copies:
            get_search_backend().client.indices.delete(
                index=",".join(self._search_copies.values()), ignore_unavailable=True
            )
        self._search_copies = {}

    # Every later journey -----------------------------------------------------------------------------
    def _restore(self):
        if connection.vendor == "sqlite":
            self._restore_sqlite()
        else:
            self._restore_postgresql()
        # Before anything reads rows back: the process-wide caches hold ids of the emptied database.
        forget_cached_rows()
        self._copy_files(self.directory / "media", settings.MEDIA_ROOT)
        self._copy_files(self.directory / "private", settings.PRIVATE_MEDIA_ROOT)
        from search.backends import get_search_backend

        backend = get_search_backend()
        if backend.name == "elasticsearch":
            self._restore_elasticsearch(backend)

    def _restore_elasticsearch(self, backend):
        backend.delete_all_indices()
        aliases = []
        for doc_type, copy in self._search_copies.items():
            index = backend.new_index_name(doc_type)
            backend.client.indices.clone(index=copy, target=index, settings={"index.blocks.write": False})
            aliases.append({"add": {"index": index, "alias": backend.alias(doc_type)}})
        if aliases:
            backend.client.indices.update_aliases(actions=aliases)

    def _restore_sqlite(self):
        connection.ensure_connection()
        with sqlite3.connect(self.directory / "demo.sqlite3") as copy:
            copy.backup(connection.connection)
        copy.close()

    def _restore_postgresql(self):
        with transaction.atomic(), connection.cursor() as cursor:
            tables = _postgresql_tables(cursor)
            # Django's foreign keys are deferred to the commit, so the tables fill in any order.
            cursor.execute("TRUNCATE " + ", ".join(f'public."{table}"' for table in tables))
            for table in tables:
                columns = ", ".join(f'"{name}"' for name in _insertable_columns(cursor, table))
                cursor.execute(
                    f'INSERT INTO public."{table}" ({columns}) OVERRIDING SYSTEM VALUE '
                    f'SELECT {columns} FROM {SNAPSHOT_SCHEMA}."{table}"'
                )
            for sequence, last_value in self._sequences:
                if last_value is None:
                    cursor.execute("SELECT setval(%s, 1, false)", [f'public."{sequence}"'])
                else:
                    cursor.execute("SELECT setval(%s, %s, true)", [f'public."{sequence}"', last_value])

    @staticmethod
    def _copy_files(source, target):
        if os.path.isdir(source):
            shutil.copytree(source, target, dirs_exist_ok=True)


def _search_copy_name(backend, doc_type):
    # Outside the backend's own index and alias names, so that emptying the index leaves the copies.
    return f"{backend.prefix}_demo_copy_{doc_type}"


def _postgresql_tables(cursor):
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    return [name for (name,) in cursor.fetchall() if name not in UNTOUCHED_TABLES]


def _insertable_columns(cursor, table):
    cursor.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND table_name = %s AND is_generated = 'NEVER' ORDER BY ordinal_position",
        [table],
    )
    return [name for (name,) in cursor.fetchall()]


def forget_cached_rows():
    """Row ids changed under the process-wide caches (content types, sites): they are read afresh."""
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.sites.models import Site

    ContentType.objects.clear_cache()
    Site.objects.clear_cache()
    cache.clear()
