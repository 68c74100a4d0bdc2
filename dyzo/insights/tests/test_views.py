import datetime
import json

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dyzo.insights.report import build_report
from dyzo.insights.services import keep_cooperation_in_app
from dyzo.localgov.cache import clear_registry_cache


def page_url(year: int) -> str:
    return reverse("insights:cooperation_report", args=[year])


def download_url(year: int, fmt: str) -> str:
    return reverse("insights:cooperation_download", args=[year, fmt])


def test_the_page_shows_the_tables_of_the_parliamentary_answer(client, coordinator, imported_2018):
    client.force_login(coordinator)
    response = client.get(page_url(2018))
    assert response.status_code == 200
    html = response.content.decode()
    for table in ("forms", "parties", "non_cooperating", "reasons", "municipalities"):
        assert f'id="table-{table}"' in html
    tables = {t["key"]: t for t in response.context["tables"]}
    assert tables["forms"]["footer"][1:] == [111, 35, 3, 149, 159, 308]
    assert tables["parties"]["footer"][1:] == [7, 104, 0, 111]
    assert [row[1] for row in tables["reasons"]["rows"]] == [52, 44, 13]
    assert 'id="cooperation-figures"' in html  # chart and map data for the page script
    assert "flanders_municipalities_2018.geojson" in html
    assert "<script>" not in html.replace("<script src=", "")  # no inline script (CSP)


def test_the_figure_data_matches_the_report(client, coordinator, imported_2018):
    client.force_login(coordinator)
    figures = client.get(page_url(2018)).context["figure_data"]
    assert [c["code"] for c in figures["categories"]] == [
        "annual_agreement",
        "pay_per_case",
        "remote_only",
        "none",
    ]
    assert len(figures["municipalities"]) == 308
    assert figures["provinces"] == build_report(2018)["provinces"]


@pytest.mark.parametrize(("year", "geojson"), [(2019, "2019"), (2024, "2019"), (2025, "2025")])
def test_the_map_uses_the_boundaries_of_the_year(client, coordinator, registry, year, geojson):
    client.force_login(coordinator)
    response = client.get(page_url(year))
    assert f"flanders_municipalities_{geojson}.geojson" in response.content.decode()


def page_queries(client, year: int) -> list[str]:
    clear_registry_cache()  # every count reads the year's registry (no map from memory)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page_url(year)).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def test_the_page_query_count_does_not_grow_with_the_data(client, coordinator, imported_2018):
    client.force_login(coordinator)
    page_queries(client, 2018)  # reads the role's permissions once (cached per process)
    full, empty = page_queries(client, 2018), page_queries(client, 2021)
    # 1 session, 2 user, 3 municipalities, 4 mergers, 5 agreements, 6 the probes for
    # per-case reports and advice, 7 decline reasons, 8 whether the year has data.
    assert len(full) == len(empty) == 8


def test_downloads_stream_every_format(client, analyst, imported_2018):
    client.force_login(analyst)
    expected_types = {
        "json": "application/json",
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pdf": "application/pdf",
    }
    for fmt, content_type in expected_types.items():
        response = client.get(download_url(2018, fmt))
        assert response.status_code == 200
        assert response["Content-Type"] == content_type
        disposition = f'attachment; filename="cooperation-report-2018.{fmt}"'
        assert response["Content-Disposition"] == disposition
    assert json.loads(client.get(download_url(2018, "json")).content) == build_report(2018)


def test_an_unknown_format_or_year_is_not_found(client, coordinator, registry):
    client.force_login(coordinator)
    assert client.get(download_url(2018, "docx")).status_code == 404
    assert client.get(page_url(2017)).status_code == 404
    assert client.get(page_url(2999)).status_code == 404


def test_the_year_picker_redirects_to_the_year(client, coordinator, registry):
    client.force_login(coordinator)
    response = client.get(reverse("insights:cooperation_report_pick"), {"year": "2019"})
    assert response.status_code == 302
    assert response["Location"] == page_url(2019)


def test_the_comparison_lists_changes_and_mergers(client, coordinator, imported_2018):
    keep_cooperation_in_app(datetime.date(2019, 1, 1))  # else 2019 has no data to compare
    client.force_login(coordinator)
    response = client.get(reverse("insights:cooperation_comparison", args=[2019]))
    assert response.status_code == 200
    comparison = response.context["comparison"]
    counts = {row["category"]: row for row in comparison["counts"]}
    assert counts["annual_agreement"] == {
        "category": "annual_agreement",
        "previous": 111,
        "current": 0,
        "change": -111,
    }
    assert counts["none"]["current"] == 300
    # The imported agreements end on 31 December 2018: every cooperating one changes.
    assert (
        len(comparison["changed"]) + sum(len(m["predecessors"]) for m in comparison["merged"])
        >= 140
    )
    deinze = next(m for m in comparison["merged"] if m["nis_code"] == "44083")
    assert [p["nis_code"] for p in deinze["predecessors"]] == ["44011", "44049"]
    assert "Deinze" in response.content.decode()


def test_the_first_year_has_no_comparison(client, coordinator, registry):
    client.force_login(coordinator)
    assert "cooperation_comparison" not in client.get(page_url(2018)).content.decode()
    assert (
        reverse("insights:cooperation_comparison", args=[2019])
        in client.get(page_url(2019)).content.decode()
    )


def test_the_comparison_query_count_does_not_grow_with_the_data(client, coordinator, imported_2018):
    keep_cooperation_in_app(datetime.date(2019, 1, 1))
    client.force_login(coordinator)

    def count(year: int) -> int:
        clear_registry_cache()  # every count reads both years' registries
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("insights:cooperation_comparison", args=[year]))
        return len(queries.captured_queries)

    count(2019)  # reads the role's permissions once (cached per process)
    # 1 session, 2 user, 3 the data of the two years, then per year 4 (registry, mergers,
    # agreements, the probes for per-case reports and advice) twice, and 12 the mergers of
    # the year.
    assert count(2019) == count(2022) == 12
