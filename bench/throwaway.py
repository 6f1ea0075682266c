"""A throw-away database for a benchmark: never the development one.

SQLite in a temporary directory, or, for a benchmark that asks for it (`server=True`) when DATABASE_URL
names a database server (PostgreSQL), a new database of its own on that server, named after the configured
one, the benchmark and the process, made and migrated by Django's test-database machinery and removed by
`drop_throwaway_database`.
"""

import logging
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_made = {}


def django_in_throwaway_database(name, migrate=True, server=False):
    """Sets Django up on a new database (with its own media directories) and applies the migrations.
    Returns the temporary directory."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    workdir = tempfile.mkdtemp(prefix=f"ipp-bench-{name}-")
    on_server = server and not os.environ.get("DATABASE_URL", "sqlite").startswith("sqlite")
    if not on_server:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_MEDIA_ROOT", f"{workdir}/media")
    os.environ.setdefault("DJANGO_PRIVATE_MEDIA_ROOT", f"{workdir}/private")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    # Inline tasks log each run; thousands of lines would bury the results.
    logging.getLogger("celery").setLevel(logging.WARNING)
    # As does the Elasticsearch client, a line per request.
    logging.getLogger("elastic_transport").setLevel(logging.WARNING)
    if on_server:
        from django.db import connection

        configured = connection.settings_dict["NAME"]
        connection.settings_dict["TEST"] = {
            **connection.settings_dict["TEST"],
            "NAME": f"{configured}_bench_{name}_{os.getpid()}",
        }
        print(f"Creating and migrating a throw-away {connection.vendor} database…", flush=True)
        made = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        _made["server"] = (configured, made)
    elif migrate:
        from django.core.management import call_command

        print("Migrating a throw-away SQLite database…", flush=True)
        call_command("migrate", verbosity=0, interactive=False)
    return workdir


def throwaway_database_name():
    """What the report says of the database: its vendor, and the server database's name."""
    from django.db import connection

    return f"{connection.vendor} ({connection.settings_dict['NAME']})"


def drop_throwaway_database():
    """Removes a server database made by `django_in_throwaway_database` (a SQLite file goes with its
    temporary directory)."""
    if "server" in _made:
        from django.db import connection

        configured, _name = _made.pop("server")
        connection.creation.destroy_test_db(configured, verbosity=0)
