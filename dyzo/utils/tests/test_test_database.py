"""The SQLite test database locks as the embedded default does (docs/decisions/0006)."""

import pytest

from django.db import connection


@pytest.mark.issue(14)
def test_sqlite_tests_run_on_a_file_in_wal_mode():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    # A shared-cache memory database let a live-server read and the flush deadlock.
    assert not connection.is_in_memory_db()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
