import datetime

import pytest

from dyzo.agreements.constants import AgreementParty, AgreementStatus
from dyzo.agreements.tests.factories import AgreementFactory
from dyzo.dossiers.constants import DossierBasis
from dyzo.dossiers.tests.factories import AdviceEntryFactory, DossierFactory
from dyzo.insights.classification import category_of, classify_year, form_of
from dyzo.insights.constants import Category
from dyzo.localgov.cache import clear_registry_cache
from dyzo.localgov.models import Municipality

GENT, AALST = "44021", "41002"


def m(nis_code: str) -> Municipality:
    return Municipality.objects.get(nis_code=nis_code)


def annual(nis_code=GENT, year=2018, **kwargs):
    defaults = {
        "municipality": m(nis_code),
        "status": AgreementStatus.SIGNED,
        "starts_on": datetime.date(year, 1, 1),
    }
    return AgreementFactory(**{**defaults, **kwargs})


def per_case(nis_code=GENT, year=2018, **kwargs):
    return annual(nis_code, year, per_case=True, **kwargs)


def categories(year: int) -> dict[str, str]:
    return {form.municipality.nis_code: form.category for form in classify_year(year)}


def test_a_year_without_data_puts_every_municipality_in_none(db, registry):
    forms = classify_year(2020)
    assert len(forms) == 300
    assert {form.category for form in forms} == {Category.NONE}
    assert all(form.agreement_party is None for form in forms)


@pytest.mark.parametrize("year", [2018, 2019, 2024, 2025])
def test_every_municipality_of_the_year_once_in_nis_order(db, registry, year):
    codes = [form.municipality.nis_code for form in classify_year(year)]
    expected = list(Municipality.objects.of_year(year).values_list("nis_code", flat=True))
    assert codes == sorted(expected)


def test_annual_agreement_wins_over_every_other_form(db, registry):
    annual(GENT, party=AgreementParty.GEMEENTE)
    per_case(GENT)
    AdviceEntryFactory(municipality=m(GENT), asked_on=datetime.date(2018, 3, 1))
    form = form_of(m(GENT), 2018)
    assert form.category == Category.ANNUAL_AGREEMENT
    assert form.agreement_party == AgreementParty.GEMEENTE


def test_pay_per_case_wins_over_phone_advice(db, registry):
    per_case(GENT)
    AdviceEntryFactory(municipality=m(GENT), asked_on=datetime.date(2018, 3, 1))
    assert category_of(m(GENT), 2018) == Category.PAY_PER_CASE


def test_phone_advice_alone_is_remote_only(db, registry):
    AdviceEntryFactory(municipality=m(GENT), asked_on=datetime.date(2018, 12, 31))
    assert category_of(m(GENT), 2018) == Category.REMOTE_ONLY
    assert category_of(m(GENT), 2019) == Category.NONE


def test_imported_advice_placeholder_counts_for_its_year(db, registry):
    AdviceEntryFactory(municipality=m(GENT), imported=True, asked_on=datetime.date(2020, 5, 1))
    assert category_of(m(GENT), 2018) == Category.REMOTE_ONLY
    assert category_of(m(GENT), 2020) == Category.NONE


def test_per_case_dossier_counts_in_the_year_its_report_was_delivered(db, registry):
    DossierFactory(
        municipality=m(GENT), per_case=True, report_delivered_on=datetime.date(2019, 2, 1)
    )
    assert category_of(m(GENT), 2018) == Category.NONE
    assert category_of(m(GENT), 2019) == Category.PAY_PER_CASE


@pytest.mark.parametrize("basis", [DossierBasis.SUBSCRIPTION, DossierBasis.NOT_COVERED])
def test_other_dossiers_do_not_make_pay_per_case(db, registry, basis):
    DossierFactory(municipality=m(GENT), basis=basis, report_delivered_on=datetime.date(2019, 2, 1))
    assert category_of(m(GENT), 2019) == Category.NONE


def test_agreement_counts_in_every_year_it_was_in_force(db, registry):
    annual(GENT, starts_on=datetime.date(2018, 11, 1), ends_on=datetime.date(2020, 2, 1))
    assert [category_of(m(GENT), year) for year in (2018, 2020, 2021)] == [
        Category.ANNUAL_AGREEMENT,
        Category.ANNUAL_AGREEMENT,
        Category.NONE,
    ]


@pytest.mark.parametrize("status", [AgreementStatus.DRAFT, AgreementStatus.PROPOSED])
def test_unsigned_agreements_do_not_count(db, registry, status):
    annual(GENT, status=status)
    assert category_of(m(GENT), 2018) == Category.NONE


def test_terminated_agreement_counts_until_it_ended(db, registry):
    annual(GENT, status=AgreementStatus.TERMINATED, ends_on=datetime.date(2018, 3, 31))
    assert category_of(m(GENT), 2018) == Category.ANNUAL_AGREEMENT
    assert category_of(m(GENT), 2019) == Category.NONE


def test_subscriptions_with_gemeente_and_ocmw_make_both(db, registry):
    annual(GENT, party=AgreementParty.GEMEENTE)
    annual(GENT, party=AgreementParty.OCMW)
    annual(AALST, party=AgreementParty.OCMW)
    annual(AALST, party=AgreementParty.OCMW, starts_on=datetime.date(2018, 6, 1))
    assert form_of(m(GENT), 2018).agreement_party == AgreementParty.BOTH
    assert form_of(m(AALST), 2018).agreement_party == AgreementParty.OCMW


def test_a_per_case_agreement_has_no_agreement_party(db, registry):
    per_case(GENT, party=AgreementParty.GEMEENTE)
    assert form_of(m(GENT), 2018).agreement_party is None


def test_former_municipalities_count_once_for_their_successor_in_2019(db, registry):
    annual("44049", year=2018, party=AgreementParty.GEMEENTE)  # Nevele, into Deinze 44083
    annual("44011", year=2018, party=AgreementParty.OCMW)  # the old Deinze, same successor
    in_2019 = categories(2019)
    assert in_2019["44083"] == Category.ANNUAL_AGREEMENT
    assert "44049" not in in_2019 and "44011" not in in_2019
    assert len(in_2019) == 300
    assert form_of(m("44083"), 2019).agreement_party == AgreementParty.BOTH
    # In 2018 the two former municipalities are still themselves.
    assert categories(2018)["44049"] == Category.ANNUAL_AGREEMENT


def test_records_of_a_former_municipality_count_for_its_2025_successor(db, registry):
    per_case("11056", year=2024)  # Zwijndrecht, into Beveren-Kruibeke-Zwijndrecht 46030
    AdviceEntryFactory(municipality=m("11007"), asked_on=datetime.date(2025, 2, 1))  # Borsbeek
    in_2025 = categories(2025)
    assert in_2025["46030"] == Category.PAY_PER_CASE
    assert in_2025["11002"] == Category.REMOTE_ONLY  # Antwerpen absorbed Borsbeek
    assert len(in_2025) == 285


def test_a_successor_record_does_not_reach_back_before_the_merger(db, registry):
    annual("44083", year=2019, starts_on=datetime.date(2018, 6, 1))  # Deinze as of 2019
    assert category_of(m("44049"), 2018) == Category.NONE
    assert category_of(m("44083"), 2018) is None


def test_classification_runs_in_four_queries_whatever_the_number_of_records(
    db, registry, django_assert_num_queries
):
    def count_queries(agreements: int):
        for municipality in Municipality.objects.of_year(2018)[:agreements]:
            annual(municipality.nis_code)
            per_case(municipality.nis_code)
            AdviceEntryFactory(municipality=municipality, asked_on=datetime.date(2018, 5, 1))
        clear_registry_cache()
        # 1 municipalities, 2 mergers (covering map), 3 agreements, 4 per-case reports and
        # advice probed per municipality.
        with django_assert_num_queries(4):
            classify_year(2018)
        # The year's registry is now in memory: only the records are asked.
        with django_assert_num_queries(2):
            classify_year(2018)

    count_queries(1)
    count_queries(20)
