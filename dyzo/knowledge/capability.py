"""First-line capability per municipality and year: is knowledge transfer working?
The definition is in docs/impact-report.md; counts below 5 are hidden as in the impact
report, and so is a rate per 10,000 inhabitants resting on such a count."""

import datetime

from dyzo.agreements.pricing import population_for_tariff
from dyzo.knowledge import figures
from dyzo.knowledge.constants import TriageOutcome
from dyzo.knowledge.figures import SMALL, suppress
from dyzo.localgov.registry import area_ids

YEARS = 5
MEASURES = [
    "trained_staff",
    "guides_read",
    *[f"triage_{outcome}" for outcome in TriageOutcome.values],
    "advice",
    "referrals",
]


def per_10000(count: int, population: int | None):
    if not population or count < SMALL:
        return None
    return round(count * 10000 / population, 1)


def capability(municipality, year: int) -> dict:
    # The municipality and those merged into it by the end of that year.
    ids = area_ids([municipality.pk], datetime.date(year, 12, 31))
    triage = figures.triage_outcomes(ids, year)
    counts = {
        "trained_staff": figures.trained(ids, year)["staff"],
        "guides_read": figures.guides_read(ids, year),
        **{f"triage_{outcome}": triage.get(outcome, 0) for outcome in TriageOutcome.values},
        "advice": figures.advice(ids, year),
        "referrals": figures.referrals(ids, year),
    }
    population = population_for_tariff(municipality, year)
    return {
        "year": year,
        "population": population,
        "counts": {key: suppress(value) for key, value in counts.items()},
        "per_10000": {key: per_10000(value, population) for key, value in counts.items()},
    }


def capability_years(municipality, last_year: int | None = None) -> list[dict]:
    """The last YEARS years, oldest first: the trend."""
    last_year = last_year or datetime.date.today().year
    return [capability(municipality, year) for year in range(last_year - YEARS + 1, last_year + 1)]
