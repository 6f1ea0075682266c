"""Test databases copied from one migrated template instead of each migrated afresh.

Applying the project's migrations (some 270, most of the time spent by Django rendering model states) took
30–60 s for each test process on a two-core machine, and CI starts about six of them: each xdist worker, the
tests that run alone, the embedded-default phase, the two-node Elasticsearch phase. Now the first process
to need a database migrates a template, named after a fingerprint of every migration file, and every test
database is a copy of it: `CREATE DATABASE … TEMPLATE` on PostgreSQL, SQLite's backup on the embedded
default. A changed, added or removed migration (ours or an installed package's) changes the fingerprint,
so a stale template is never used; it is dropped when its successor is made. A template is built under
a temporary name and renamed when complete, so one interrupted half-way is never mistaken for a whole one.
"""

import fcntl
import hashlib
import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

# A test database is dropped even if a session still holds it: a live-server thread whose client kept its HTTP
# connection alive keeps its database connection until the client lets go, which at the end of a run (or after
# an interrupted one) may be never; Django's plain DROP DATABASE then failed the run's last test.
_FORCE = "WITH (FORCE)"


def create_test_database(alias=DEFAULT_DB_ALIAS):
    """Point `alias` at a fresh copy of the migrated template; return the name to restore afterwards."""
    connection = connections[alias]
    original_name = connection.settings_dict["NAME"]
    test_name = connection.creation._get_test_db_name()
    template = _template_name(connection, _migrations_fingerprint())
    with _exclusive(Path(settings.VAR_DIR) / "test-database-template.lock"):
        if not _exists(connection, template):
            _build(connection, template, original_name)
            _drop_stale_templates(connection, keep=template)
        # Under the lock too: PostgreSQL refuses to copy a template another session is connected to.
        _copy(connection, template, test_name)
    connection.close()
    settings.DATABASES[alias]["NAME"] = test_name
    connection.settings_dict["NAME"] = test_name
    connection.ensure_connection()
    return original_name


def destroy_test_database(original_name, alias=DEFAULT_DB_ALIAS):
    connection = connections[alias]
    if connection.vendor != "postgresql":
        connection.creation.destroy_test_db(original_name, verbosity=0)
        return
    test_name = connection.settings_dict["NAME"]
    connection.close()
    settings.DATABASES[alias]["NAME"] = original_name
    connection.settings_dict["NAME"] = original_name
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{test_name}" {_FORCE}')


def existing_template(alias=DEFAULT_DB_ALIAS):
    """The migrated template of the current migrations, if a test run has made it; else None."""
    connection = connections[alias]
    template = _template_name(connection, _migrations_fingerprint())
    return template if _exists(connection, template) else None


def _migrations_fingerprint():
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    digest = hashlib.sha256()
    for key in sorted(loader.disk_migrations):
        module = sys.modules[type(loader.disk_migrations[key]).__module__]
        digest.update(repr(key).encode())
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:12]


def _template_name(connection, fingerprint):
    if connection.vendor == "sqlite":
        return str(Path(settings.VAR_DIR) / f"test-template-{fingerprint}.sqlite3")
    return f"test_{connection.settings_dict['NAME']}_template_{fingerprint}"


def _stale_template_pattern(connection):
    return _template_name(connection, "*" if connection.vendor == "sqlite" else "%")


@contextmanager
def _exclusive(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _exists(connection, name):
    if connection.vendor == "sqlite":
        return Path(name).exists()
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


def _build(connection, name, original_name):
    """Migrate a database under a temporary name, as Django makes a test database, then rename it."""
    building = f"{name}.building" if connection.vendor == "sqlite" else f"{name}_building"
    test_settings = connection.settings_dict["TEST"]
    asked_name = test_settings.get("NAME")
    test_settings["NAME"] = building
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    finally:
        test_settings["NAME"] = asked_name
        connection.close()
        settings.DATABASES[connection.alias]["NAME"] = original_name
        connection.settings_dict["NAME"] = original_name
    if connection.vendor == "sqlite":
        # Copied through SQLite rather than renamed, so that nothing still in a write-ahead log is left behind.
        _sqlite_copy(building, name)
        for path in (building, f"{building}-wal", f"{building}-shm"):
            Path(path).unlink(missing_ok=True)
        return
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')


def _drop_stale_templates(connection, keep):
    if connection.vendor == "sqlite":
        pattern = Path(_stale_template_pattern(connection))
        for path in pattern.parent.glob(pattern.name):
            if str(path) != keep:
                path.unlink(missing_ok=True)
        return
    with connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
            [_stale_template_pattern(connection), keep],
        )
        for (stale,) in cursor.fetchall():
            cursor.execute(f'DROP DATABASE IF EXISTS "{stale}"')


def _copy(connection, template, test_name):
    if connection.vendor == "sqlite":
        for path in (test_name, f"{test_name}-wal", f"{test_name}-shm"):
            Path(path).unlink(missing_ok=True)
        _sqlite_copy(template, test_name)
        return
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{test_name}" {_FORCE}')
        cursor.execute(f'CREATE DATABASE "{test_name}" TEMPLATE "{template}"')


def _sqlite_copy(source_path, target_path):
    source = sqlite3.connect(source_path)
    target = sqlite3.connect(target_path)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
