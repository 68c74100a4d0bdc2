import csv
import io
import json

import pytest
from openpyxl import load_workbook

from django.core.management import CommandError, call_command

from dyzo.insights.tests.conftest import (
    PUBLISHED_2018,
    PUBLISHED_2018_REASONS,
    PUBLISHED_2018_TOTAL,
    published_row,
)
from dyzo.utils.tests.pdf import pdf_text


def report_bytes(fmt: str, tmp_path) -> bytes:
    target = tmp_path / f"report.{fmt}"
    call_command("cooperation_report", "--year", "2018", "--format", fmt, "-o", target)
    return target.read_bytes()


def csv_sections(content: bytes) -> list[list[list[str]]]:
    """The sections of the CSV: lists of rows, split at the empty lines."""
    sections, current = [], []
    for row in csv.reader(io.StringIO(content.decode())):
        if row:
            current.append(row)
        else:
            sections.append(current)
            current = []
    return [*sections, current]


def test_json_to_stdout_reproduces_the_published_figures(imported_2018):
    out = io.StringIO()
    call_command("cooperation_report", "--year", "2018", stdout=out)
    report = json.loads(out.getvalue())
    assert published_row(report["total"]) == PUBLISHED_2018_TOTAL
    assert {row["province"]: published_row(row) for row in report["provinces"]} == PUBLISHED_2018


def test_pdf_to_stdout_is_written_as_bytes(imported_2018):
    out = io.BytesIO()
    call_command("cooperation_report", "--year", "2018", "--format", "pdf", stdout=out)
    assert out.getvalue().startswith(b"%PDF-")


def test_csv_has_the_province_table_with_totals_the_reasons_and_the_municipalities(
    imported_2018, tmp_path
):
    provinces, reasons, municipalities, data = csv_sections(report_bytes("csv", tmp_path))
    assert data == [["data_available", "source", "kept_since"], ["yes", "imported", ""]]
    header, *rows = provinces
    assert header[:4] == [
        "province",
        "annual_agreement",
        "annual_agreement_gemeente",
        "annual_agreement_ocmw",
    ]
    table = {row[0]: dict(zip(header, row, strict=True)) for row in rows}

    def published(row: dict) -> tuple:
        keys = [
            "annual_agreement",
            "annual_agreement_gemeente",
            "annual_agreement_ocmw",
            "pay_per_case",
            "remote_only",
            "cooperating",
            "none",
            "municipalities",
        ]
        return tuple(int(row[key]) for key in keys)

    assert {name: published(table[name]) for name in PUBLISHED_2018} == PUBLISHED_2018
    assert published(table["total"]) == PUBLISHED_2018_TOTAL
    assert reasons[0] == ["reason", "count"]
    assert [(code, int(count)) for code, count in reasons[1:]] == PUBLISHED_2018_REASONS
    assert municipalities[0] == ["nis_code", "name", "province", "category", "agreement_party"]
    assert municipalities[1] == ["11001", "Aartselaar", "Antwerpen", "annual_agreement", "ocmw"]
    assert len(municipalities) == 1 + 308


def test_xlsx_has_the_four_sheets_with_the_published_figures(imported_2018, tmp_path):
    workbook = load_workbook(io.BytesIO(report_bytes("xlsx", tmp_path)))
    per_province, by_party, reasons, municipalities = workbook.worksheets
    rows = list(per_province.iter_rows(min_row=3, values_only=True))
    # Columns: province, annual, per case, phone/mail, cooperating, none, municipalities.
    forms = {row[0]: (row[1], row[2], row[3], row[4], row[5], row[6]) for row in rows}
    for name, figures in PUBLISHED_2018.items():
        assert forms[name] == (figures[0], *figures[3:])
    assert list(forms.values())[-1] == (111, 35, 3, 149, 159, 308)
    parties = {row[0]: row[1:] for row in by_party.iter_rows(min_row=3, values_only=True)}
    assert parties["Oost-Vlaanderen"] == (4, 13, 0, 17)
    assert list(parties.values())[-1] == (7, 104, 0, 111)
    assert [row[1] for row in reasons.iter_rows(min_row=3, values_only=True)] == [52, 44, 13]
    assert municipalities.max_row == 2 + 308


def test_pdf_carries_the_tables_the_chart_and_the_map(imported_2018, tmp_path):
    data = report_bytes("pdf", tmp_path)
    text = pdf_text(data, layout=True)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "Antwerpen 18 11 1 30 40 70" in lines  # province x form, in Dutch by default
    assert "West-Vlaanderen 54 1 0 55 9 64" in lines
    assert "Totaal 111 35 3 149 159 308" in lines
    assert "Oost-Vlaanderen 4 13 0 17" in lines  # annual agreements by party
    assert "Totaal 7 104 0 111" in lines
    assert "Limburg 33 44 75,0" in lines  # without cooperation, with its share
    assert "kostprijs te hoog 52" in lines
    assert "helpt de doelgroep zelf 13" in lines
    # The chart and the map are SVG; their labels and legends come through as text.
    # The chart's province labels are turned, which only the plain extraction keeps.
    chart = " ".join(pdf_text(data).split("Vorm van samenwerking per provincie")[-1].split())
    assert (
        "Antwerpen 70 Limburg 44 Oost-Vlaanderen 65 Vlaams-Brabant 65 West-Vlaanderen 64" in chart
    )
    legend = text.split("Kaart van de gemeenten")[1].split()
    assert legend[:2] == ["Jaarovereenkomst", "Betaling"]


def test_an_unknown_year_is_refused(db, registry):
    with pytest.raises(CommandError):
        call_command("cooperation_report", "--year", "1999")
