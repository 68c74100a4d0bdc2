import datetime
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from django.db import connection

from benchmarks import load
from benchmarks.fill import BIG_TABLES, Filler
from benchmarks.fill_sqlite import SqliteFiller
from benchmarks.measure import cases, clients, percentile, run_case
from benchmarks.rawsql import classify_year_raw
from benchmarks.run import parse_args, result_json
from dyzo.agreements.constants import AgreementForm, AgreementParty
from dyzo.agreements.tests.factories import AgreementFactory
from dyzo.dossiers.models import Dossier
from dyzo.dossiers.tests.factories import AdviceEntryFactory, DossierFactory
from dyzo.insights.classification import classify_year
from dyzo.localgov.models import Municipality

REQUIRED_IDS = {
    "dossier_list_html",
    "dossier_list_api",
    "dossier_detail_html",
    "portal_home",
    "classify_year",
    "classify_year_raw_sql",
}
CASE_KEYS = {"id", "as", "median_ms", "p95_ms", "cpu_ms", "queries", "clients", "rps"}


def fill(scale: float):
    filler = Filler if connection.vendor == "postgresql" else SqliteFiller
    return filler(scale, today=datetime.date(2026, 6, 30)).run()


def index_names() -> set[str]:
    """Every secondary index of the big tables, whoever may drop it."""
    with connection.cursor() as cursor:
        return {
            name
            for table in BIG_TABLES
            for name, info in connection.introspection.get_constraints(cursor, table).items()
            if info["index"] and not info["primary_key"] and not info["unique"]
        }


def answers(year: int) -> list[tuple]:
    return [
        (form.municipality.nis_code, str(form.category), form.agreement_party)
        for form in classify_year(year)
    ]


@pytest.mark.issue(12)
def test_the_raw_sql_gives_the_answer_of_classify_year(registry):
    """The yardstick must answer the same question: mergers followed, every category met."""
    nevele = Municipality.objects.get(nis_code="44049")  # merged into Deinze in 2019
    AgreementFactory(
        municipality=nevele,
        form=AgreementForm.ANNUAL,
        party=AgreementParty.OCMW,
        signed=True,
        starts_on=datetime.date(2018, 1, 1),
        ends_on=datetime.date(2019, 12, 31),
    )
    gent = Municipality.objects.get(nis_code="44021")
    for party in (AgreementParty.GEMEENTE, AgreementParty.OCMW):
        AgreementFactory(
            municipality=gent, form=AgreementForm.ANNUAL, party=party, signed=True,
            starts_on=datetime.date(2019, 1, 1), ends_on=None,
        )  # fmt: skip
    aalst = Municipality.objects.get(nis_code="41002")
    DossierFactory(municipality=aalst, per_case=True, report_delivered_on=datetime.date(2019, 5, 1))
    AdviceEntryFactory(municipality=nevele, asked_on=datetime.date(2018, 3, 1))
    AdviceEntryFactory(municipality=aalst, asked_on=datetime.date(2019, 3, 1))
    for year in (2018, 2019, 2020):
        assert classify_year_raw(year) == answers(year)
    by_code = {code: (category, party) for code, category, party in answers(2019)}
    assert by_code["44083"] == ("annual_agreement", "ocmw")  # Deinze, through Nevele
    assert by_code["44021"] == ("annual_agreement", "both")
    assert by_code["41002"] == ("pay_per_case", None)


@pytest.mark.issue(12)
def test_a_tiny_fill_measures_every_required_case(registry, settings):
    settings.DYZO_REQUIRE_2FA = False
    before = index_names()
    assert len(before) > 20
    personas = fill(0.0003)
    # The indexes dropped for the fill are all back.
    assert index_names() == before
    assert Dossier.objects.count() == pytest.approx(300, abs=10)
    # The filled data answers the yardstick question like the application does.
    assert classify_year_raw(2025) == answers(2025)

    selected = [case for case in cases(personas) if case.id]
    logged_in = clients(personas)
    results = [run_case(case, logged_in, runs=1) for case in selected]
    assert {result.status for result in results} <= {None, 200}
    payload = result_json(0.0003, results, [])
    assert payload["database"] == ("postgresql" if connection.vendor == "postgresql" else "sqlite")
    assert payload["scale"] == 0.0003
    assert {case["id"] for case in payload["cases"]} >= REQUIRED_IDS
    for case in payload["cases"]:
        assert set(case) == CASE_KEYS
        assert case["clients"] == 1
        assert case["queries"] > 0
    personas_of = {(case["id"], case["as"]) for case in payload["cases"]}
    assert {("dossier_list_html", "worker"), ("dossier_list_api", "expert")} <= personas_of


def test_percentile_is_the_nearest_rank():
    values = [float(n) for n in range(1, 101)]
    assert percentile(values, 0.95) == 95.0
    assert percentile(values, 0.5) == 50.0
    assert percentile([7.0], 0.95) == 7.0


def test_the_arguments_of_issue_12():
    args = parse_args(["--scale", "0.01", "--http", "--json", "out.json"])
    assert (args.scale, args.http, args.json) == (0.01, True, "out.json")


class _Answer(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the name http.server calls)
        status = 200 if self.path == "/ok" else 500
        assert self.headers["X-Forwarded-Proto"] == "https"
        self.send_response(status)
        self.send_header("Set-Cookie", "sessionid=abc; Secure; HttpOnly")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    """A tiny server on a free 127.0.0.1 port, stopped after the test."""
    server = ThreadingHTTPServer((load.HOST, 0), _Answer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()
    thread.join(10)


def test_the_load_driver_sends_exactly_the_requests_asked(local_server):
    session = load.Session(local_server)
    latencies, failures, seconds = load.drive(session, "/ok", 40, 16, deadline_s=60)
    assert (len(latencies), failures) == (40, 0)
    assert session.cookies == {"sessionid": "abc"}  # kept although Secure: the proxy's TLS
    result = load.LoadResult("dossier_list_api", "worker", 16, latencies, failures, seconds)
    case = result.as_json()
    assert set(case) >= CASE_KEYS
    assert (case["clients"], case["requests"], case["failures"]) == (16, 40, 0)
    assert case["rps"] > 0


def test_the_load_driver_counts_errors_as_failures(local_server):
    latencies, failures, _seconds = load.drive(load.Session(local_server), "/bad", 5, 2, 60)
    assert (latencies, failures) == ([], 5)


def test_the_server_runs_with_the_production_settings(settings):
    settings.DYZO_ENCRYPTION_KEYS = ["key-one", "key-two"]
    environment = load.production_environment(8123, "/tmp/static")  # noqa: S108
    assert environment["DJANGO_DEBUG"] == "false"
    assert environment["DJANGO_ALLOWED_HOSTS"] == "127.0.0.1"
    assert environment["DJANGO_BEHIND_TLS_PROXY"] == "true"
    assert environment["DYZO_REQUIRE_2FA"] == "true"
    assert environment["DYZO_ENCRYPTION_KEYS"] == "key-one,key-two"


def test_compare_puts_two_databases_side_by_side():
    from benchmarks.compare import http_table, in_process_table

    def run(database, cpu, rps):
        return {
            "database": database,
            "scale": 1.0,
            "cases": [
                {
                    "id": "classify_year",
                    "as": "-",
                    "median_ms": 4.0,
                    "p95_ms": 5.0,
                    "cpu_ms": cpu,
                    "queries": 2,
                    "clients": 1,
                    "rps": 250.0,
                },
                {
                    "id": "dossier_list_api",
                    "as": "worker",
                    "median_ms": 110.0,
                    "p95_ms": 130.0,
                    "cpu_ms": None,
                    "queries": None,
                    "clients": 16,
                    "rps": rps,
                    "over_http": True,
                    "requests": 320,
                    "failures": 0,
                },
            ],
        }

    left, right = run("postgresql", 0.9, 112.8), run("sqlite", 2.9, 135.1)

    assert "| classify_year | - | 4.0 | 0.9 | 4.0 | 2.9 | 2 / 2 |" in in_process_table(left, right)
    table = http_table(left, right)
    assert (
        "| dossier_list_api | worker | 16 | 110.0 | 130.0 | 112.8 | 110.0 | 130.0 | 135.1 |"
        in table
    )


@pytest.mark.django_db
def test_cases_measured_together_are_interleaved():
    from benchmarks.measure import Case, run_cases

    calls = []
    first = Case("a", None, call=lambda: calls.append("a"), together="pair")
    second = Case("b", None, call=lambda: calls.append("b"), together="pair")

    results = run_cases([first, second], {}, runs=3)

    # A warm-up of each, three rounds of one call each, then one untimed call to count.
    assert "".join(calls) == "ab" + "ab" * 3 + "ab"
    assert [result.name for result in results] == ["a", "b"]
    assert all(result.queries == 0 and result.cpu_ms >= 0 for result in results)
