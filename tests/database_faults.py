"""Failures made by the database itself, for tests of what a failed write leaves behind.

A test that wants an import to fail half-way asks the database to refuse a write, as a full disk or a lost
connection would make it, rather than replacing one of our functions with one that raises: the code under
test runs whole and meets the error where a real one would reach it.
"""

from contextlib import contextmanager

from django.db import connection

MESSAGE = "the database refused the write (tests.database_faults)"


@contextmanager
def rows_refused_after(model, count):
    """Inside the block, the database refuses to insert a row of `model` once its table holds `count` rows."""
    table = connection.ops.quote_name(model._meta.db_table)
    name = f"test_refuse_{model._meta.db_table}"
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f'CREATE TRIGGER "{name}" BEFORE INSERT ON {table} WHEN (SELECT count(*) FROM {table}) >= {int(count)} '
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
        elif connection.vendor == "postgresql":
            cursor.execute(
                f'CREATE FUNCTION "{name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN '
                f"IF (SELECT count(*) FROM {table}) >= {int(count)} THEN RAISE EXCEPTION '{MESSAGE}'; END IF; "
                "RETURN NEW; END $$"
            )
            cursor.execute(f'CREATE TRIGGER "{name}" BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION "{name}"()')
        else:
            raise NotImplementedError(connection.vendor)
    try:
        yield MESSAGE
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute(f'DROP TRIGGER IF EXISTS "{name}"')
            else:
                cursor.execute(f'DROP TRIGGER IF EXISTS "{name}" ON {table}')
                cursor.execute(f'DROP FUNCTION IF EXISTS "{name}"()')
