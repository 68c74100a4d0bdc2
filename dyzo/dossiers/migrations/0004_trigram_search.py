"""Trigram indexes for the searches of the dossier and entrepreneur lists (PostgreSQL only).

The searches are `icontains`, which Django writes as UPPER(column::text) LIKE UPPER('%...%'):
no B-tree can serve that, a GIN trigram index on the same expression can. Not declared in
Meta.indexes on purpose: SQLite has no GIN indexes, so the migration skips them there. See
docs/performance.md.
"""

from django.db import migrations

INDEXES = {
    "dossier_reference_trgm": (
        "dossiers_dossier",
        "(UPPER(reference::text) gin_trgm_ops)",
    ),
    "entrepreneur_search_trgm": (
        "dossiers_entrepreneur",
        "(UPPER(last_name::text) gin_trgm_ops, UPPER(first_name::text) gin_trgm_ops, "
        "enterprise_number gin_trgm_ops)",
    ),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (table, columns) in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin {columns}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0003_list_indexes")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
