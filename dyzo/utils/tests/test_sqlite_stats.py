"""An index added after ANALYZE gets its statistics at the next migrate (SQLite)."""

import sqlite3

import pytest

from django.core.management.sql import emit_post_migrate_signal
from django.db import connection

from dyzo.utils.sqlite_stats import indexes_without_statistics

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite planner statistics only"
)


@pytest.mark.django_db
def test_the_end_of_a_migrate_gives_an_index_added_after_analyze_its_statistics(registry):
    from dyzo.dossiers.tests.factories import DossierFactory

    DossierFactory.create_batch(3)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE dossiers_dossier")
        cursor.execute('CREATE INDEX "test_new_index" ON dossiers_dossier (phase, id)')
        assert "test_new_index" in indexes_without_statistics(cursor)

        # What `migrate` sends when it is done (the test's transaction rolls it all back).
        emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)

        assert "test_new_index" not in indexes_without_statistics(cursor)
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE idx = 'test_new_index'")
        assert cursor.fetchone()[0].startswith("3 ")


def test_only_tables_analysed_before_are_looked_at():
    database = sqlite3.connect(":memory:")
    database.executescript(
        "CREATE TABLE a (x); CREATE INDEX a_x ON a (x); INSERT INTO a VALUES (1), (2);"
        "CREATE TABLE b (y); CREATE INDEX b_y ON b (y); INSERT INTO b VALUES (1);"
    )
    cursor = database.cursor()
    assert indexes_without_statistics(cursor) == []  # never analysed: the defaults hold

    cursor.execute("ANALYZE a")
    cursor.execute("CREATE INDEX a_x2 ON a (x DESC)")

    assert indexes_without_statistics(cursor) == ["a_x2"]  # b was never analysed
