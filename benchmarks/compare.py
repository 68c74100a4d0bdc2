"""The side-by-side tables of docs/performance.md from two `--json` results.

    python -m benchmarks.compare benchmarks/runs/postgresql-scale1.json \\
        benchmarks/runs/sqlite-scale1.json
"""

import argparse
import json
from pathlib import Path

# The cases of issue 12 first, in this order; the others follow as the benchmark ran them.
FIRST = [
    "dossier_list_html",
    "dossier_list_api",
    "dossier_detail_html",
    "portal_home",
    "classify_year",
    "classify_year_raw_sql",
    "build_report",
]


def _key(case: dict) -> tuple:
    return (case["id"], case["as"], case["clients"])


def _number(value) -> str:
    return "-" if value is None else f"{value:.1f}"


def in_process_table(left: dict, right: dict) -> str:
    names = left["database"], right["database"]
    header = (
        f"| id | as | {names[0]} median ms | {names[0]} CPU ms | {names[1]} median ms "
        f"| {names[1]} CPU ms | queries ({names[0]} / {names[1]}) |"
    )
    rows = [header, "| --- | --- | --- | --- | --- | --- | --- |"]
    others = {_key(case): case for case in right["cases"] if not case.get("over_http")}
    cases = [case for case in left["cases"] if not case.get("over_http")]
    order = {name: index for index, name in enumerate(FIRST)}
    cases.sort(key=lambda case: order.get(case["id"], len(FIRST)))
    for case in cases:
        other = others.get(_key(case), {})
        rows.append(
            f"| {case['id']} | {case['as']} | {_number(case['median_ms'])} "
            f"| {_number(case['cpu_ms'])} | {_number(other.get('median_ms'))} "
            f"| {_number(other.get('cpu_ms'))} | {case['queries']} / {other.get('queries', '-')} |"
        )
    return "\n".join(rows)


def http_table(left: dict, right: dict) -> str:
    names = left["database"], right["database"]
    header = (
        f"| id | as | clients | {names[0]} median ms | {names[0]} p95 ms | {names[0]} req/s "
        f"| {names[1]} median ms | {names[1]} p95 ms | {names[1]} req/s | failures |"
    )
    rows = [header, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    others = {_key(case): case for case in right["cases"] if case.get("over_http")}
    for case in (case for case in left["cases"] if case.get("over_http")):
        other = others.get(_key(case), {})
        rows.append(
            f"| {case['id']} | {case['as']} | {case['clients']} | {_number(case['median_ms'])} "
            f"| {_number(case['p95_ms'])} | {_number(case['rps'])} "
            f"| {_number(other.get('median_ms'))} | {_number(other.get('p95_ms'))} "
            f"| {_number(other.get('rps'))} "
            f"| {case.get('failures', 0)} / {other.get('failures', '-')} |"
        )
    return "\n".join(rows)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.compare", description=__doc__)
    parser.add_argument("left", type=Path)
    parser.add_argument("right", type=Path)
    args = parser.parse_args(argv)
    left, right = (json.loads(path.read_text()) for path in (args.left, args.right))
    print(in_process_table(left, right))
    print()
    print(http_table(left, right))


if __name__ == "__main__":
    main()
