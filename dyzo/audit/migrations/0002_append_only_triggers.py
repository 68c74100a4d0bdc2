"""The database itself refuses to change or delete audit entries.

PostgreSQL: a trigger raises on UPDATE and DELETE (TRUNCATE, which needs the table owner, is
left to the owner: Django's `flush` uses it). SQLite: triggers abort UPDATE always and DELETE
unless the connection-local function dyzo_audit_unlocked() says a `flush` is running (see
dyzo/audit/sqlite.py). A later migration that rebuilds this table on SQLite drops the
triggers with it and must create them again (the tests in test_append_only.py catch that).
"""

from django.db import migrations

PG_INSTALL = """
CREATE OR REPLACE FUNCTION audit_auditentry_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_auditentry_append_only
    BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION audit_auditentry_refuse_change();
"""
PG_REMOVE = """
DROP TRIGGER IF EXISTS audit_auditentry_append_only ON audit_auditentry;
DROP FUNCTION IF EXISTS audit_auditentry_refuse_change();
"""
SQLITE_INSTALL = [
    """
    CREATE TRIGGER audit_auditentry_no_update BEFORE UPDATE ON audit_auditentry
    BEGIN SELECT RAISE(ABORT, 'audit entries are append-only (UPDATE refused)'); END;
    """,
    """
    CREATE TRIGGER audit_auditentry_no_delete BEFORE DELETE ON audit_auditentry
    WHEN NOT dyzo_audit_unlocked()
    BEGIN SELECT RAISE(ABORT, 'audit entries are append-only (DELETE refused)'); END;
    """,
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS audit_auditentry_no_update;",
    "DROP TRIGGER IF EXISTS audit_auditentry_no_delete;",
]


def install(apps, schema_editor):
    _run(schema_editor, PG_INSTALL, SQLITE_INSTALL)


def remove(apps, schema_editor):
    _run(schema_editor, PG_REMOVE, SQLITE_REMOVE)


def _run(schema_editor, postgresql, sqlite):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(postgresql, params=None)
    elif vendor == "sqlite":
        for statement in sqlite:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(install, remove, elidable=False)]
