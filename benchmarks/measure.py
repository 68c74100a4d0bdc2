"""Measure pages and report queries: wall time (median of N runs), query count, the slowest
query, and any sequential scan of a big table in the plans of the page's queries."""

import dataclasses
import datetime
import json
import math
import re
import statistics
import time
from collections.abc import Callable

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from benchmarks.rawsql import classify_year_raw
from dyzo.audit.models import AuditEntry
from dyzo.dossiers.models import (
    AdviceEntry,
    Dossier,
    DossierStatusChange,
    Entrepreneur,
    TeamMember,
)
from dyzo.insights.classification import classify_year
from dyzo.insights.report import build_report
from dyzo.localgov.models import Municipality
from dyzo.reports.models import WrittenReport
from dyzo.utils.pagination import cursor_for, keyset_page

# How deep the "deep page" goes: the brief's 100,000 rows (less on a small scale).
DEEP = 100_000
BIG_TABLES = {
    model._meta.db_table
    for model in (
        Entrepreneur,
        Dossier,
        DossierStatusChange,
        TeamMember,
        WrittenReport,
        AdviceEntry,
        AuditEntry,
    )
}


@dataclasses.dataclass
class Case:
    name: str
    persona: str | None  # None: a query measured without a request
    url: str | None = None
    call: Callable | None = None
    id: str = ""  # the machine-readable id of the JSON result (issue 12); else from name
    together: str = ""  # consecutive cases with the same name here are measured interleaved

    @property
    def case_id(self) -> str:
        return self.id or slug(self.name)


@dataclasses.dataclass
class Result:
    name: str
    persona: str
    median_ms: float
    min_ms: float
    queries: int
    slowest_query_ms: float
    seq_scans: list[str]
    status: int | None
    id: str = ""
    p95_ms: float = 0.0
    cpu_ms: float = 0.0
    rps: float = 0.0

    def as_json(self) -> dict:
        """One case in the shape of issue 12's JSON result (in process: one client)."""
        return {
            "id": self.id,
            "as": self.persona,
            "median_ms": round(self.median_ms, 2),
            "p95_ms": round(self.p95_ms, 2),
            "cpu_ms": round(self.cpu_ms, 2),
            "queries": self.queries,
            "clients": 1,
            "rps": round(self.rps, 1),
        }

    def row(self) -> list[str]:
        return [
            self.name,
            self.persona,
            f"{self.median_ms:.1f}",
            f"{self.cpu_ms:.1f}",
            f"{self.min_ms:.1f}",
            str(self.queries),
            f"{self.slowest_query_ms:.1f}",
            ", ".join(self.seq_scans) or "-",
        ]


HEADER = [
    "case", "as", "median ms", "cpu ms", "min ms", "queries", "slowest query ms", "seq scan of"
]  # fmt: skip


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


def deep_position(queryset) -> int:
    return max(0, min(DEEP, queryset.count() - 30))


def deep_cursor(queryset, fields: list[str]) -> str:
    """The cursor of the row at DEEP in `fields` order: the next page starts right after."""
    row = queryset.order_by(*fields)[deep_position(queryset)]
    return cursor_for(row, fields)


def cases(personas) -> list[Case]:
    year = datetime.date.today().year
    old_year = year - 8
    gent = Municipality.objects.get(nis_code="44021")
    dossiers = Dossier.objects.all()
    deep = deep_cursor(dossiers, ["-id"])
    advice = AdviceEntry.objects.logged()
    advice_deep = deep_cursor(advice, ["-asked_on", "-id"])
    audit_deep = deep_cursor(AuditEntry.objects.all(), ["-created_at", "-id"])
    some_dossier = dossiers.order_by("id")[dossiers.count() // 2]
    entrepreneur_name = Entrepreneur.objects.order_by("id").values_list("last_name", flat=True)[7]
    common_name = entrepreneur_name.split(" ")[0]
    expert_deep = deep_cursor(dossiers.filter(team__user=personas.expert), ["-id"])
    offset = deep_position(dossiers)

    dossier_list = reverse("dossiers:list")
    dossier_api = reverse("dossier-list")
    gent_dossier = dossiers.filter(municipality=gent).order_by("-id").first() or some_dossier
    advice_list = reverse("dossiers:advice_list")
    result = [
        Case("dossier list, first page", "coordinator", dossier_list, id="dossier_list_html"),
        Case("dossier list API", "coordinator", dossier_api, id="dossier_list_api"),
        Case("dossier list, deep keyset page", "coordinator", f"{dossier_list}?after={deep}"),
        Case(
            "dossier list, deep page with OFFSET (query only)",
            None,
            call=lambda: list(
                Dossier.objects.select_related("entrepreneur", "municipality").order_by("-id")[
                    offset : offset + 25
                ]
            ),
        ),
        Case(
            "dossier list, deep keyset page (query only)",
            None,
            call=lambda: keyset_page(
                Dossier.objects.select_related("entrepreneur", "municipality"), ["-id"], deep
            ),
        ),
        Case("filter status=investigation", "coordinator", f"{dossier_list}?status=investigation"),
        Case(
            "filter status=cancelled, deep",
            "coordinator",
            f"{dossier_list}?status=cancelled&after={deep}",
        ),  # fmt: skip
        Case(
            "filter type=social_pre_investigation",
            "coordinator",
            f"{dossier_list}?case_type=social_pre_investigation",
        ),  # fmt: skip
        Case("filter municipality=Gent", "coordinator", f"{dossier_list}?municipality={gent.pk}"),
        Case(
            "filter municipality=Gent, deep",
            "coordinator",
            f"{dossier_list}?municipality={gent.pk}&after={deep}",
        ),  # fmt: skip
        Case("filter expert", "coordinator", f"{dossier_list}?expert={personas.expert.pk}"),
        Case(f"filter year={old_year}", "coordinator", f"{dossier_list}?year={old_year}"),
        Case(
            f"filter year={old_year}, deep",
            "coordinator",
            f"{dossier_list}?year={old_year}&after={deep}",
        ),  # fmt: skip
        Case(f"search '{common_name}'", "coordinator", f"{dossier_list}?q={common_name}"),
        Case(
            f"search '{entrepreneur_name}'", "coordinator", f"{dossier_list}?q={entrepreneur_name}"
        ),  # fmt: skip
        Case("search a reference", "coordinator", f"{dossier_list}?q={some_dossier.reference}"),
        Case("dossier list, first page", "expert", dossier_list, id="dossier_list_html"),
        Case("dossier list API", "expert", dossier_api, id="dossier_list_api"),
        Case("dossier list, deep keyset page", "expert", f"{dossier_list}?after={expert_deep}"),
        Case("dossier list, first page", "worker", dossier_list, id="dossier_list_html"),
        Case("dossier list API", "worker", dossier_api, id="dossier_list_api"),
        Case("advice list, first page", "coordinator", advice_list),
        Case("advice list, deep keyset page", "coordinator", f"{advice_list}?after={advice_deep}"),
        Case(
            "advice list, municipality=Gent", "coordinator", f"{advice_list}?municipality={gent.pk}"
        ),  # fmt: skip
        Case(f"advice list, year={old_year}", "coordinator", f"{advice_list}?year={old_year}"),
        Case("advice list, first page", "expert", advice_list),
        Case("advice list, first page", "worker", advice_list),
        Case("entrepreneur list, first page", "coordinator", reverse("dossiers:entrepreneur_list")),
        Case(
            f"entrepreneur search '{entrepreneur_name}'",
            "coordinator",
            reverse("dossiers:entrepreneur_list") + f"?q={entrepreneur_name}",
        ),  # fmt: skip
        Case("report list", "coordinator", reverse("reports:list")),
        Case("agreement list", "coordinator", reverse("agreements:list")),
        Case(
            f"agreement list, in force {year - 3}",
            "coordinator",
            reverse("agreements:list") + f"?year={year - 3}",
        ),  # fmt: skip
        Case("agreement list", "worker", reverse("agreements:list")),
        Case("coordinator dashboard", "coordinator", reverse("dossiers:dashboard")),
        Case(
            f"cooperation report page {year - 1}",
            "analyst",
            reverse("insights:cooperation_report", args=[year - 1]),
        ),  # fmt: skip
        Case(
            f"classify_year({year - 1}) (query only)",
            None,
            call=lambda: classify_year(year - 1),
            id="classify_year",
            together="yearly report",
        ),
        Case(
            f"classify_year({year - 1}) in raw SQL (query only)",
            None,
            call=lambda: classify_year_raw(year - 1),
            id="classify_year_raw_sql",
            together="yearly report",
        ),
        Case(
            f"build_report({year - 1}) (query only)",
            None,
            call=lambda: build_report(year - 1),
            id="build_report",
            together="yearly report",
        ),
        Case("portal dossier list", "worker", reverse("portal:dossier_list")),
        Case("portal home", "worker", reverse("portal:home"), id="portal_home"),
        Case(
            "dossier detail",
            "coordinator",
            reverse("dossiers:detail", args=[some_dossier.pk]),
            id="dossier_detail_html",
        ),
        Case(
            "dossier detail",
            "worker",
            reverse("dossiers:detail", args=[gent_dossier.pk]),
            id="dossier_detail_html",
        ),
        Case(
            "audit trail of one dossier (query only)",
            None,
            call=lambda: list(
                AuditEntry.objects.for_object(some_dossier).order_by("-created_at", "-id")[:25]
            ),
        ),
        Case(
            "audit trail of one user (query only)",
            None,
            call=lambda: list(
                # As the trail page and the API list one user's entries: newest first by id.
                AuditEntry.objects.by_user(personas.expert.pk).order_by("-id")[:25]
            ),
        ),
        Case(
            "audit trail, first page (query only)",
            None,
            call=lambda: keyset_page(AuditEntry.objects.all(), ["-created_at", "-id"], None),
        ),
        Case(
            "audit trail, deep keyset page (query only)",
            None,
            call=lambda: keyset_page(AuditEntry.objects.all(), ["-created_at", "-id"], audit_deep),
        ),
    ]
    result += _audit_pages(some_dossier)
    return result


def _audit_pages(dossier) -> list[Case]:
    """The audit trail's own page, when the audit app offers it: all, one object, and a
    user and an event without entries (the worst case: nothing to stop the scan early)."""
    try:
        url = reverse("audit:entry_list")
    except NoReverseMatch:
        return []
    return [
        Case("audit trail page", "coordinator", url),
        Case(
            "audit trail page, one dossier",
            "coordinator",
            f"{url}?content_type=dossiers.dossier&object_id={dossier.pk}",
        ),
        Case("audit trail page, user without entries", "coordinator", f"{url}?actor=999999"),
        Case("audit trail page, rare event", "coordinator", f"{url}?code=privacy.erased"),
    ]


def clients(personas) -> dict[str, Client]:
    result = {}
    for name in ("coordinator", "expert", "worker", "analyst"):
        client = Client()
        client.force_login(getattr(personas, name))
        result[name] = client
    return result


def _seq_scans(queries: list[dict]) -> list[str]:
    tables = set()
    with connection.cursor() as cursor:
        for query in queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
            plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            tables |= _seq_scanned(plan[0]["Plan"])
    return sorted(tables & BIG_TABLES)


def _seq_scanned(node: dict) -> set[str]:
    found = {node["Relation Name"]} if node.get("Node Type") == "Seq Scan" else set()
    for child in node.get("Plans", []):
        found |= _seq_scanned(child)
    return found


def _caller(case: Case, clients: dict[str, Client]):
    def once():
        if case.call is not None:
            case.call()
            return None
        return clients[case.persona].get(case.url).status_code

    return once


def run_cases(cases: list[Case], clients: dict[str, Client], runs: int) -> list[Result]:
    """Wall and CPU time of `runs` calls of each case after a warm-up. CPU is this
    process's (time.process_time): the application's, and on SQLite the database's too.
    Several cases are interleaved, one call of each per round: they share the machine's
    conditions, which on a shared virtual machine change from one second to the next (the
    yearly classification is compared with its raw SQL yardstick this way)."""
    calls = [_caller(case, clients) for case in cases]
    statuses = [call() for call in calls]  # warm-up: caches, prepared plans, session
    timings, cpu = [[] for _ in cases], [[] for _ in cases]
    # Timed without the query log: production does not log queries (DEBUG off), and
    # logging each query with its parameters costs CPU of its own.
    for _ in range(runs):
        for index, call in enumerate(calls):
            started, started_cpu = time.perf_counter(), time.process_time()
            statuses[index] = call()
            cpu[index].append((time.process_time() - started_cpu) * 1000)
            timings[index].append((time.perf_counter() - started) * 1000)
    results = []
    rows = zip(cases, calls, statuses, timings, cpu, strict=True)
    for case, call, status, wall, used in rows:
        # One more call, untimed, counts the queries. The query log keeps 9,000 entries:
        # once full it no longer grows, and a capture would count nothing.
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            call()
        results.append(_result(case, status, wall, used, captured.captured_queries))
    return results


def run_case(case: Case, clients: dict[str, Client], runs: int) -> Result:
    return run_cases([case], clients, runs)[0]


def _result(case: Case, status, timings: list, cpu: list, queries: list) -> Result:
    slowest = max((float(query["time"]) * 1000 for query in queries), default=0.0)
    elapsed = sum(timings) / 1000
    return Result(
        name=case.name,
        persona=case.persona or "-",
        median_ms=statistics.median(timings),
        min_ms=min(timings),
        queries=len(queries),
        slowest_query_ms=slowest,
        seq_scans=_seq_scans(queries) if connection.vendor == "postgresql" else [],
        status=status,
        id=case.case_id,
        p95_ms=percentile(timings, 0.95),
        cpu_ms=statistics.median(cpu),
        rps=len(timings) / elapsed if elapsed else 0.0,
    )
