"""Who may see the cooperation report: coordinators, analysts and administrators."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from dyzo.insights.report import build_report
from dyzo.localgov.cache import clear_registry_cache

PAGE = "/insights/cooperation/2018/"
URLS = [
    PAGE,
    "/insights/cooperation/?year=2018",
    "/insights/cooperation/2019/comparison/",
    "/insights/cooperation/2018/download.json",
    "/insights/cooperation/2018/download.csv",
    "/insights/cooperation/2018/download.xlsx",
    "/insights/cooperation/2018/download.pdf",
    "/api/v1/cooperation-reports/2018/",
]
ALLOWED = {"coordinator", "analyst", "administrator"}
REFUSED = {"expert", "worker_of_gent", "worker_of_aalst"}


def expected(persona: str, url: str) -> int:
    if persona in ALLOWED:
        return 302 if "?year=" in url else 200
    if persona == "anonymous" and not url.startswith("/api/"):
        return 302  # to the login page
    return 403


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("persona", sorted(ALLOWED | REFUSED | {"anonymous"}))
def test_access_table(client, request, registry, persona, url):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    response = client.get(url)
    assert response.status_code == expected(persona, url)
    if persona == "anonymous" and response.status_code == 302:
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_endpoint_is_read_only(client, coordinator, registry, method):
    client.force_login(coordinator)
    response = getattr(client, method)("/api/v1/cooperation-reports/2018/")
    assert response.status_code in (403, 405)


def test_the_api_returns_the_report(client, analyst, imported_2018):
    client.force_login(analyst)
    response = client.get("/api/v1/cooperation-reports/2018/")
    assert response.json() == build_report(2018)


def test_the_api_refuses_unknown_years(client, analyst, registry):
    client.force_login(analyst)
    assert client.get("/api/v1/cooperation-reports/2016/").status_code == 404


def test_the_api_query_count_does_not_grow_with_the_data(client, analyst, imported_2018):
    client.force_login(analyst)

    def count(year: int) -> int:
        clear_registry_cache()  # every count reads the year's registry (no map from memory)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v1/cooperation-reports/{year}/").status_code == 200
        return len(queries.captured_queries)

    client.get("/api/v1/cooperation-reports/2018/")  # reads the role's permissions once
    # 1 session, 2 user, then the report's six (registry, mergers, agreements, the probes
    # for per-case reports and advice, decline reasons, whether the year has data).
    assert count(2018) == count(2021) == 8
