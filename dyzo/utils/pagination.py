"""Keyset pagination for HTML lists: pages cost the same at row 20 and at row 1,000,000.

The queryset is ordered by `fields` (a "-" prefix for descending; the last field must be
unique, usually "pk" or "-pk"); the cursor is the ordering values of the last row shown.
"""

import base64
import dataclasses
import json
from typing import Any

from django.db.models import Q, QuerySet


@dataclasses.dataclass
class KeysetPage:
    items: list
    next_cursor: str | None
    is_first: bool


def _encode(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, default=str).encode()).decode()


def _decode(cursor: str, size: int) -> list[Any] | None:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, TypeError):
        return None
    return values if isinstance(values, list) and len(values) == size else None


def _after(fields: list[str], values: list[Any]) -> Q:
    """(a, b) > (x, y) written out as a OR-chain, honouring each field's direction."""
    condition = Q()
    for position, field in enumerate(fields):
        name = field.lstrip("-")
        lookup = "lt" if field.startswith("-") else "gt"
        step = Q(**{f"{name}__{lookup}": values[position]})
        for earlier, earlier_field in enumerate(fields[:position]):
            step &= Q(**{earlier_field.lstrip("-"): values[earlier]})
        condition |= step
    return condition


def keyset_page(queryset: QuerySet, fields: list[str], cursor: str | None, size: int = 25):
    values = _decode(cursor, len(fields)) if cursor else None
    ordered = queryset.order_by(*fields)
    if values is not None:
        ordered = ordered.filter(_after(fields, values))
    items = list(ordered[: size + 1])
    next_cursor = None
    if len(items) > size:
        items = items[:size]
        last = items[-1]
        next_cursor = _encode([_value(last, field.lstrip("-")) for field in fields])
    return KeysetPage(items=items, next_cursor=next_cursor, is_first=values is None)


def _value(obj, path: str):
    for part in path.split("__"):
        obj = getattr(obj, part)
    return obj
