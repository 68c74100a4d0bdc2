"""State changes of the registry: loading a later year's population (docs/population.md)."""

from django.db import transaction

from dyzo.audit import audit
from dyzo.localgov.models import Municipality, Population


@transaction.atomic
def load_population(year: int, figures: dict[str, int], *, actor=None) -> dict[str, int]:
    """Store the checked `figures` as the population on 1 January of `year`, replacing that
    year's earlier figures. Returns how many were created and replaced."""
    municipalities = dict(
        Municipality.objects.filter(nis_code__in=figures).values_list("nis_code", "pk")
    )
    replaced = Population.objects.filter(year=year).delete()[0]
    Population.objects.bulk_create(
        Population(municipality_id=municipalities[code], year=year, inhabitants=inhabitants)
        for code, inhabitants in figures.items()
    )
    counts = {"year": year, "created": len(figures), "replaced": replaced}
    audit.log(None, "population.loaded", actor=actor, data=counts)
    return counts
