"""The other big lists and reports: advice log, written reports, audit trail, portal,
dashboard and the cooperation report read indexes, never a whole big table."""

import datetime

import pytest

from dyzo.insights.classification import classify_year
from dyzo.tests_performance.plans import (
    assert_index_ordered,
    capture,
    capture_call,
    explain,
    main_query,
    seq_scans,
)
from dyzo.utils.pagination import cursor_for

pytestmark = pytest.mark.postgres
ADVICE = "dossiers_adviceentry"
DOSSIER = "dossiers_dossier"
AUDIT = "audit_auditentry"
BIG = {DOSSIER, ADVICE, AUDIT, "dossiers_teammember", "dossiers_entrepreneur"}


def page_plan(client, user, url: str, table: str) -> dict:
    client.force_login(user)
    return explain(main_query(capture(client, url), table))


def test_advice_list_reads_its_keyset_index(client, coordinator, rows):
    assert_index_ordered(
        page_plan(client, coordinator, "/dossiers/advice/", ADVICE), ADVICE, "asked_on"
    )


def test_advice_deep_page_starts_in_the_index_at_the_cursor(client, coordinator, rows):
    from dyzo.dossiers.models import AdviceEntry

    cursor = cursor_for(AdviceEntry.objects.first(), ["-asked_on", "-id"])
    plan = page_plan(client, coordinator, f"/dossiers/advice/?after={cursor}", ADVICE)
    # The redundant leading bound of dyzo.utils.pagination: an OR alone is no index bound.
    assert_index_ordered(plan, ADVICE, "asked_on", conditions=["asked_on <="])


def test_advice_municipality_filter_has_an_index(client, coordinator, rows, gent):
    url = f"/dossiers/advice/?municipality={gent.pk}"
    assert_index_ordered(page_plan(client, coordinator, url, ADVICE), ADVICE, "municipality_id")


def test_advice_year_filter_is_a_range_of_the_keyset_index(client, coordinator, rows):
    plan = page_plan(client, coordinator, "/dossiers/advice/?year=2020", ADVICE)
    assert_index_ordered(plan, ADVICE, "asked_on", conditions=["asked_on >="])


def test_experts_advice_list_has_an_index(client, expert, rows):
    plan = page_plan(client, expert, "/dossiers/advice/", ADVICE)
    assert_index_ordered(plan, ADVICE, "handled_by_id")


def test_workers_advice_list_has_an_index(client, worker_of_gent, rows):
    plan = page_plan(client, worker_of_gent, "/dossiers/advice/", ADVICE)
    assert_index_ordered(plan, ADVICE, "municipality_id")


def test_report_list_reads_delivered_reports_in_order(client, coordinator, rows):
    table = "reports_writtenreport"
    assert_index_ordered(page_plan(client, coordinator, "/reports/", table), table, "status")


def test_portal_dossier_list_uses_the_municipality_index(client, worker_of_gent, rows):
    plan = page_plan(client, worker_of_gent, "/portal/dossiers/", DOSSIER)
    assert_index_ordered(plan, DOSSIER, "municipality_id")


@pytest.mark.parametrize(
    ("query", "column"), [("?actor=999", "actor_id"), ("?code=privacy.erased", "code")]
)
def test_audit_trail_filters_have_an_index_in_list_order(client, coordinator, rows, query, column):
    plan = page_plan(client, coordinator, f"/audit/{query}", AUDIT)
    assert_index_ordered(plan, AUDIT, column)


def test_dashboard_reads_only_the_open_dossiers_indexes(client, coordinator, rows):
    client.force_login(coordinator)
    for sql in capture(client, "/dossiers/dashboard/"):
        if f'FROM "{DOSSIER}"' in sql:
            plan = explain(sql, off=("enable_seqscan",))
            assert not set(seq_scans(plan)) & BIG, sql


def test_overdue_dossiers_come_in_order_from_the_partial_index(client, coordinator, rows):
    client.force_login(coordinator)
    overdue = main_query(capture(client, "/dossiers/dashboard/"), DOSSIER)
    plan = explain(overdue)
    assert_index_ordered(plan, DOSSIER, "status_changed_on")


def test_cooperation_report_probes_records_per_municipality(rows):
    """classify_year never reads a year of dossiers or advice: the per-case dossiers come
    from one index alone and advice is probed per municipality."""
    statements = capture_call(lambda: classify_year(datetime.date.today().year))
    for sql in statements:
        plan = explain(sql, off=("enable_seqscan",))
        assert not set(seq_scans(plan)) & BIG, sql
    advice = [sql for sql in statements if f'FROM "{ADVICE}"' in sql]
    assert advice, statements
    # Probes, not a read of the year: at a million rows PostgreSQL runs them through the
    # (municipality, asked_on) index, one municipality at a time.
    assert all("EXISTS(SELECT" in sql for sql in advice), advice


def test_queries_on_the_dossiers_never_select_distinct_over_ordering(rows):
    """A DISTINCT beside the model's ordering returns one row per record, not per value."""
    statements = capture_call(lambda: classify_year(datetime.date.today().year))
    for sql in statements:
        if "DISTINCT" in sql:
            assert f'"{DOSSIER}"."id"' not in sql.split(" FROM ")[0], sql
            assert f'"{ADVICE}"."id"' not in sql.split(" FROM ")[0], sql
