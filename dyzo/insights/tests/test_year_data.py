"""A year without cooperation data says so everywhere and is compared with nothing (issue 11,
point 1): "0 of the 300 municipalities cooperate" in 2019 was a false figure."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from django.core.management import CommandError, call_command
from django.urls import reverse

from dyzo.insights.comparison import build_comparison
from dyzo.insights.constants import DataSource
from dyzo.insights.errors import CooperationDataError
from dyzo.insights.report import build_report
from dyzo.insights.services import keep_cooperation_in_app
from dyzo.insights.years import YearData, data_of_year, data_of_years

pytestmark = pytest.mark.issue(11)
NO_DATA_NL = "Er zijn geen samenwerkingsgegevens voor 2019"


def download(client, year, fmt) -> bytes:
    response = client.get(reverse("insights:cooperation_download", args=[year, fmt]))
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_an_imported_year_has_data_and_the_years_after_it_do_not(imported_2018):
    assert data_of_year(2018) == YearData(2018, DataSource.IMPORTED)
    assert not data_of_year(2019).available
    assert build_report(2019)["data"] == {"available": False, "source": None, "kept_since": None}
    assert build_report(2018)["data"]["source"] == "imported"


def test_the_app_covers_the_year_it_began_partly_and_every_later_year(db):
    keep_cooperation_in_app(datetime.date(2025, 6, 1))
    years = data_of_years([2024, 2025, 2026])
    assert not years[2024].available
    assert years[2025] == YearData(2025, DataSource.APP, datetime.date(2025, 6, 1))
    assert years[2026] == YearData(2026, DataSource.APP)


def test_the_app_cannot_have_kept_records_since_a_future_day(db):
    with pytest.raises(CooperationDataError):
        keep_cooperation_in_app(datetime.date.today() + datetime.timedelta(days=1))


def test_the_page_says_the_year_has_no_data(client, coordinator, imported_2018):
    client.force_login(coordinator)
    html = client.get(reverse("insights:cooperation_report", args=[2019])).content.decode()
    assert 'id="no-data"' in html
    assert NO_DATA_NL in html
    assert "van de 300 gemeenten werken samen" not in html
    full = client.get(reverse("insights:cooperation_report", args=[2018])).content.decode()
    assert 'id="no-data"' not in full


def test_every_export_says_the_year_has_no_data(client, coordinator, imported_2018):
    client.force_login(coordinator)

    assert b'"available": false' in download(client, 2019, "json")

    rows = list(csv.reader(io.StringIO(download(client, 2019, "csv").decode())))
    assert rows[-2:] == [["data_available", "source", "kept_since"], ["no", "", ""]]

    sheets = load_workbook(io.BytesIO(download(client, 2019, "xlsx"))).worksheets
    assert all(NO_DATA_NL in sheet["A1"].value for sheet in sheets)

    pdf = PdfReader(io.BytesIO(download(client, 2019, "pdf")))
    text = " ".join(pdf.pages[0].extract_text().split())
    assert NO_DATA_NL in text

    imported = list(csv.reader(io.StringIO(download(client, 2018, "csv").decode())))
    assert imported[-1] == ["yes", "imported", ""]


def test_the_api_has_a_data_field(client, coordinator, imported_2018):
    client.force_login(coordinator)
    assert client.get("/api/v1/cooperation-reports/2019/").json()["data"]["available"] is False
    assert client.get("/api/v1/cooperation-reports/2018/").json()["data"] == {
        "available": True,
        "source": "imported",
        "kept_since": None,
    }


def test_a_year_without_data_is_compared_with_nothing(client, coordinator, imported_2018):
    comparison = build_comparison(2019)
    assert (comparison["comparable"], comparison["without_data"]) == (False, [2019])
    assert comparison["counts"] == comparison["changed"] == comparison["merged"] == []
    assert build_comparison(2018)["without_data"] == [2017]

    client.force_login(coordinator)
    html = client.get(reverse("insights:cooperation_comparison", args=[2019])).content.decode()
    assert 'id="comparison-without-data"' in html
    assert 'id="table-changed"' not in html


def test_years_with_data_are_compared(imported_2018):
    keep_cooperation_in_app(datetime.date(2019, 1, 1))
    comparison = build_comparison(2019)
    assert comparison["comparable"] is True
    assert comparison["counts"][0]["previous"] == 111


def test_the_command_lists_the_years_and_records_the_first_day(imported_2018):
    out = io.StringIO()
    call_command("cooperation_data", "--kept-since", "2025-03-01", stdout=out)
    lines = out.getvalue().splitlines()
    assert "2018: Ingevoerd uit de cijfers van het jaar" in lines
    assert "2019: geen gegevens" in lines
    assert "2025: bijgehouden in de app sinds 2025-03-01 (onvolledig jaar)" in lines
    assert "2026: Bijgehouden in de app" in lines


def test_the_command_refuses_a_bad_date(db):
    with pytest.raises(CommandError, match="2025-13-01"):
        call_command("cooperation_data", "--kept-since", "2025-13-01")
