import psycopg
import pytest

from django.conf import settings
from django.db import connection

from dyzo.backups.tests import harness


def _backup_while_writing(source_url: str, target_url: str, backup_file, log) -> tuple:
    harness.manage(source_url, "migrate", "--noinput", "-v", "0")
    writer = harness.start_writer(source_url, log)
    try:
        harness.wait_for_commits(log, writer, at_least=20)
        before = harness.committed(log)
        harness.manage(source_url, "backup_database", str(backup_file))
        harness.wait_for_commits(log, writer, at_least=len(harness.committed(log)) + 5)
    finally:
        writer.terminate()
        writer.communicate()  # Reaps the process and closes its stderr pipe.
    harness.manage(target_url, "restore_database", str(backup_file))
    return before, harness.pairs_in(target_url), harness.pairs_in(source_url)


def _assert_complete_and_consistent(before, restored, source):
    # Every pair committed before the backup started is there...
    assert set(before) <= set(restored)
    # ...no transaction is half in it, and it is the source as of one moment: pairs 1..n.
    assert set(restored.values()) == {2}
    assert sorted(restored) == list(range(1, max(restored) + 1))
    # The writer went on during and after the backup; the restored copy simply stops earlier.
    assert max(source) > max(before)


def test_sqlite_backup_under_writes_restores_every_committed_row(tmp_path):
    source_url = f"sqlite:///{tmp_path / 'live.sqlite3'}"
    target_url = f"sqlite:///{tmp_path / 'restored.sqlite3'}"

    before, restored, source = _backup_while_writing(
        source_url, target_url, tmp_path / "backup.sqlite3", tmp_path / "committed.log"
    )

    _assert_complete_and_consistent(before, restored, source)


@pytest.fixture
def postgres_databases(request):
    """A source and a target database of the test's own, on the test run's server."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://...)")
    params = connection.settings_dict
    # Creating databases is the owner's right; the application role (role split) has none.
    credentials = settings.DYZO_DATABASE_OWNER or params
    server = {
        "host": params["HOST"] or "127.0.0.1",
        "port": params["PORT"] or 5432,
        "user": credentials["USER"],
        "password": credentials["PASSWORD"],
    }
    names = [harness.unique_name("dyzo_backup_src"), harness.unique_name("dyzo_backup_dst")]
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
        auth = (
            f"{server['user']}:{server['password']}@"
            if server["password"]
            else f"{server['user']}@"
        )
        yield [f"postgres://{auth}{server['host']}:{server['port']}/{name}" for name in names]
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_postgres_backup_under_writes_restores_every_committed_row(tmp_path, postgres_databases):
    source_url, target_url = postgres_databases

    before, restored, source = _backup_while_writing(
        source_url, target_url, tmp_path / "backup.dump", tmp_path / "committed.log"
    )

    _assert_complete_and_consistent(before, restored, source)


@pytest.mark.postgres
def test_postgres_restored_audit_rows_still_refuse_changes(tmp_path, postgres_databases):
    source_url, target_url = postgres_databases
    _backup_while_writing(
        source_url, target_url, tmp_path / "backup.dump", tmp_path / "committed.log"
    )

    with psycopg.connect(target_url) as restored, pytest.raises(psycopg.Error, match="append-only"):
        restored.execute("DELETE FROM audit_auditentry")
