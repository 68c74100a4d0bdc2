"""Fill a PostgreSQL database of its own with ten years of synthetic data, then measure the
big lists and reports. See benchmarks/README.md.

    DJANGO_SETTINGS_MODULE=dyzo.settings \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dyzo_bench \\
    python -m benchmarks.run --scale 0.01
"""

import argparse
import datetime
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
        help="1.0 = 1,000,000 dossiers (about 15 minutes to fill); 0.01 for a quick try.",
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
        "--output",
        default=DEFAULT_OUTPUT,
        help=f"Folder for results-<timestamp>.json and .md (default {DEFAULT_OUTPUT}).",
    )
    return parser.parse_args(argv)


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dyzo.settings")
    django.setup()
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("The benchmark needs PostgreSQL: set DATABASE_URL to a database of its own.")
    # The measurements are about pages, not the login's second factor.
    settings.DYZO_REQUIRE_2FA = False
    # django-axes logs every forced login; the progress lines are what matters here.
    logging.getLogger("axes").setLevel(logging.WARNING)
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def prepare(scale: float, reuse: bool):
    from django.core.management import call_command

    from benchmarks.fill import Filler, Personas
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
        from django.conf import settings

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
    return Filler(scale).run()


def describe_database() -> dict:
    from django.db import connection

    from benchmarks.measure import BIG_TABLES

    with connection.cursor() as cursor:
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


def main(argv=None) -> None:
    args = parse_args(argv)
    setup_django()
    from benchmarks.measure import cases, clients, run_case

    personas = prepare(args.scale, args.reuse)
    if args.random_page_cost is not None:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SET random_page_cost = %s", [args.random_page_cost])
    selected = [case for case in cases(personas) if args.only in case.name]
    logged_in = clients(personas)
    results = []
    for number, case in enumerate(selected, 1):
        result = run_case(case, logged_in, args.runs)
        results.append(result)
        flag = "" if result.status in (None, 200) else f"  (HTTP {result.status})"
        print(
            f"[measure {number}/{len(selected)}] {case.name} as {result.persona}: "
            f"{result.median_ms:.1f} ms, {result.queries} queries{flag}",
            file=sys.stderr,
            flush=True,
        )
    write_results(args, results)


def write_results(args, results) -> None:
    machine = {
        "scale": args.scale,
        "random_page_cost": args.random_page_cost or "server default",
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        **describe_database(),
    }
    table = render_table(results)
    print(table)
    output = Path(args.output)
    output.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    payload = {
        "scale": args.scale,
        "runs": args.runs,
        "random_page_cost": args.random_page_cost,
        "machine": machine,
        "results": [result.__dict__ for result in results],
    }
    (output / f"results-{stamp}.json").write_text(json.dumps(payload, indent=2, default=str))
    (output / f"results-{stamp}.md").write_text(f"{json.dumps(machine, indent=2)}\n\n{table}\n")
    print(f"\nWritten to {output}/results-{stamp}.json and .md", file=sys.stderr)


if __name__ == "__main__":
    started = time.monotonic()
    main()
    print(f"Total {time.monotonic() - started:.0f} s", file=sys.stderr)
