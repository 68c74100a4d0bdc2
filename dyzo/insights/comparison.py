"""A year's forms of cooperation next to the previous year's, as plain data."""

from collections import Counter

from dyzo.insights.classification import classify_year
from dyzo.insights.constants import Category
from dyzo.insights.years import data_of_years
from dyzo.localgov.models import Merger
from dyzo.localgov.query import first_of_january


def _change(form_before, form_now) -> dict:
    municipality = form_now.municipality
    return {
        "nis_code": municipality.nis_code,
        "name": municipality.name,
        "province": municipality.province.name,
        "previous": form_before.category,
        "current": form_now.category,
    }


def _merged(year: int, now: dict, before: dict) -> list[dict]:
    """Municipalities created on 1 January of `year`, with their predecessors' forms."""
    pairs = Merger.objects.filter(effective_date=first_of_january(year)).values_list(
        "successor__nis_code", "predecessor__nis_code"
    )
    predecessors: dict[str, list] = {}
    for successor, predecessor in pairs.order_by("successor__nis_code", "predecessor__nis_code"):
        if predecessor in before:
            predecessors.setdefault(successor, []).append(before[predecessor])
    return [
        {
            "nis_code": code,
            "name": now[code].municipality.name,
            "current": now[code].category,
            "predecessors": [
                {
                    "nis_code": f.municipality.nis_code,
                    "name": f.municipality.name,
                    "previous": f.category,
                }
                for f in forms
            ],
        }
        for code, forms in sorted(predecessors.items())
        if code in now
    ]


def build_comparison(year: int) -> dict:
    """Counts per category in `year` and the year before, the municipalities that changed
    category, and the ones a merger created. Twelve queries. When either year has no
    cooperation data, nothing is compared: `comparable` is false and `without_data` names
    the year(s), since "none" there would only mean "not recorded"."""
    data = data_of_years([year - 1, year])
    without_data = [y for y, d in sorted(data.items()) if not d.available]
    if without_data:
        return {
            "year": year,
            "previous_year": year - 1,
            "comparable": False,
            "without_data": without_data,
            "counts": [],
            "changed": [],
            "merged": [],
        }
    now = {f.municipality.nis_code: f for f in classify_year(year)}
    before = {f.municipality.nis_code: f for f in classify_year(year - 1)}
    counts_now = Counter(f.category for f in now.values())
    counts_before = Counter(f.category for f in before.values())
    return {
        "year": year,
        "previous_year": year - 1,
        "comparable": True,
        "without_data": [],
        "counts": [
            {
                "category": category.value,
                "previous": counts_before[category],
                "current": counts_now[category],
                "change": counts_now[category] - counts_before[category],
            }
            for category in Category
        ],
        "changed": [
            _change(before[code], now[code])
            for code in sorted(now)
            if code in before and before[code].category != now[code].category
        ],
        "merged": _merged(year, now, before),
    }
