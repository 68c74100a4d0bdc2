import re

import pytest

from dyzo.insights.charts import bar_chart_svg, geojson_static_path, map_svg, projected_paths
from dyzo.insights.constants import CATEGORY_COLOURS, Category
from dyzo.insights.report import build_report


@pytest.mark.parametrize(
    ("year", "vintage"), [(2018, 2018), (2019, 2019), (2024, 2019), (2025, 2025), (2030, 2025)]
)
def test_the_boundaries_follow_the_set_of_the_year(year, vintage):
    assert geojson_static_path(year) == f"localgov/geo/flanders_municipalities_{vintage}.geojson"


def test_the_geometry_is_projected_once_per_process():
    path = geojson_static_path(2019)
    assert projected_paths(path) is projected_paths(path)
    height, paths = projected_paths(path)
    assert len(paths) == 300
    assert 150 < height < 350  # Flanders is about 2.5 times wider than high


def test_the_map_colours_every_municipality_by_category_with_a_title(imported_2018):
    svg = str(map_svg(build_report(2018)))
    assert svg.count("<path ") == 308
    assert svg.count(f'fill="{CATEGORY_COLOURS[Category.ANNUAL_AGREEMENT]}"') == 111 + 1  # legend
    titles = re.findall(r"<title>([^<]+)</title>", svg)
    assert len(titles) == 308
    assert titles[0] == "Aartselaar: Jaarovereenkomst"


def test_the_map_of_2025_has_the_285_municipalities(db, registry):
    assert str(map_svg(build_report(2025))).count("<path ") == 285


def test_the_bar_chart_has_a_bar_per_province_and_category(imported_2018):
    svg = str(bar_chart_svg(build_report(2018)))
    for province in (
        "Antwerpen",
        "Limburg",
        "Oost-Vlaanderen",
        "Vlaams-Brabant",
        "West-Vlaanderen",
    ):
        assert f">{province}</text>" in svg
    # Bars with a count above zero (Vlaams- and West-Vlaanderen have no phone/mail only),
    # plus the four legend squares.
    assert svg.count("<rect ") == 5 * 4 - 2 + 4
