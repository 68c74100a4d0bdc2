from decimal import Decimal

import pytest

from dyzo.agreements.errors import TariffError
from dyzo.agreements.models import TariffBracket, TariffSchedule
from dyzo.agreements.services import save_tariff_schedule
from dyzo.agreements.tests.factories import TariffScheduleFactory
from dyzo.audit.models import AuditEntry


def bracket(low, high, price="1000"):
    return {"population_from": low, "population_to": high, "annual_price": Decimal(price)}


def save(schedule, coordinator, brackets, year=2027, **prices):
    prices = {
        "price_enterprise_scan": Decimal("800"),
        "price_social_pre_investigation": Decimal("500"),
        **prices,
    }
    return save_tariff_schedule(schedule, actor=coordinator, year=year, brackets=brackets, **prices)


def snapshot():
    return (
        list(TariffSchedule.objects.order_by("pk").values()),
        list(TariffBracket.objects.order_by("pk").values()),
        AuditEntry.objects.count(),
    )


def test_create_schedule_with_brackets(db, coordinator):
    schedule = save(None, coordinator, [bracket(10_000, None, "5000"), bracket(0, 9_999)])
    assert schedule.year == 2027
    assert schedule.subscription_price_for(50_000) == Decimal("5000")
    assert AuditEntry.objects.filter(code="tariff_schedule.created").count() == 1


def test_edit_replaces_the_brackets(db, coordinator):
    schedule = TariffScheduleFactory(year=2027)
    save(schedule, coordinator, [bracket(0, None, "999")], price_enterprise_scan=Decimal("1"))
    schedule.refresh_from_db()
    assert [b.annual_price for b in schedule.brackets.all()] == [Decimal("999")]
    assert schedule.price_enterprise_scan == Decimal("1")


@pytest.mark.parametrize(
    "brackets",
    [
        [],
        [bracket(0, 10_000), bracket(10_000, None)],  # 10,000 in both
        [bracket(0, None), bracket(50_000, None)],  # the open-ended one is not the last
        [bracket(5_000, 1_000)],  # ends below its start
        [bracket(0, None, "-5")],
        pytest.param([bracket(0, 9_999), bracket(20_000, None)], marks=pytest.mark.issue(9)),
        pytest.param([bracket(1, 9_999), bracket(10_000, None)], marks=pytest.mark.issue(9)),
        pytest.param([bracket(0, 9_999), bracket(10_000, 49_999)], marks=pytest.mark.issue(9)),
    ],
    ids=["none", "overlap", "open-not-last", "inverted", "negative", "gap", "not-0", "closed"],
)
def test_bad_brackets_are_refused_and_change_nothing(db, coordinator, brackets):
    schedule = TariffScheduleFactory(year=2027)
    before = snapshot()
    with pytest.raises(TariffError):
        save(schedule, coordinator, brackets)
    assert snapshot() == before


def test_a_year_has_one_schedule(db, coordinator):
    TariffScheduleFactory(year=2027)
    before = snapshot()
    with pytest.raises(TariffError):
        save(None, coordinator, [bracket(0, None)])
    assert snapshot() == before


def test_negative_case_price_is_refused(db, coordinator):
    with pytest.raises(TariffError):
        save(None, coordinator, [bracket(0, None)], price_enterprise_scan=Decimal("-1"))
    assert not TariffSchedule.objects.exists()
