"""Prices proposed for an agreement and the quote for a municipality."""

import dataclasses
import datetime
from decimal import Decimal

from django.apps import apps
from django.db.models import Count

from dyzo.agreements.constants import CaseType
from dyzo.agreements.lineage import with_predecessors
from dyzo.agreements.models import TariffSchedule
from dyzo.dossiers.constants import DossierStatus
from dyzo.localgov.models import Population

QUOTE_YEARS = 3


def population_for_tariff(municipality, year: int) -> int | None:
    """Inhabitants to price `municipality` in `year`; None when nothing is known.

    Its latest figure at or before `year`, plus the figures of the municipalities that merged
    into it after that figure was counted (and by `year`). A municipality created by a merger
    has no figure of its own and is the sum of its predecessors; one that absorbed another
    and kept its code (Antwerpen and Borsbeek, 2025) adds the absorbed one to its own count.
    """
    own = (
        Population.objects.filter(municipality=municipality, year__lte=year)
        .order_by("-year")
        .values_list("year", "inhabitants")
        .first()
    )
    mergers = municipality.merged_from.select_related("predecessor")
    mergers = mergers.filter(effective_date__year__lte=year)
    if own is not None:
        mergers = mergers.filter(effective_date__year__gt=own[0])
    parts = [own[1]] if own is not None else []
    parts += [population_for_tariff(merger.predecessor, year) for merger in mergers]
    # A partial sum would quote too low a bracket: better to say we do not know.
    if not parts or None in parts:
        return None
    return sum(parts)


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
            municipality_id__in=with_predecessors([municipality.pk]), year__in=years
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
    population = population_for_tariff(municipality, year)
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
        subscription_price=schedule.subscription_price_for(population) if schedule else None,
        prices=prices,
        history=history,
    )
