"""The registry of a date, kept in memory: the covering map every yearly report asks for,
and the primary key of every NIS code that each worker's request needs.

Building `covering_map` means making ~650 municipality objects: half the time of a yearly
classification (docs/performance.md). The registry changes a few times a year through
`load_localgov` or the admin, so each process keeps the map of a date for a few minutes.

The map is dropped when a municipality, province or merger is saved or deleted in this
process (at once and again on commit, so a map built from uncommitted rows does not
survive), and after `TTL_SECONDS` at the latest, which bounds how long another process
can show the old registry. The objects in the map are shared between requests: read them,
never change them.
"""

import datetime
import threading
import time

from django.db import connections, transaction
from django.db.models.signals import post_delete, post_save

from dyzo.localgov.models import Merger, Municipality, Province
from dyzo.localgov.registry import covering_map

TTL_SECONDS = 300

_lock = threading.Lock()
_maps: dict[tuple, tuple[float, dict]] = {}


def _cached(key: tuple, build):
    now = time.monotonic()
    with _lock:
        entry = _maps.get(key)
    if entry is not None and now - entry[0] < TTL_SECONDS:
        return entry[1]
    result = build()
    with _lock:
        _maps[key] = (now, result)
    return result


def _database(using: str) -> tuple[str, str]:
    return (using, str(connections[using].settings_dict["NAME"]))


def cached_covering_map(on: datetime.date, *, using: str = "default") -> dict[str, Municipality]:
    """`covering_map(on)`, from memory when it was built less than TTL_SECONDS ago."""
    return _cached((*_database(using), on), lambda: covering_map(on))


def cached_pk_by_code(*, using: str = "default") -> dict[str, int]:
    """{NIS code: primary key} of every municipality the registry knows: every worker's
    request maps its area's codes to keys (dyzo.localgov.registry.area_ids)."""
    return _cached(
        (*_database(using), "pk_by_code"),
        lambda: dict(Municipality.objects.using(using).values_list("nis_code", "pk")),
    )


def clear_registry_cache(**_kwargs) -> None:
    """Forget every map (a registry row changed, or a test starts)."""
    with _lock:
        _maps.clear()


def _registry_changed(**kwargs) -> None:
    clear_registry_cache()
    transaction.on_commit(clear_registry_cache, using=kwargs.get("using") or "default")


for _model in (Municipality, Province, Merger):
    post_save.connect(_registry_changed, sender=_model, dispatch_uid=f"registry-{_model}-save")
    post_delete.connect(_registry_changed, sender=_model, dispatch_uid=f"registry-{_model}-del")
