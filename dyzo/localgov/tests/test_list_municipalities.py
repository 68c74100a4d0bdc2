import csv
import io
import json
from collections import Counter

import pytest

from django.conf import settings
from django.core.management import call_command

PROVINCE_COUNTS = {
    2018: {
        "Antwerpen": 70,
        "Limburg": 44,
        "Oost-Vlaanderen": 65,
        "Vlaams-Brabant": 65,
        "West-Vlaanderen": 64,
    },
    2019: {
        "Antwerpen": 69,
        "Limburg": 42,
        "Oost-Vlaanderen": 60,
        "Vlaams-Brabant": 65,
        "West-Vlaanderen": 64,
    },
    2025: {
        "Antwerpen": 67,
        "Limburg": 38,
        "Oost-Vlaanderen": 55,
        "Vlaams-Brabant": 63,
        "West-Vlaanderen": 62,
    },
}


def run(year, output_format="csv"):
    out = io.StringIO()
    call_command("list_municipalities", year=year, format=output_format, stdout=out)
    return out.getvalue()


def rows_of(year):
    return list(csv.DictReader(io.StringIO(run(year))))


def reference_rows(year):
    path = settings.LOCALGOV_DATA_DIR / f"municipalities_{year}.csv"
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(("year", "total"), [(2018, 308), (2019, 300), (2025, 285)])
def test_counts_per_year_and_province(registry, year, total):
    rows = rows_of(year)
    assert len(rows) == total
    assert Counter(row["province"] for row in rows) == PROVINCE_COUNTS[year]


@pytest.mark.parametrize("year", [2018, 2019, 2025])
def test_codes_and_names_match_the_reference_data(registry, year):
    listed = [(row["nis_code"], row["name"], row["province"]) for row in rows_of(year)]
    expected = sorted(
        (row["nis_code"], row["name_nl"], row["province"]) for row in reference_rows(year)
    )
    assert listed == expected


def test_years_between_sets_use_the_set_in_force(registry):
    assert len(rows_of(2017)) == 308
    assert len(rows_of(2024)) == 300
    assert len(rows_of(2026)) == 285


def test_population_of_that_year_or_empty(registry):
    by_code = {row["nis_code"]: row for row in rows_of(2018)}
    assert by_code["11001"]["population"] == "14304"
    assert {row["population"] for row in rows_of(2025)} == {""}
    later = {row["nis_code"]: row for row in rows_of(2020)}
    assert later["11001"]["population"] == "14427"


def test_csv_header_and_sorting(registry):
    lines = run(2019).splitlines()
    assert lines[0] == "nis_code,name,province,population"
    codes = [line.split(",")[0] for line in lines[1:]]
    assert codes == sorted(codes)


def test_json_format(registry):
    rows = json.loads(run(2025, "json"))
    assert len(rows) == 285
    assert rows[0] == {
        "nis_code": "11001",
        "name": "Aartselaar",
        "province": "Antwerpen",
        "population": None,
    }
    assert any(row["name"] == "Beveren-Kruibeke-Zwijndrecht" for row in rows)
