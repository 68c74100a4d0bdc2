"""Server-side SVG of the bar chart and the map, for the PDF (WeasyPrint draws SVG).

The web page draws the same figures with plotly.js; both take their colours from
constants.CATEGORY_COLOURS and their numbers from the report data.
"""

import functools
import json
import math

from django.contrib.staticfiles import finders
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from dyzo.insights.constants import CATEGORY_COLOURS, Category
from dyzo.insights.tables import category_label

MAP_WIDTH = 640
# Points of a ring closer than this (in SVG units) to the last kept one are dropped.
MIN_STEP = 0.6


def geojson_static_path(year: int) -> str:
    """The boundary file of the municipalities of `year` (the sets of 2018, 2019-2024, 2025-)."""
    vintage = 2018 if year < 2019 else 2019 if year < 2025 else 2025
    return f"localgov/geo/flanders_municipalities_{vintage}.geojson"


def _rings(geometry: dict) -> list[list[list[float]]]:
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    return [ring for polygon in polygons for ring in polygon]


@functools.cache
def projected_paths(static_path: str) -> tuple[float, dict[str, str]]:
    """SVG path data per NIS code and the map's height, projected once per process.

    Longitude is scaled by cos(mean latitude), a plate carrée that looks right at Flemish
    latitudes; the file is 1.2 MB, so parsing it on every PDF would be wasteful.
    """
    with open(finders.find(static_path), encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    points = [p for f in features for ring in _rings(f["geometry"]) for p in ring]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    squeeze = math.cos(math.radians((south + north) / 2))
    scale = MAP_WIDTH / ((east - west) * squeeze)

    def project(point):
        return (point[0] - west) * squeeze * scale, (north - point[1]) * scale

    paths = {
        f["properties"]["nis_code"]: _path_data(_rings(f["geometry"]), project) for f in features
    }
    return round((north - south) * scale, 1), paths


def _path_data(rings, project) -> str:
    parts = []
    for ring in rings:
        kept = []
        for point in map(project, ring):
            if not kept or math.dist(point, kept[-1]) >= MIN_STEP:
                kept.append(point)
        if len(kept) >= 3:
            parts.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in kept) + "Z")
    return "".join(parts)


def _legend(x: float, y: float) -> list[str]:
    items = []
    for index, category in enumerate(Category):
        top = y + index * 18
        items.append(
            f'<rect x="{x}" y="{top}" width="12" height="12" '
            f'fill="{CATEGORY_COLOURS[category]}" stroke="#555" stroke-width="0.5"/>'
            f'<text x="{x + 18}" y="{top + 10}" font-size="11">{escape(category.label)}</text>'
        )
    return items


def map_svg(report: dict) -> SafeString:
    """The municipalities of the report's year, coloured by category; each shape has a
    <title> with its name and category."""
    height, paths = projected_paths(geojson_static_path(report["year"]))
    shapes = []
    for row in report["municipalities"]:
        if row["nis_code"] not in paths:
            continue
        title = escape(f"{row['name']}: {category_label(row['category'])}")
        shapes.append(
            f'<path d="{paths[row["nis_code"]]}" fill="{CATEGORY_COLOURS[row["category"]]}" '
            f'stroke="#fff" stroke-width="0.4"><title>{title}</title></path>'
        )
    legend = _legend(8, height + 12)
    total_height = height + 12 + 18 * len(Category)
    return mark_safe(  # noqa: S308 -- every text inside is escaped above.
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MAP_WIDTH} {total_height}" '
        f'class="map" role="img">{"".join(shapes)}{"".join(legend)}</svg>'
    )


def bar_chart_svg(report: dict) -> SafeString:
    """Stacked horizontal bars: per province, how many municipalities are in each category."""
    label_width, bar_width, row_height = 130, 440, 30
    most = max((row["municipalities"] for row in report["provinces"]), default=0) or 1
    unit = bar_width / most
    rows = []
    for index, row in enumerate(report["provinces"]):
        top = index * row_height
        rows.append(
            f'<text x="{label_width - 6}" y="{top + 17}" font-size="11" '
            f'text-anchor="end">{escape(row["province"])}</text>'
        )
        left = label_width
        for category in Category:
            width = row[category] * unit
            if width:
                rows.append(
                    f'<rect x="{left:.1f}" y="{top + 4}" width="{width:.1f}" height="18" '
                    f'fill="{CATEGORY_COLOURS[category]}"/>'
                )
            left += width
        rows.append(
            f'<text x="{left + 4:.1f}" y="{top + 17}" font-size="10">{row["municipalities"]}</text>'
        )
    height = len(report["provinces"]) * row_height
    legend = _legend(label_width, height + 8)
    total_height = height + 8 + 18 * len(Category)
    return mark_safe(  # noqa: S308 -- every text inside is escaped above.
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MAP_WIDTH} {total_height}" '
        f'class="bar-chart" role="img">{"".join(rows)}{"".join(legend)}</svg>'
    )
