from decimal import Decimal

import pytest

from django.urls import reverse

from dyzo.agreements.models import TariffSchedule
from dyzo.agreements.tests.factories import TariffScheduleFactory

LIST = reverse("agreements:tariff_list")
CREATE = reverse("agreements:tariff_create")
EDIT = reverse("agreements:tariff_edit", args=[2026])


@pytest.fixture
def schedule(db):
    return TariffScheduleFactory(year=2026)


@pytest.mark.parametrize(
    ("persona", "target", "status"),
    [
        ("coordinator", LIST, 200),
        ("administrator", LIST, 200),
        ("analyst", LIST, 200),
        ("expert", LIST, 403),
        ("worker_of_gent", LIST, 403),
        ("coordinator", CREATE, 200),
        ("analyst", CREATE, 403),
        ("worker_of_gent", CREATE, 403),
        ("coordinator", EDIT, 200),
        ("analyst", EDIT, 403),
        ("expert", EDIT, 403),
    ],
)
def test_access(client, request, schedule, persona, target, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(target).status_code == status


def test_unknown_year_is_404(client, coordinator, db):
    client.force_login(coordinator)
    assert client.get(reverse("agreements:tariff_edit", args=[1999])).status_code == 404


def formset_data(rows, year=2027, initial=0):
    data = {
        "year": year,
        "price_enterprise_scan": "800.00",
        "price_social_pre_investigation": "500.00",
        "brackets-TOTAL_FORMS": len(rows),
        "brackets-INITIAL_FORMS": initial,
        "brackets-MIN_NUM_FORMS": 1,
        "brackets-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"brackets-{index}-{key}"] = value
    return data


def test_create_schedule_with_brackets(client, coordinator, db):
    client.force_login(coordinator)
    rows = [
        {"population_from": 0, "population_to": 19999, "annual_price": "2000"},
        {"population_from": 20000, "population_to": "", "annual_price": "5000"},
        {"population_from": "", "population_to": "", "annual_price": ""},  # empty extra row
    ]
    response = client.post(CREATE, formset_data(rows))
    assert response.status_code == 302
    schedule = TariffSchedule.objects.get(year=2027)
    assert schedule.subscription_price_for(30_000) == Decimal("5000")
    assert schedule.brackets.count() == 2


def test_overlapping_brackets_are_shown_and_nothing_is_saved(client, coordinator, db):
    client.force_login(coordinator)
    rows = [
        {"population_from": 0, "population_to": 20000, "annual_price": "2000"},
        {"population_from": 20000, "population_to": "", "annual_price": "5000"},
    ]
    response = client.post(CREATE, formset_data(rows))
    assert response.status_code == 200
    assert "20000" in str(response.context["form"].non_field_errors())
    assert not TariffSchedule.objects.exists()


def test_edit_replaces_brackets(client, coordinator, schedule):
    client.force_login(coordinator)
    brackets = list(schedule.brackets.all())
    rows = [
        {"id": b.pk, "population_from": b.population_from, "population_to": b.population_to or ""}
        | {"annual_price": "1", "DELETE": "on" if index else ""}
        for index, b in enumerate(brackets)
    ]
    rows[0]["population_to"] = ""
    response = client.post(EDIT, formset_data(rows, year=2026, initial=len(rows)))
    assert response.status_code == 302
    assert [(b.population_from, b.population_to) for b in schedule.brackets.all()] == [(0, None)]


def test_list_shows_prices_the_belgian_way(client, coordinator, schedule):
    client.force_login(coordinator)
    assert "EUR 12.000,00" in client.get(LIST).content.decode()


def test_a_reversed_bracket_says_so_without_the_constraint_name(client, coordinator, db):
    client.force_login(coordinator)
    rows = [{"population_from": 20000, "population_to": 100, "annual_price": "2000"}]
    response = client.post(CREATE, formset_data(rows), headers={"accept-language": "en"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "A bracket cannot end below its start." in page
    assert "tariffbracket_valid_range" not in page
    assert not TariffSchedule.objects.exists()
