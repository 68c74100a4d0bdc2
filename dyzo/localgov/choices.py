"""Municipalities offered in a choice: searched on demand, a worker only their own."""

from dyzo.accounts.constants import Role
from dyzo.localgov.models import Municipality

CHOICES_LIMIT = 50


def municipalities_to_choose(user):
    """The municipalities `user` may pick in a filter: a municipal worker their own (the
    gemeente or OCMW they work for), everyone else the whole registry."""
    queryset = Municipality.objects.order_by("name", "nis_code")
    if user.role == Role.MUNICIPAL_WORKER:
        return queryset.filter(pk__in=user.municipality_ids())
    return queryset


def search_choices(queryset, text: str) -> list[dict]:
    """At most CHOICES_LIMIT matches of `text` as {"value", "text"} for a searchable field."""
    rows = queryset.search(text)[:CHOICES_LIMIT]
    return [{"value": m.pk, "text": m.choice_label()} for m in rows]
