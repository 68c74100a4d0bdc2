"""Prices proposed for an agreement and the quote for a municipality."""

import dataclasses
import datetime
from decimal import Decimal

from django.apps import apps
from django.db.models import Count

from dyzo.agreements.constants import CaseType
from dyzo.agreements.models import TariffSchedule
from dyzo.dossiers.constants import DossierStatus
from dyzo.localgov.models import Municipality, Population
from dyzo.localgov.query import first_of_january
from dyzo.localgov.registry import area_ids, area_of

QUOTE_YEARS = 3


@dataclasses.dataclass(frozen=True)
class CountedPopulation:
    """Inhabitants and the year they were counted (the oldest count of a summed figure)."""

    inhabitants: int
    year: int


def counted_population(municipality, year: int) -> CountedPopulation | None:
    """Inhabitants to price `municipality` in `year`, with the year they were counted; None
    when nothing is known.

    Its latest figure at or before `year`, plus the figures of the municipalities that merged
    into it after that figure was counted (and by `year`), found through the registry's one
    merger walk (`area_of`). A municipality created by a merger has no figure of its own and
    is the sum of its predecessors; one that absorbed another and kept its code (Antwerpen and
    Borsbeek, 2025) adds the absorbed one to its own count.
    """
    area = area_of([municipality.pk], first_of_january(year))
    last_days = dict(
        Municipality.objects.filter(nis_code__in=area).values_list("nis_code", "valid_to")
    )
    figures = {}
    rows = Population.objects.filter(municipality__nis_code__in=area, year__lte=year)
    for code, counted, inhabitants in rows.order_by("year").values_list(
        "municipality__nis_code", "year", "inhabitants"
    ):
        figures[code] = CountedPopulation(inhabitants, counted)
    own = figures.get(municipality.nis_code)
    parts = [own] if own is not None else []
    for code in sorted(area - {municipality.nis_code}):
        # Merged on 1 January after its last day: already in a figure counted since then.
        if own is not None and last_days[code].year < own.year:
            continue
        parts.append(figures.get(code))
    # A partial sum would quote too low a bracket: better to say we do not know.
    if not parts or None in parts:
        return None
    return CountedPopulation(
        sum(part.inhabitants for part in parts), min(part.year for part in parts)
    )


def population_for_tariff(municipality, year: int) -> int | None:
    """The inhabitants of `counted_population`, without the year."""
    counted = counted_population(municipality, year)
    return counted.inhabitants if counted else None


def schedule_for_year(year: int) -> TariffSchedule | None:
    return TariffSchedule.objects.prefetch_related("brackets").schedule_for_year(year)


def proposed_annual_fee(municipality, starts_on: datetime.date) -> Decimal | None:
    """The subscription price of the schedule of the start year for this population."""
    schedule = schedule_for_year(starts_on.year)
    if schedule is None:
        return None
    return schedule.subscription_price_for(population_for_tariff(municipality, starts_on.year))


def proposed_case_fees(starts_on: datetime.date) -> dict[str, Decimal | None]:
    schedule = schedule_for_year(starts_on.year)
    return {
        "fee_enterprise_scan": schedule.price_enterprise_scan if schedule else None,
        "fee_social_pre_investigation": (
            schedule.price_social_pre_investigation if schedule else None
        ),
    }


def case_counts(municipality, years: list[int]) -> dict[int, dict[str, int]]:
    """Dossiers per year and case type of the municipality and its predecessors, cancelled
    ones left out (never worked out, so never billed). Zero everywhere when the dossiers
    app is not installed."""
    counts = {year: dict.fromkeys(CaseType.values, 0) for year in years}
    try:
        dossier_model = apps.get_model("dossiers", "Dossier")
    except LookupError:
        return counts
    rows = (
        dossier_model.objects.filter(
            municipality_id__in=area_ids(
                [municipality.pk], municipality.valid_to or datetime.date.today()
            ),
            year__in=years,
        )
        .exclude(status=DossierStatus.CANCELLED)
        .values("year", "case_type")
        .annotate(total=Count("pk"))
        .order_by()
    )
    for row in rows:
        if row["case_type"] in CaseType.values:
            counts[row["year"]][row["case_type"]] = row["total"]
    return counts


@dataclasses.dataclass
class QuoteYear:
    year: int
    counts: dict[str, int]
    per_case_total: Decimal


@dataclasses.dataclass
class Quote:
    municipality: object
    year: int
    schedule: TariffSchedule | None
    population: int | None
    population_year: int | None
    subscription_price: Decimal | None
    prices: dict[str, Decimal]
    history: list[QuoteYear]

    @property
    def average_per_case_total(self) -> Decimal:
        if not self.history:
            return Decimal("0.00")
        total = sum((row.per_case_total for row in self.history), Decimal("0.00"))
        return (total / len(self.history)).quantize(Decimal("0.01"))


def quote_for(municipality, year: int | None = None, years_back: int = QUOTE_YEARS) -> Quote:
    """The subscription price of `year` next to what the cases of the `years_back` years
    before it would have cost per case, all at the prices of `year`'s schedule so that the
    two are compared at the same tariff."""
    year = year or datetime.date.today().year
    schedule = schedule_for_year(year)
    counted = counted_population(municipality, year)
    population = counted.inhabitants if counted else None
    prices = {
        case_type: (schedule.price_for_case(case_type) if schedule else Decimal("0.00"))
        for case_type in CaseType.values
    }
    past_years = list(range(year - years_back, year))
    counts = case_counts(municipality, past_years)
    history = [
        QuoteYear(
            year=past,
            counts=counts[past],
            per_case_total=sum(
                (prices[kind] * number for kind, number in counts[past].items()),
                Decimal("0.00"),
            ),
        )
        for past in past_years
    ]
    return Quote(
        municipality=municipality,
        year=year,
        schedule=schedule,
        population=population,
        population_year=counted.year if counted else None,
        subscription_price=schedule.subscription_price_for(population) if schedule else None,
        prices=prices,
        history=history,
    )
