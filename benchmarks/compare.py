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


def _pairs(left: dict, right: dict, over_http: bool) -> list[tuple[dict, dict]]:
    """Each case of `left` (in process or over HTTP) with the same case of `right`, or {}."""
    others = {
        _key(case): case for case in right["cases"] if bool(case.get("over_http")) == over_http
    }
    cases = [case for case in left["cases"] if bool(case.get("over_http")) == over_http]
    return [(case, others.get(_key(case), {})) for case in cases]


def _table(header: list[str], rows: list[list]) -> str:
    lines = [header, ["---"] * len(header), *rows]
    return "\n".join("| " + " | ".join(str(cell) for cell in line) + " |" for line in lines)


def in_process_table(left: dict, right: dict) -> str:
    a, b = left["database"], right["database"]
    order = {name: index for index, name in enumerate(FIRST)}
    pairs = sorted(
        _pairs(left, right, False), key=lambda pair: order.get(pair[0]["id"], len(FIRST))
    )
    header = ["id", "as", f"{a} median ms", f"{a} CPU ms", f"{b} median ms", f"{b} CPU ms"]
    rows = [
        [
            case["id"],
            case["as"],
            _number(case["median_ms"]),
            _number(case["cpu_ms"]),
            _number(other.get("median_ms")),
            _number(other.get("cpu_ms")),
            f"{case['queries']} / {other.get('queries', '-')}",
        ]
        for case, other in pairs
    ]
    return _table([*header, f"queries ({a} / {b})"], rows)


def http_table(left: dict, right: dict) -> str:
    a, b = left["database"], right["database"]
    header = ["id", "as", "clients"]
    for name in (a, b):
        header += [f"{name} median ms", f"{name} p95 ms", f"{name} req/s"]
    rows = [
        [
            case["id"],
            case["as"],
            case["clients"],
            *(
                _number(run.get(key))
                for run in (case, other)
                for key in ("median_ms", "p95_ms", "rps")
            ),
            f"{case.get('failures', 0)} / {other.get('failures', '-')}",
        ]
        for case, other in _pairs(left, right, True)
    ]
    return _table([*header, "failures"], rows)


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
