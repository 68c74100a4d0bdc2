"""Answers about the registry that cross mergers: which municipality covers an old code."""

import datetime

from dyzo.localgov.models import Merger, Municipality


def covering_map(on: datetime.date) -> dict[str, Municipality]:
    """Every NIS code the registry knows, mapped to the municipality that covers it on `on`.

    A code whose municipality was created later than `on` covers what several older ones
    covered, so it maps to none and is left out. Two queries, whatever the size.
    """
    municipalities = {m.pk: m for m in Municipality.objects.select_related("province")}
    successor_of = dict(Merger.objects.values_list("predecessor_id", "successor_id"))
    result = {}
    for municipality in municipalities.values():
        current = municipality
        while not current.existed_on(on) and current.pk in successor_of:
            if current.valid_from is not None and on < current.valid_from:
                break
            current = municipalities[successor_of[current.pk]]
        if current.existed_on(on):
            result[municipality.nis_code] = current
    return result


def covering_municipality(nis_code: str, on: datetime.date) -> Municipality | None:
    """The municipality that covers the area of `nis_code` on `on`, following mergers."""
    from dyzo.localgov.cache import cached_covering_map

    return cached_covering_map(on).get(nis_code)


def _area(municipality_ids, on: datetime.date) -> dict[str, int]:
    """{NIS code: primary key} of the area the given municipalities cover on `on`."""
    ids = set(municipality_ids)
    if not ids:
        return {}
    # The map of a date is kept in memory (dyzo.localgov.cache): every worker's request
    # asks for its area.
    from dyzo.localgov.cache import cached_covering_map, cached_pk_by_code

    pk_of = cached_pk_by_code()
    covered = {code for code, m in cached_covering_map(on).items() if m.pk in ids}
    covered |= {code for code, pk in pk_of.items() if pk in ids}
    return {code: pk_of[code] for code in covered}


def area_of(municipality_ids, on: datetime.date) -> set[str]:
    """The NIS codes whose area the given municipalities cover on `on`: their own and those
    of every municipality that merged into them by then, at any depth. The inverse of
    `covering_map`, so that every walk across mergers (coverage, access, prices, the
    cooperation report) gives the same answer (docs/decisions/0005-coverage-and-mergers.md).
    A municipality's own code is always in, even on a day it did not exist. No query while
    the registry is in memory (dyzo.localgov.cache), else three."""
    return set(_area(municipality_ids, on))


def area_ids(municipality_ids, on: datetime.date) -> set[int]:
    """`area_of` as primary keys, for filters that should use the municipality indexes."""
    return set(_area(municipality_ids, on).values())
