"""A municipality together with the municipalities that merged into it, at any depth.

After a merger the successor inherits its predecessors' agreements, cases and population:
every page and price that looks back in time starts from these ids.
"""

from collections.abc import Iterable

from dyzo.localgov.models import Merger


def with_predecessors(municipality_ids: Iterable[int]) -> set[int]:
    """The given ids plus those of every predecessor (one query per merger generation)."""
    found = set(municipality_ids)
    frontier = set(found)
    while frontier:
        earlier = set(
            Merger.objects.filter(successor_id__in=frontier).values_list(
                "predecessor_id", flat=True
            )
        )
        frontier = earlier - found
        found |= frontier
    return found
