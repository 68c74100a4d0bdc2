"""Fill a database of its own (PostgreSQL or SQLite) with ten years of synthetic data, then
measure the big lists and reports in process, and with --http through gunicorn under load.
See benchmarks/README.md.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dyzo_bench \\
    python -m benchmarks.run --scale 0.01 --http --json var/bench-pg.json

    DATABASE_URL=sqlite:///$PWD/var/bench.sqlite3 \\
    python -m benchmarks.run --scale 0.01 --json var/bench-sqlite.json
"""

import argparse
import datetime
import gc
import json
import logging
import os
import platform
import sys
import time
from pathlib import Path

import django

DEFAULT_OUTPUT = "benchmarks/results"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="1.0 = 1,000,000 dossiers (2-4 minutes to fill on 2 cores); 0.01 for a quick try.",
    )
    parser.add_argument("--runs", type=int, default=7, help="Timed runs per case (median).")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="Measure the data already in the database instead of refusing to run.",
    )
    parser.add_argument(
        "--only", default="", help="Measure only the cases whose name contains this text."
    )
    parser.add_argument(
        "--random-page-cost",
        type=float,
        default=None,
        help="Set PostgreSQL's random_page_cost for the measurements (1.1 = SSD, as "
        "docs/performance.md recommends); default: the server's setting.",
    )
    parser.add_argument(
        "--http",
        action="store_true",
        help="Also start gunicorn with the production settings on a free 127.0.0.1 port and "
        "load it with 1 and 16 concurrent clients (benchmarks/load.py).",
    )
    parser.add_argument(
        "--http-requests",
        type=int,
        default=320,
        help="Requests per HTTP case and number of clients (default 320).",
    )
    parser.add_argument(
        "--json", default="", help="Write the result in the JSON shape of issue 12 to this file."
    )
    parser.add_argument(
        "--output",
        default=DEFAULT_OUTPUT,
        help=f"Folder for results-<timestamp>.json and .md (default {DEFAULT_OUTPUT}).",
    )
    return parser.parse_args(argv)


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dyzo.settings")
    django.setup()
    configure_for_measuring()


def configure_for_measuring() -> None:
    from django.conf import settings

    # The in-process measurements are about pages, not the login's second factor (the
    # HTTP mode logs in for real, TOTP included).
    settings.DYZO_REQUIRE_2FA = False
    # As in production (docs/deployment.md): no query log, no template debug information.
    # Django's test client still works; the HTTP mode starts gunicorn with DEBUG off too.
    settings.DEBUG = False
    # django-axes logs every forced login; the progress lines are what matters here.
    logging.getLogger("axes").setLevel(logging.WARNING)
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def prepare(scale: float, reuse: bool):
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from benchmarks.fill import Filler, Personas
    from benchmarks.fill_sqlite import SqliteFiller
    from dyzo.accounts.models import User
    from dyzo.dossiers.models import Dossier
    from dyzo.localgov.loading import load_registry, read_registry
    from dyzo.localgov.models import Municipality

    call_command("migrate", verbosity=0)
    existing = Dossier.objects.count()
    if existing and not reuse:
        sys.exit(
            f"The database already holds {existing:,} dossiers. Point DATABASE_URL at an empty "
            "database of its own, or pass --reuse to measure the data that is there."
        )
    if not Municipality.objects.exists():
        load_registry(read_registry(settings.LOCALGOV_DATA_DIR))
    if existing:
        users = User.objects.filter(username__startswith="bench_")
        get = {user.username: user for user in users}.__getitem__
        return Personas(
            coordinator=get("bench_coordinator0"),
            expert=get("bench_expert0"),
            worker=get("bench_worker_gent"),
            analyst=get("bench_analyst"),
            coordinator_ids=[],
            expert_ids=[],
        )
    filler = Filler if connection.vendor == "postgresql" else SqliteFiller
    return filler(scale).run()


def describe_database() -> dict:
    from django.db import connection

    from benchmarks.fill import BIG_TABLES

    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            import sqlite3

            counts = {}
            for table in BIG_TABLES:
                cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608
                counts[table] = cursor.fetchone()[0]
            return {"sqlite": sqlite3.sqlite_version, "rows": counts}
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
        counts = {}
        for table in sorted(BIG_TABLES):
            cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE relname = %s", [table])
            counts[table] = cursor.fetchone()[0]
    return {"postgresql": version, "rows (estimated)": counts}


def render_table(results) -> str:
    from benchmarks.measure import HEADER

    rows = [HEADER, ["---"] * len(HEADER), *[result.row() for result in results]]
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def measure(personas, args) -> list:
    from django.db import connection

    from benchmarks.measure import cases, clients, run_cases

    if args.random_page_cost is not None and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET random_page_cost = %s", [args.random_page_cost])
    selected = [case for case in cases(personas) if args.only in case.name]
    logged_in = clients(personas)
    results = []
    for group in _groups(selected):
        for result in run_cases(group, logged_in, args.runs):
            results.append(result)
            flag = "" if result.status in (None, 200) else f"  (HTTP {result.status})"
            print(
                f"[measure {len(results)}/{len(selected)}] {result.name} as {result.persona}: "
                f"{result.median_ms:.1f} ms, {result.cpu_ms:.1f} ms CPU, "
                f"{result.queries} queries{flag}",
                file=sys.stderr,
                flush=True,
            )
    return results


def _groups(cases: list) -> list[list]:
    """Consecutive cases that are to be measured together (Case.together), else one each."""
    groups = []
    for case in cases:
        if groups and case.together and groups[-1][-1].together == case.together:
            groups[-1].append(case)
        else:
            groups.append([case])
    return groups


def result_json(scale: float, results, http_cases) -> dict:
    """The machine-readable result (issue 12): one entry per case, persona and clients."""
    from django.db import connection

    return {
        "database": "postgresql" if connection.vendor == "postgresql" else "sqlite",
        "scale": scale,
        "cases": [result.as_json() for result in results] + list(http_cases),
    }


def main(argv=None) -> dict:
    args = parse_args(argv)
    setup_django()
    personas = prepare(args.scale, args.reuse)
    # As dyzo/wsgi.py does in each production worker once the application is loaded.
    gc.freeze()
    results = measure(personas, args)
    http_cases = []
    if args.http:
        from benchmarks.load import run_http

        http_cases = run_http(personas, requests=args.http_requests)
    payload = result_json(args.scale, results, http_cases)
    write_results(args, results, payload)
    return payload


def write_results(args, results, payload) -> None:
    machine = {
        "scale": args.scale,
        "random_page_cost": args.random_page_cost or "server default",
        "cpus": os.cpu_count(),
        "load average": os.getloadavg(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        **describe_database(),
    }
    table = render_table(results)
    print(table)
    output = Path(args.output)
    output.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    details = {
        "scale": args.scale,
        "runs": args.runs,
        "random_page_cost": args.random_page_cost,
        "machine": machine,
        "results": [result.__dict__ for result in results],
        "http": payload["cases"][len(results) :],
    }
    (output / f"results-{stamp}.json").write_text(json.dumps(details, indent=2, default=str))
    (output / f"results-{stamp}.md").write_text(f"{json.dumps(machine, indent=2)}\n\n{table}\n")
    print(f"\nWritten to {output}/results-{stamp}.json and .md", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps(payload, indent=2) + "\n")
        print(f"JSON result: {args.json}", file=sys.stderr)


if __name__ == "__main__":
    started = time.monotonic()
    main()
    print(f"Total {time.monotonic() - started:.0f} s", file=sys.stderr)
