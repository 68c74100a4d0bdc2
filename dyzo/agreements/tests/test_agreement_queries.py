import datetime
from decimal import Decimal

import pytest

from dyzo.agreements.constants import AgreementForm, CaseType
from dyzo.agreements.models import Agreement
from dyzo.agreements.tests.factories import AgreementFactory, municipality


def test_signed_includes_terminated_but_not_drafts(registry):
    signed = AgreementFactory(signed=True)
    terminated = AgreementFactory(terminated=True)
    AgreementFactory(proposed=True)
    AgreementFactory()
    assert set(Agreement.objects.signed()) == {signed, terminated}


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "years"),
    [
        (datetime.date(2024, 7, 1), None, {2024, 2025, 2026}),
        (datetime.date(2024, 7, 1), datetime.date(2025, 1, 1), {2024, 2025}),
        (datetime.date(2024, 12, 31), datetime.date(2024, 12, 31), {2024}),
    ],
)
def test_in_force_during_a_year(registry, starts_on, ends_on, years):
    AgreementFactory(signed=True, starts_on=starts_on, ends_on=ends_on)
    found = {year for year in range(2023, 2027) if Agreement.objects.in_force_during(year)}
    assert found == years


def test_in_force_on_a_date_matches_the_model_method(registry):
    agreement = AgreementFactory(terminated=True)  # 1 January to 30 June 2026
    dates = [datetime.date(2025, 12, 31), datetime.date(2026, 6, 30), datetime.date(2026, 7, 1)]
    assert [agreement.is_in_force_on(date) for date in dates] == [False, True, False]
    for date in dates:
        assert Agreement.objects.in_force_on(date).exists() == agreement.is_in_force_on(date)
    assert not AgreementFactory().is_in_force_on(datetime.date(2026, 3, 1))  # a draft


def test_of_form(registry):
    per_case = AgreementFactory(per_case=True)
    AgreementFactory()
    assert list(Agreement.objects.of_form(AgreementForm.PAY_PER_CASE)) == [per_case]


def test_price_for_case(registry):
    assert AgreementFactory().price_for_case(CaseType.ENTERPRISE_SCAN) == Decimal("0.00")
    per_case = AgreementFactory(per_case=True)
    assert per_case.price_for_case(CaseType.ENTERPRISE_SCAN) == Decimal("750.00")
    assert per_case.price_for_case(CaseType.SOCIAL_PRE_INVESTIGATION) == Decimal("450.00")


def test_of_lineage_includes_the_predecessors(registry):
    beveren = AgreementFactory(municipality=municipality("46003"), signed=True)
    merged = AgreementFactory(municipality=municipality("46030"))
    AgreementFactory()  # Gent
    assert set(Agreement.objects.of_lineage(municipality("46030"))) == {beveren, merged}


def test_visible_to(registry, coordinator, analyst, worker_of_gent, worker_of_aalst):
    gent = AgreementFactory()
    aalst = AgreementFactory(municipality=municipality("41002"))
    assert set(Agreement.objects.visible_to(coordinator)) == {gent, aalst}
    assert set(Agreement.objects.visible_to(analyst)) == {gent, aalst}
    assert list(Agreement.objects.visible_to(worker_of_gent)) == [gent]
    assert list(Agreement.objects.visible_to(worker_of_aalst)) == [aalst]
