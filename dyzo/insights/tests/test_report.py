import datetime

from dyzo.agreements.constants import AgreementParty, AgreementStatus
from dyzo.agreements.tests.factories import AgreementFactory
from dyzo.insights.report import build_report
from dyzo.insights.tests.conftest import (
    PUBLISHED_2018,
    PUBLISHED_2018_REASONS,
    PUBLISHED_2018_TOTAL,
    published_row,
)
from dyzo.localgov.models import Municipality
from dyzo.outreach.constants import DeclineReasonCode
from dyzo.outreach.tests.factories import DeclineReasonFactory

TOTAL_KEYS = [
    "annual_agreement",
    "pay_per_case",
    "remote_only",
    "none",
    "cooperating",
    "municipalities",
    "agreement_party",
]


def test_the_2018_file_reproduces_every_published_figure(imported_2018):
    report = build_report(2018)
    assert {row["province"]: published_row(row) for row in report["provinces"]} == PUBLISHED_2018
    assert published_row(report["total"]) == PUBLISHED_2018_TOTAL
    assert report["total"]["agreement_party"]["both"] == 0
    reasons = [(r["reason"], r["count"]) for r in report["non_cooperation_reasons"]]
    assert reasons == PUBLISHED_2018_REASONS


def test_the_report_has_exactly_the_documented_shape(imported_2018):
    report = build_report(2018)
    assert list(report) == [
        "year",
        "data",
        "provinces",
        "total",
        "non_cooperation_reasons",
        "municipalities",
    ]
    assert report["year"] == 2018
    assert [row["province"] for row in report["provinces"]] == sorted(PUBLISHED_2018)
    assert list(report["provinces"][0]) == ["province", *TOTAL_KEYS]
    assert list(report["total"]) == TOTAL_KEYS
    assert list(report["total"]["agreement_party"]) == ["gemeente", "ocmw", "both"]
    first = report["municipalities"][0]
    assert first == {
        "nis_code": "11001",
        "name": "Aartselaar",
        "province": "Antwerpen",
        "category": "annual_agreement",
        "agreement_party": "ocmw",
    }
    codes = [row["nis_code"] for row in report["municipalities"]]
    assert codes == sorted(codes) and len(codes) == 308


def test_agreement_party_is_null_unless_annual(imported_2018):
    for row in build_report(2018)["municipalities"]:
        assert (row["agreement_party"] is None) == (row["category"] != "annual_agreement")


def test_a_year_without_data_reports_every_municipality_as_none(db, registry):
    report = build_report(2021)
    assert report["total"]["none"] == report["total"]["municipalities"] == 300
    assert report["total"]["cooperating"] == 0
    assert report["non_cooperation_reasons"] == []


def test_after_the_2025_merger_the_successor_counts_once_in_its_new_province(db, registry):
    zwijndrecht = Municipality.objects.get(nis_code="11056")
    AgreementFactory(
        municipality=zwijndrecht,
        status=AgreementStatus.SIGNED,
        party=AgreementParty.GEMEENTE,
        starts_on=datetime.date(2023, 1, 1),
    )
    report = build_report(2025)
    provinces = {row["province"]: row for row in report["provinces"]}
    assert provinces["Oost-Vlaanderen"]["annual_agreement"] == 1
    assert provinces["Oost-Vlaanderen"]["agreement_party"]["gemeente"] == 1
    assert provinces["Antwerpen"]["annual_agreement"] == 0
    assert report["total"]["municipalities"] == 285
    (row,) = [r for r in report["municipalities"] if r["category"] == "annual_agreement"]
    assert row["nis_code"] == "46030"


def test_reasons_count_each_municipality_once_per_reason(db, registry):
    gent = Municipality.objects.get(nis_code="44021")
    DeclineReasonFactory(municipality=gent, year=2019, code=DeclineReasonCode.OTHER, text="a")
    DeclineReasonFactory(municipality=gent, year=2019, code=DeclineReasonCode.OTHER, text="b")
    DeclineReasonFactory(municipality=gent, year=2019, code=DeclineReasonCode.COST_TOO_HIGH)
    aalst = Municipality.objects.get(nis_code="41002")
    DeclineReasonFactory(municipality=aalst, year=2019, code=DeclineReasonCode.OTHER, text="c")
    DeclineReasonFactory(municipality=aalst, year=2020, code=DeclineReasonCode.NO_NEED_PERCEIVED)
    reasons = build_report(2019)["non_cooperation_reasons"]
    assert reasons == [{"reason": "other", "count": 2}, {"reason": "cost_too_high", "count": 1}]


def test_reasons_of_former_municipalities_count_once_for_their_successor(db, registry):
    for nis_code in ("44049", "44011"):  # Nevele and the old Deinze: Deinze from 2019
        DeclineReasonFactory(
            municipality=Municipality.objects.get(nis_code=nis_code),
            year=2019,
            code=DeclineReasonCode.COST_TOO_HIGH,
        )
    assert build_report(2019)["non_cooperation_reasons"] == [
        {"reason": "cost_too_high", "count": 1}
    ]


def test_ties_in_reasons_are_sorted_by_code(db, registry):
    gent = Municipality.objects.get(nis_code="44021")
    for code in (DeclineReasonCode.NO_NEED_PERCEIVED, DeclineReasonCode.COST_TOO_HIGH):
        DeclineReasonFactory(municipality=gent, year=2022, code=code)
    reasons = [r["reason"] for r in build_report(2022)["non_cooperation_reasons"]]
    assert reasons == ["cost_too_high", "no_need_perceived"]


def test_the_report_runs_in_six_queries(imported_2018, django_assert_num_queries):
    # 1 municipalities, 2 mergers (covering map), 3 agreements, 4 the probes for per-case
    # reports and advice, 5 decline reasons, 6 whether the year has data.
    with django_assert_num_queries(6):
        build_report(2018)
