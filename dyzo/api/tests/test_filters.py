"""API filters: the FilterSets answer a bad value with a 400 in the one error shape, and a
good one filters (issue 9: three hand-written styles, one silently ignoring a bad value)."""

import datetime

import pytest

from dyzo.dossiers.tests.factories import DossierFactory

pytestmark = pytest.mark.issue(9)

YEAR_URLS = [
    "/api/v1/municipalities/",
    "/api/v1/agreements/",
    "/api/v1/decline-reasons/",
    "/api/v1/advice-entries/",
    "/api/v1/dossiers/",
]
# The window of years (docs/dates.md): 2015 to ten years ahead.
YEAR_MESSAGE = f"Geef een jaar tussen 2015 en {datetime.date.today().year + 10}."


@pytest.mark.parametrize("url", YEAR_URLS)
@pytest.mark.parametrize("year", ["0", "soon", "-1", "99999", "2014", "3000"])
def test_every_year_filter_answers_a_bad_year_with_a_400(client, coordinator, registry, url, year):
    client.force_login(coordinator)

    response = client.get(url, {"year": year})

    assert response.status_code == 400
    assert response.json() == {
        "detail": YEAR_MESSAGE,
        "code": "invalid",
        "fields": {"year": [YEAR_MESSAGE]},
    }


@pytest.mark.parametrize("url", YEAR_URLS)
def test_a_plausible_year_filters(client, coordinator, registry, url):
    client.force_login(coordinator)
    assert client.get(url, {"year": "2018"}).status_code == 200


@pytest.mark.parametrize(
    ("url", "name", "value"),
    [
        # The overflow that answered 500 on SQLite, and values once silently ignored.
        ("/api/v1/dossiers/", "expert", "99999999999999999999999"),
        ("/api/v1/dossiers/", "expert", "abc"),
        ("/api/v1/dossiers/", "status", "nonsense"),
        ("/api/v1/dossiers/", "case_type", "nonsense"),
        ("/api/v1/agreements/", "status", "nonsense"),
        ("/api/v1/agreements/", "form", "nonsense"),
        ("/api/v1/contacts/", "due", "maybe"),
        ("/api/v1/audit-entries/", "content_type", "no.such"),
        ("/api/v1/audit-entries/", "actor", "0"),
    ],
)
def test_a_bad_filter_value_is_a_400_naming_the_parameter(
    client, coordinator, registry, url, name, value
):
    client.force_login(coordinator)

    response = client.get(url, {name: value})

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and list(body["fields"]) == [name]


def test_the_dossier_filters_narrow_the_list(client, coordinator, registry):
    client.force_login(coordinator)
    kept = DossierFactory(year=2024)
    DossierFactory(year=2023)

    response = client.get("/api/v1/dossiers/", {"year": "2024", "status": kept.status})

    assert [row["id"] for row in response.json()["results"]] == [kept.pk]


def test_due_filters_follow_ups(client, coordinator, registry):
    client.force_login(coordinator)

    assert client.get("/api/v1/contacts/", {"due": "true"}).status_code == 200
    assert client.get("/api/v1/contacts/", {"due": "0"}).status_code == 200
