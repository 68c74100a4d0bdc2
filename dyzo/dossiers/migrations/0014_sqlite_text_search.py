"""SQLite only: FTS5 tables with the trigram tokenizer beside the entrepreneurs' names and the
dossiers' references (dyzo/dossiers/text_search.py), kept equal to their tables by triggers
(external content: the text is not stored twice). PostgreSQL has its trigram indexes (0004).
"""

from django.db import migrations

# table: (search table, searched columns)
SEARCHED = {
    "dossiers_entrepreneur": ("dossiers_entrepreneur_search", ["first_name", "last_name"]),
    "dossiers_dossier": ("dossiers_dossier_search", ["reference"]),
}


def _create_statements(table, search_table, columns):
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    delete = (
        f"INSERT INTO {search_table} ({search_table}, rowid, {names}) "
        f"VALUES ('delete', old.id, {old});"
    )
    insert = f"INSERT INTO {search_table} (rowid, {names}) VALUES (new.id, {new});"
    return [
        f"CREATE VIRTUAL TABLE {search_table} USING fts5({names}, content='{table}', "
        "content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER {search_table}_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {search_table}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {search_table}_update AFTER UPDATE OF {names} ON {table} "
        f"BEGIN {delete} {insert} END",
        f"INSERT INTO {search_table} ({search_table}) VALUES ('rebuild')",
    ]


def _drop_statements(search_table):
    triggers = [
        f"DROP TRIGGER IF EXISTS {search_table}_{kind}" for kind in ("insert", "delete", "update")
    ]
    return [*triggers, f"DROP TABLE IF EXISTS {search_table}"]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for table, (search_table, columns) in SEARCHED.items():
        for statement in _create_statements(table, search_table, columns):
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for search_table, _columns in SEARCHED.values():
        for statement in _drop_statements(search_table):
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0013_portal_home_indexes")]

    operations = [migrations.RunPython(create, drop)]
