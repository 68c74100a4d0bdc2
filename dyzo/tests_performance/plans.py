"""Capture the SQL a page runs and read its PostgreSQL plan.

The test tables are tiny, so the planner would rightly scan them sequentially. Each plan is
taken with sequential scans, sorts and (unless asked) bitmap scans priced out: a plan that
still sorts or still scans a table sequentially then proves that no index can serve the
query, which is what would happen at a million rows.
"""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

# Lists: the page must come out of an index in order, so sorts and bitmap scans (which
# lose the order) are priced out with sequential scans.
LIST = ("enable_seqscan", "enable_sort", "enable_incremental_sort", "enable_bitmapscan")
# Searches and counts: which index answers the WHERE clause, whatever the order.
LOOKUP = ("enable_seqscan", "enable_indexscan", "enable_indexonlyscan")


def capture(client, url: str) -> list[str]:
    """The SELECT statements the page at `url` runs."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT")]


def capture_call(call) -> list[str]:
    """The SELECT statements `call()` runs."""
    with CaptureQueriesContext(connection) as captured:
        call()
    return [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT")]


def main_query(statements: list[str], table: str) -> str:
    """The page's list query: the statement that reads `table` with a LIMIT (not the capped
    count of the list's total, which reads a LIMITed subquery too)."""
    found = [
        sql
        for sql in statements
        if f'FROM "{table}"' in sql and "LIMIT" in sql and not sql.startswith("SELECT COUNT(")
    ]
    assert found, f"no LIMITed query on {table} among {statements}"
    return found[-1]


def explain(sql: str, off: tuple[str, ...] = LIST) -> dict:
    """The plan of `sql` as a tree of nodes (EXPLAIN's JSON format), with the planner
    settings in `off` switched off for this one statement."""
    with connection.cursor() as cursor:
        for setting in off:
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        plan = cursor.fetchone()[0]
        for setting in off:
            cursor.execute(f"RESET {setting}")
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return plan[0]["Plan"]


def index_names(plan: dict) -> list[str]:
    return [n["Index Name"] for n in nodes(plan) if "Index Name" in n]


def nodes(plan: dict):
    yield plan
    for child in plan.get("Plans", []):
        yield from nodes(child)


def sorts(plan: dict) -> list[str]:
    return [n["Node Type"] for n in nodes(plan) if n["Node Type"] in ("Sort", "Incremental Sort")]


def seq_scans(plan: dict) -> list[str]:
    return [n["Relation Name"] for n in nodes(plan) if n["Node Type"] == "Seq Scan"]


def scans_of(plan: dict, table: str) -> list[dict]:
    return [n for n in nodes(plan) if n.get("Relation Name") == table]


def index_conditions(plan: dict, table: str) -> str:
    """Everything the index scans of `table` look up in their index, as one string."""
    return " ".join(
        n.get("Index Cond", "") + n.get("Recheck Cond", "") for n in scans_of(plan, table)
    )


def leading_column(index_name: str) -> str:
    """The first column of an index."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] "
            "WHERE c.relname = %s",
            [index_name],
        )
        row = cursor.fetchone()
    return row[0] if row else ""


def assert_index_ordered(plan: dict, table: str, leading: str = "", conditions=()) -> None:
    """`table` is read through an index, in the list's order (no sort, no sequential scan);
    with `leading`, through an index whose first column it is (a filter column: the index
    then starts at the filtered rows instead of skipping through others); each of
    `conditions` is looked up in the index, not filtered afterwards."""
    assert not sorts(plan), f"the plan sorts: {json.dumps(plan, indent=1)}"
    assert not seq_scans(plan), f"the plan scans sequentially: {json.dumps(plan, indent=1)}"
    scans = scans_of(plan, table)
    assert scans, f"{table} is not read: {json.dumps(plan, indent=1)}"
    assert {n["Node Type"] for n in scans} <= {"Index Scan", "Index Only Scan"}, scans
    if leading:
        firsts = [leading_column(n["Index Name"]) for n in scans]
        assert leading in firsts, f"no index on {table} led by {leading}: {scans}"
    found = index_conditions(plan, table)
    for condition in conditions:
        assert condition in found, f"{condition} is not an index condition on {table}: {found!r}"
