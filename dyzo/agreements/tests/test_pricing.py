import datetime
from decimal import Decimal

import pytest

from dyzo.agreements.constants import CaseType
from dyzo.agreements.models import TariffSchedule
from dyzo.agreements.pricing import (
    case_counts,
    population_for_tariff,
    proposed_annual_fee,
    quote_for,
)
from dyzo.agreements.tests.factories import TariffScheduleFactory, municipality
from dyzo.dossiers.tests.factories import DossierFactory
from dyzo.localgov.models import Population


@pytest.mark.parametrize(
    ("nis_code", "year", "expected"),
    [
        ("11001", 2018, 14304),  # Aartselaar: its own figure of that year
        ("11001", 2026, 14427),  # the latest figure before the year (2020)
        ("11001", 2017, None),  # nothing known that early
        ("12041", 2026, 26142),  # Puurs-Sint-Amands (merged 2019) has figures of its own
    ],
)
def test_population_is_the_latest_known_figure(registry, nis_code, year, expected):
    assert population_for_tariff(municipality(nis_code), year) == expected


def test_merged_municipality_counts_its_predecessors(registry):
    # Beveren-Kruibeke-Zwijndrecht (2025) has no figure: Beveren + Kruibeke + Zwijndrecht 2020.
    assert population_for_tariff(municipality("46030"), 2026) == 49047 + 16846 + 19154


def test_absorbing_municipality_adds_the_absorbed_one_from_the_merger_on(registry):
    antwerpen = municipality("11002")
    assert population_for_tariff(antwerpen, 2024) == 529247
    assert population_for_tariff(antwerpen, 2026) == 529247 + 10949  # with Borsbeek


def test_merged_municipality_with_an_unknown_predecessor_is_unknown(registry):
    Population.objects.filter(municipality__nis_code="46013").delete()  # Kruibeke
    assert population_for_tariff(municipality("46030"), 2026) is None


def test_schedule_for_year_falls_back_to_the_latest_earlier_one(db):
    TariffScheduleFactory(year=2024)
    TariffScheduleFactory(year=2026)
    assert TariffSchedule.objects.schedule_for_year(2025).year == 2024
    assert TariffSchedule.objects.schedule_for_year(2026).year == 2026
    assert TariffSchedule.objects.schedule_for_year(2030).year == 2026
    assert TariffSchedule.objects.schedule_for_year(2023) is None


@pytest.mark.parametrize(
    ("population", "price"),
    [
        (0, "1500.00"),
        (9_999, "1500.00"),
        (10_000, "3000.00"),
        (99_999, "6000.00"),
        (100_000, "12000.00"),
        (2_000_000, "12000.00"),
        (None, None),
    ],
)
def test_subscription_price_by_bracket(db, population, price):
    schedule = TariffScheduleFactory(year=2026)
    expected = Decimal(price) if price else None
    assert schedule.subscription_price_for(population) == expected


def test_population_in_a_gap_between_brackets_has_no_price(db):
    schedule = TariffScheduleFactory(year=2026, brackets=[(0, 999, Decimal("10"))])
    assert schedule.subscription_price_for(5_000) is None


def test_proposed_fee_uses_the_schedule_of_the_start_year(registry):
    TariffScheduleFactory(year=2020, brackets=[(0, None, Decimal("100.00"))])
    TariffScheduleFactory(year=2026)
    gent = municipality("44021")
    assert proposed_annual_fee(gent, datetime.date(2026, 3, 1)) == Decimal("12000.00")
    assert proposed_annual_fee(gent, datetime.date(2021, 1, 1)) == Decimal("100.00")
    assert proposed_annual_fee(gent, datetime.date(2019, 1, 1)) is None


def test_merged_municipality_gets_the_bracket_of_its_summed_population(registry):
    TariffScheduleFactory(year=2026)
    # 85,047 inhabitants together: each predecessor alone would be a lower bracket.
    merged = municipality("46030")
    assert proposed_annual_fee(merged, datetime.date(2026, 1, 1)) == Decimal("6000.00")


def test_case_counts_per_year_and_type_include_predecessors(registry):
    DossierFactory(municipality=municipality("46030"), year=2025)
    DossierFactory(municipality=municipality("46003"), year=2024, social=True)  # Beveren
    DossierFactory(municipality=municipality("46003"), year=2024, cancelled=True)
    DossierFactory(municipality=municipality("44021"), year=2024)  # another municipality
    counts = case_counts(municipality("46030"), [2023, 2024, 2025])
    assert counts == {
        2023: {CaseType.ENTERPRISE_SCAN: 0, CaseType.SOCIAL_PRE_INVESTIGATION: 0},
        2024: {CaseType.ENTERPRISE_SCAN: 0, CaseType.SOCIAL_PRE_INVESTIGATION: 1},
        2025: {CaseType.ENTERPRISE_SCAN: 1, CaseType.SOCIAL_PRE_INVESTIGATION: 0},
    }


def test_quote_puts_subscription_next_to_past_cases_at_this_years_prices(registry):
    TariffScheduleFactory(year=2026)
    aalst = municipality("41002")
    for _ in range(3):
        DossierFactory(municipality=aalst, year=2025)
    DossierFactory(municipality=aalst, year=2024, social=True)
    quote = quote_for(aalst, 2026)
    assert quote.population == 87332
    assert quote.subscription_price == Decimal("6000.00")
    assert [row.year for row in quote.history] == [2023, 2024, 2025]
    assert [row.per_case_total for row in quote.history] == [
        Decimal("0.00"),
        Decimal("450.00"),
        Decimal("2250.00"),
    ]
    assert quote.average_per_case_total == Decimal("900.00")


def test_quote_without_any_schedule(registry):
    quote = quote_for(municipality("41002"), 2026)
    assert quote.schedule is None
    assert quote.subscription_price is None
    assert quote.average_per_case_total == Decimal("0.00")
