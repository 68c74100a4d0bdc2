"""Flanders reach: entrepreneurs helped per year beside the 23,000 of 2016 from the
minister's answer, per province and per municipality where its population is known."""

import datetime

from django.utils.translation import gettext_lazy as _

from dyzo.knowledge import figures
from dyzo.knowledge.figures import suppress
from dyzo.localgov.cache import cached_covering_map
from dyzo.localgov.models import Municipality, Population

# Issue 10, quoting the minister's answer to a written parliamentary question: some 23,000
# Flemish self-employed in main occupation lived under the poverty line in 2016 (15%).
REFERENCE = {
    "count": 23000,
    "year": 2016,
    "share": "15%",
    "source": _(
        "Answer of the Flemish minister to a written parliamentary question on Dyzo, quoted "
        "in issue 10: some 23,000 self-employed in main occupation (15%) under the poverty "
        "line in 2016."
    ),
}


def _populations(year: int) -> dict[int, tuple[int, int]]:
    """(inhabitants, year counted) of the latest known population at or before `year` per
    municipality id, one query."""
    latest: dict[int, tuple[int, int]] = {}
    rows = Population.objects.filter(year__lte=year).order_by("municipality_id", "year")
    for municipality_id, inhabitants, counted in rows.values_list(
        "municipality_id", "inhabitants", "year"
    ):
        latest[municipality_id] = (inhabitants, counted)
    return latest


def reach_of_year(year: int) -> dict:
    on = datetime.date(year, 12, 31)
    covering = cached_covering_map(on)
    by_id = {m.pk: m for m in Municipality.objects.existing_on(on).select_related("province")}
    helped: dict[int, int] = {}
    codes = dict(Municipality.objects.values_list("id", "nis_code"))
    for municipality_id, count in figures.helped_per_municipality(year).items():
        current = covering.get(codes[municipality_id])
        if current is not None:
            helped[current.pk] = helped.get(current.pk, 0) + count
    populations = _populations(year)
    municipalities, provinces = [], {}
    for municipality in sorted(by_id.values(), key=lambda m: m.name):
        count = helped.get(municipality.pk, 0)
        province = provinces.setdefault(
            municipality.province.name, {"name": municipality.province.name, "helped": 0}
        )
        province["helped"] += count
        population, counted = populations.get(municipality.pk, (None, None))
        if population:
            municipalities.append(
                {
                    "nis_code": municipality.nis_code,
                    "name": municipality.name,
                    "province": municipality.province.name,
                    "population": population,
                    # A rate is only as recent as its population figure (issue 11.2).
                    "population_year": counted,
                    "helped": suppress(count),
                    "per_10000": _rate(count, population),
                }
            )
    total = sum(helped.values())
    return {
        "year": year,
        "helped": suppress(total),
        "reference": REFERENCE,
        "share_of_reference": round(100 * total / REFERENCE["count"], 2) if total >= 5 else None,
        "provinces": [
            {**province, "helped": suppress(province["helped"])}
            for province in sorted(provinces.values(), key=lambda p: p["name"])
        ],
        "municipalities": municipalities,
    }


def _rate(count: int, population: int):
    return round(count * 10000 / population, 2) if count >= 5 else None
