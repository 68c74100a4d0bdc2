import datetime

import pytest

URLS = [
    "/api/v1/municipalities/",
    "/api/v1/agreements/",
    "/api/v1/decline-reasons/",
    "/api/v1/advice-entries/",
]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("year", ["0", "soon", "-1", "99999", "2014", "3000"])
def test_every_year_filter_answers_a_bad_year_with_a_400(client, coordinator, registry, url, year):
    client.force_login(coordinator)
    response = client.get(url, {"year": year})
    assert response.status_code == 400
    latest = datetime.date.today().year + 10
    assert response.json()["year"] == [f"Geef een jaar tussen 2015 en {latest}."]


@pytest.mark.parametrize("url", URLS)
def test_a_plausible_year_filters(client, coordinator, registry, url):
    client.force_login(coordinator)
    assert client.get(url, {"year": "2018"}).status_code == 200
