"""The dossier list (and its filters, deep pages and search) is read from an index in the
keyset order: no sort of the matching rows, no sequential scan of the dossiers."""

import pytest

from dyzo.dossiers.models import Dossier
from dyzo.tests_performance.plans import (
    LOOKUP,
    assert_index_ordered,
    capture,
    explain,
    index_names,
    main_query,
    scans_of,
    seq_scans,
)
from dyzo.utils.pagination import cursor_for

pytestmark = pytest.mark.postgres
DOSSIER = "dossiers_dossier"
URL = "/dossiers/"


def plan_of(client, user, query: str, **explain_options) -> dict:
    client.force_login(user)
    return explain(main_query(capture(client, URL + query), DOSSIER), **explain_options)


def test_first_page_reads_the_primary_key_backwards(client, coordinator, rows):
    plan = plan_of(client, coordinator, "")
    assert_index_ordered(plan, DOSSIER)
    assert {n["Index Name"] for n in scans_of(plan, DOSSIER)} == {"dossiers_dossier_pkey"}


@pytest.mark.parametrize(
    ("query", "column"),
    [
        ("?status=cancelled", "status"),
        ("?case_type=social_pre_investigation", "case_type"),
        ("?year=2020", "year"),
    ],
)
def test_each_filter_has_an_index_in_list_order(client, coordinator, rows, query, column):
    assert_index_ordered(plan_of(client, coordinator, query), DOSSIER, column)


def test_municipality_filter_has_an_index_in_list_order(client, coordinator, rows, gent):
    plan = plan_of(client, coordinator, f"?municipality={gent.pk}")
    assert_index_ordered(plan, DOSSIER, "municipality_id")


def test_deep_page_starts_in_the_index_at_the_cursor(client, coordinator, rows):
    cursor = cursor_for(rows[1], ["-id"])
    plan = plan_of(client, coordinator, f"?status=cancelled&after={cursor}")
    assert_index_ordered(plan, DOSSIER, "status", conditions=["(id <"])


def test_expert_filter_walks_the_experts_team_index(client, coordinator, rows, expert):
    plan = plan_of(client, coordinator, f"?expert={expert.pk}")
    assert_index_ordered(plan, "dossiers_teammember", "user_id")
    assert_index_ordered(plan, DOSSIER)


def test_experts_own_list_walks_the_team_index(client, expert, rows):
    plan = plan_of(client, expert, "")
    assert_index_ordered(plan, "dossiers_teammember", "user_id")


def test_workers_list_uses_the_municipality_index(client, worker_of_gent, rows):
    plan = plan_of(client, worker_of_gent, "")
    assert_index_ordered(plan, DOSSIER, "municipality_id")


def test_list_query_has_no_distinct(client, coordinator, rows, expert):
    """DISTINCT over the joined rows makes PostgreSQL sort every match (537 ms at a
    million dossiers); every filter yields a dossier once without it."""
    client.force_login(coordinator)
    sql = main_query(capture(client, f"{URL}?expert={expert.pk}&q=a"), DOSSIER)
    assert "DISTINCT" not in sql


def test_search_of_a_reference_uses_the_trigram_index(client, coordinator, rows):
    plan = plan_of(client, coordinator, f"?q={rows[0].reference[:7]}", off=LOOKUP)
    assert not seq_scans(plan), plan
    assert "dossier_reference_trgm" in index_names(plan)


def test_search_for_people_uses_the_trigram_index(client, coordinator, rows):
    client.force_login(coordinator)
    statements = capture(client, f"{URL}?q=Peeters")
    plan = explain(main_query(statements, "dossiers_entrepreneur"), off=LOOKUP)
    assert not seq_scans(plan), plan
    assert "entrepreneur_search_trgm" in index_names(plan)


def test_search_of_a_rare_name_looks_dossiers_up_by_entrepreneur(client, coordinator, rows):
    name = rows[0].entrepreneur.last_name
    plan = plan_of(client, coordinator, f"?q={name}", off=LOOKUP)
    assert not seq_scans(plan), plan
    used = " ".join(index_names(plan))
    assert "dossier_reference_trgm" in used
    assert "dossiers_dossier_entrepreneur_id" in used


def test_fixture_rows_exist(rows):
    assert Dossier.objects.count() == 3
