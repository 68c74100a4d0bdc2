"""Full-text search of guides (dyzo/knowledge/search.py).

SQLite: an FTS5 table over title, summary and body, kept equal to knowledge_guide by
triggers (external content, so the text is not stored twice). PostgreSQL: a GIN index on
the Dutch tsvector that search.py's guide_vector() builds, so a search does not read every
guide.
"""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE knowledge_guide_fts USING fts5("
    "title, summary, body, content='knowledge_guide', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER knowledge_guide_fts_insert AFTER INSERT ON knowledge_guide BEGIN "
    "INSERT INTO knowledge_guide_fts(rowid, title, summary, body) "
    "VALUES (new.id, new.title, new.summary, new.body); END",
    "CREATE TRIGGER knowledge_guide_fts_delete AFTER DELETE ON knowledge_guide BEGIN "
    "INSERT INTO knowledge_guide_fts(knowledge_guide_fts, rowid, title, summary, body) "
    "VALUES ('delete', old.id, old.title, old.summary, old.body); END",
    "CREATE TRIGGER knowledge_guide_fts_update AFTER UPDATE ON knowledge_guide BEGIN "
    "INSERT INTO knowledge_guide_fts(knowledge_guide_fts, rowid, title, summary, body) "
    "VALUES ('delete', old.id, old.title, old.summary, old.body); "
    "INSERT INTO knowledge_guide_fts(rowid, title, summary, body) "
    "VALUES (new.id, new.title, new.summary, new.body); END",
    "INSERT INTO knowledge_guide_fts(knowledge_guide_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS knowledge_guide_fts_update",
    "DROP TRIGGER IF EXISTS knowledge_guide_fts_delete",
    "DROP TRIGGER IF EXISTS knowledge_guide_fts_insert",
    "DROP TABLE IF EXISTS knowledge_guide_fts",
]
# The expression Django writes for SearchVector("title", "summary", "body", config="dutch").
POSTGRESQL_CREATE = [
    "CREATE INDEX knowledge_guide_search ON knowledge_guide USING gin (to_tsvector("
    "'dutch'::regconfig, COALESCE(title, '') || ' ' || COALESCE(summary, '') || ' ' || "
    "COALESCE(body, '')))"
]
POSTGRESQL_DROP = ["DROP INDEX IF EXISTS knowledge_guide_search"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_guides")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}),
        )
    ]
