"""Secondary indexes dropped before a bulk fill and built again after it: building an index
once over sorted data is many times cheaper than keeping it up to date row by row."""

# Index and table names come from the database's own catalogue.
# ruff: noqa: S608

import contextlib
import sys
import time

from django.db import connection


def secondary_indexes(cursor, table: str) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the indexes of `table` that no constraint needs: not the
    primary key, not a unique constraint that foreign keys or ON CONFLICT could rely on."""
    if connection.vendor == "postgresql":
        # Only indexes this role may drop (it owns them, or is a member of their owner's
        # role): run as the application role (docs/deployment.md), the fill keeps every
        # index and is slower, but still right.
        cursor.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i"
            " JOIN pg_class c ON c.relname = i.indexname"
            " AND c.relnamespace = to_regnamespace(current_schema())"
            " WHERE i.schemaname = current_schema() AND i.tablename = %s"
            " AND i.indexname NOT IN (SELECT conname FROM pg_constraint)"
            " AND pg_has_role(c.relowner, 'USAGE')",
            [table],
        )
    else:
        # sql IS NULL: an index SQLite made itself for a PRIMARY KEY or UNIQUE column.
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s"
            " AND sql IS NOT NULL",
            [table],
        )
    return list(cursor.fetchall())


@contextlib.contextmanager
def indexes_built_after(cursor, tables: list[str]):
    """Drop the secondary indexes of `tables`, run the block, create them again."""
    dropped = []
    for table in tables:
        for name, statement in secondary_indexes(cursor, table):
            cursor.execute(f'DROP INDEX "{name}"')
            dropped.append((name, statement))
    yield
    started = time.monotonic()
    if connection.vendor == "postgresql":
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
    for _name, statement in dropped:
        cursor.execute(statement)
    print(
        f"[fill] {len(dropped)} indexes built in {time.monotonic() - started:.0f} s",
        file=sys.stderr,
        flush=True,
    )
