"""The database planner's view of tables just loaded in bulk."""

from django.db import connection


def refresh_planner_statistics(*models):
    """Re-read the row statistics of `models`' tables, after rows were written to them in bulk.

    PostgreSQL plans from statistics its autovacuum refreshes some time after a change. A table it last
    analysed while empty but with pages (rows inserted and deleted or rolled back) is believed to hold
    no rows whatever its size, and the register's counting queries then nest a scan of every event inside
    a scan of every patent: a check on 7,000 patents ran for more than an hour instead of three seconds.
    Analysing costs a sample of each table (at most 30,000 rows), so it is done when a load has finished,
    in the loading transaction, whose own rows PostgreSQL counts. SQLite plans without such statistics.
    """
    if connection.vendor != "postgresql" or not models:
        return
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")
