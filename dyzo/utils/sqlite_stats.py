"""Planner statistics for indexes added to an SQLite database that was analysed before.

SQLite plans with the statistics of ANALYZE (sqlite_stat1). An index added later by a
migration has none, and the planner then takes it for a very selective one: after two
indexes on (municipality, ...) were added to the benchmark's million dossiers, it walked
every dossier by municipality and sorted them for the first page of the list (3.7 s
instead of 10 ms). After every `migrate`, each index without statistics on a table that
has them is analysed (seconds on a million rows; nothing on a database never analysed,
where the planner's defaults are uniform). PostgreSQL needs no such step.
"""

from django.db import connections


def indexes_without_statistics(cursor) -> list[str]:
    cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
    if cursor.fetchone() is None:
        return []
    cursor.execute("SELECT tbl, idx FROM sqlite_stat1")
    rows = cursor.fetchall()
    tables = {table for table, _index in rows}
    measured = {index for _table, index in rows if index}
    cursor.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'")
    return sorted(
        name for name, table in cursor.fetchall() if table in tables and name not in measured
    )


def analyze_new_indexes(using: str = "default", **_kwargs) -> list[str]:
    """ANALYZE each index of `using` that has no statistics yet (SQLite only)."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return []
    with connection.cursor() as cursor:
        names = indexes_without_statistics(cursor)
        for name in names:
            cursor.execute(f'ANALYZE "{name}"')
    return names
