"""The registry of a date, kept in memory: the covering map every yearly report asks for.

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
_maps: dict[tuple[str, str, datetime.date], tuple[float, dict[str, Municipality]]] = {}


def cached_covering_map(on: datetime.date, *, using: str = "default") -> dict[str, Municipality]:
    """`covering_map(on)`, from memory when it was built less than TTL_SECONDS ago."""
    key = (using, str(connections[using].settings_dict["NAME"]), on)
    now = time.monotonic()
    with _lock:
        entry = _maps.get(key)
    if entry is not None and now - entry[0] < TTL_SECONDS:
        return entry[1]
    result = covering_map(on)
    with _lock:
        _maps[key] = (now, result)
    return result


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
