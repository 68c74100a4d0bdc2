import sqlite3

import pytest

from django.core.management import CommandError, call_command
from django.db import connection

from dyzo.audit import audit


def test_backup_refuses_to_overwrite_a_file(tmp_path, db):
    existing = tmp_path / "backup"
    existing.write_text("keep me")

    with pytest.raises(CommandError, match="exists already"):
        call_command("backup_database", str(existing))
    assert existing.read_text() == "keep me"


def test_restore_refuses_a_database_that_is_not_empty(tmp_path, db):
    backup_file = tmp_path / "backup"
    backup_file.write_bytes(b"whatever")

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore_database", str(backup_file))


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite backup file format")
def test_sqlite_backup_is_a_self_contained_checked_file(tmp_path, transactional_db, capsys):
    # Transactional: a backup waits for the source's open write transaction to end, and
    # the test's own transaction would never end.
    audit.log(None, "backup.marker", actor=None)
    output = tmp_path / "dyzo.sqlite3"

    call_command("backup_database", str(output))

    copy = sqlite3.connect(output)
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    marker = "SELECT count(*) FROM audit_auditentry WHERE code = 'backup.marker'"
    assert copy.execute(marker).fetchone()[0] == 1
    copy.close()
    assert not (tmp_path / "dyzo.sqlite3.partial").exists()
    assert "Backup written to" in capsys.readouterr().out
