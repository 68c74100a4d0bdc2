"""Property test: whatever the records, every municipality of the year is in exactly one
category, the one an independent reading of the rule gives, and the totals add up."""

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.db import transaction

from dyzo.agreements.constants import AgreementForm, AgreementParty, AgreementStatus
from dyzo.agreements.tests.factories import AgreementFactory
from dyzo.dossiers.constants import DossierBasis
from dyzo.dossiers.tests.factories import AdviceEntryFactory, DossierFactory
from dyzo.insights.classification import classify_municipalities, classify_year
from dyzo.insights.constants import Category
from dyzo.insights.report import build_report
from dyzo.localgov.models import Municipality
from dyzo.localgov.registry import covering_municipality

# Codes around the mergers of 2019 and 2025, and two that never merged.
CODES = ["44049", "44011", "44083", "11007", "11002", "11056", "46030", "71047", "44021", "41002"]
YEARS = [2018, 2019, 2024, 2025]

agreements = st.fixed_dictionaries(
    {
        "kind": st.just("agreement"),
        "code": st.sampled_from(CODES),
        "form": st.sampled_from(AgreementForm.values),
        "party": st.sampled_from(AgreementParty.values),
        "status": st.sampled_from(AgreementStatus.values),
        "start": st.integers(2017, 2025),
        "years": st.one_of(st.none(), st.integers(0, 3)),
    }
)
dossiers = st.fixed_dictionaries(
    {
        "kind": st.just("dossier"),
        "code": st.sampled_from(CODES),
        "basis": st.sampled_from(DossierBasis.values),
        "delivered": st.one_of(st.none(), st.integers(2017, 2025)),
    }
)
advice = st.fixed_dictionaries(
    {
        "kind": st.just("advice"),
        "code": st.sampled_from(CODES),
        "year": st.integers(2017, 2025),
        "imported": st.booleans(),
    }
)


def _plausible(record: dict) -> bool:
    """The app stores a record only for a municipality that existed when it happened."""
    year = record.get("start") or record.get("year") or record.get("delivered") or 2018
    municipality = Municipality.objects.get(nis_code=record["code"])
    return municipality.existed_on(datetime.date(year, 6, 30))


def _store(record: dict) -> None:
    municipality = Municipality.objects.get(nis_code=record["code"])
    if record["kind"] == "agreement":
        ends = (
            None
            if record["years"] is None
            else datetime.date(record["start"] + record["years"], 12, 31)
        )
        AgreementFactory(
            municipality=municipality,
            form=record["form"],
            party=record["party"],
            status=record["status"],
            starts_on=datetime.date(record["start"], 3, 1),
            ends_on=ends,
        )
    elif record["kind"] == "dossier":
        delivered = record["delivered"] and datetime.date(record["delivered"], 4, 1)
        DossierFactory(
            municipality=municipality, basis=record["basis"], report_delivered_on=delivered
        )
    elif record["imported"]:
        AdviceEntryFactory(
            municipality=municipality, imported=True, imported_for_year=record["year"]
        )
    else:
        AdviceEntryFactory(municipality=municipality, asked_on=datetime.date(record["year"], 7, 1))


def _counts_in(record: dict, year: int) -> str | None:
    """The category a single record argues for in `year`, read straight from the rule."""
    if record["kind"] == "agreement":
        last = None if record["years"] is None else record["start"] + record["years"]
        signed = record["status"] in (AgreementStatus.SIGNED, AgreementStatus.TERMINATED)
        if signed and record["start"] <= year and (last is None or year <= last):
            return record["form"]
        return None
    if record["kind"] == "dossier":
        per_case = record["basis"] == DossierBasis.PER_CASE and record["delivered"] == year
        return Category.PAY_PER_CASE if per_case else None
    return Category.REMOTE_ONLY if record["year"] == year else None


def _expected(records: list[dict], year: int) -> dict[str, str]:
    found: dict[str, set] = {}
    for record in records:
        category = _counts_in(record, year)
        covering = covering_municipality(record["code"], datetime.date(year, 1, 1))
        if category and covering:
            found.setdefault(covering.nis_code, set()).add(category)
    return {code: next(c for c in Category if c in cats) for code, cats in found.items()}


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    year=st.sampled_from(YEARS),
    records=st.lists(st.one_of(agreements, dossiers, advice), max_size=6),
)
def test_every_municipality_in_exactly_one_category_and_totals_add_up(db, registry, year, records):
    records = [record for record in records if _plausible(record)]
    with transaction.atomic():
        for record in records:
            _store(record)
        forms = classify_year(year)
        report = build_report(year)
        # The portal's classification of a worker's few municipalities says the same.
        few = [form.municipality for form in forms if form.municipality.nis_code in CODES]
        forms_of_few = classify_municipalities(few, year)
        transaction.set_rollback(True)

    assert forms_of_few == {
        form.municipality.pk: form for form in forms if form.municipality.nis_code in CODES
    }

    codes = [form.municipality.nis_code for form in forms]
    assert sorted(codes) == sorted(
        Municipality.objects.of_year(year).values_list("nis_code", flat=True)
    )
    assert len(set(codes)) == len(codes)
    expected = _expected(records, year)
    assert {
        f.municipality.nis_code: f.category for f in forms if f.category != Category.NONE
    } == expected

    total = report["total"]
    assert sum(total[c] for c in Category.values) == total["municipalities"] == len(forms)
    assert total["cooperating"] == total["municipalities"] - total["none"]
    assert sum(total["agreement_party"].values()) == total["annual_agreement"]
    for key in [*Category.values, "cooperating", "municipalities"]:
        assert sum(row[key] for row in report["provinces"]) == total[key]
