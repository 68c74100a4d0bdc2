"""On SQLite the queries of the open work use the open-dossier partial indexes: planned as
SQLite plans them, with the parameters bound after preparing (a literal copy of the SQL,
as the query log shows it, would hide the problem). PostgreSQL: dyzo/tests_performance."""

import datetime

import pytest

from django.db import connection
from django.db.models import Count

from dyzo.dossiers import dashboard
from dyzo.dossiers.models import Dossier

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")


def sqlite_plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return " | ".join(row[-1] for row in cursor.fetchall())


@pytest.mark.django_db
def test_the_overdue_list_reads_an_open_dossiers_index():
    plan = sqlite_plan(dashboard.overdue(Dossier.objects.all(), datetime.date.today())[:50])

    # Which of the two depends on the statistics (at a million dossiers: the one in the
    # list's order); before, neither could serve and SQLite read every dossier.
    assert "USING INDEX dossier_open_by_" in plan
    assert "SCAN dossiers_dossier" not in plan


@pytest.mark.django_db
def test_the_open_work_is_counted_from_the_open_dossiers_index_alone():
    queryset = Dossier.objects.open().values("status").annotate(n=Count("*")).order_by()

    assert "COVERING INDEX dossier_open_by_opened_on" in sqlite_plan(queryset)


def test_in_literals_takes_words_of_the_code_only():
    with pytest.raises(ValueError, match="plain words"):
        str(Dossier.objects.filter(status__in_literals=["open'; DROP TABLE x; --"]).query)
    with pytest.raises(ValueError, match="plain words"):
        str(Dossier.objects.filter(status__in_literals=[]).query)
