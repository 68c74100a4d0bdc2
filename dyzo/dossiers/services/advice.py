from django.db import transaction
from django.utils.translation import gettext as _

from dyzo.audit import audit
from dyzo.dossiers.errors import DossierError
from dyzo.dossiers.models import AdviceEntry

FIELDS = [
    "municipality",
    "party",
    "asked_by",
    "asked_by_user",
    "channel",
    "topic",
    "question",
    "advice",
    "minutes_spent",
    "asked_on",
]


def _check_asker(values: dict) -> None:
    worker = values.get("asked_by_user")
    municipality = values.get("municipality")
    if worker and municipality and municipality.pk not in worker.municipality_ids():
        raise DossierError(_("The person who asked does not work for this municipality."))


@transaction.atomic
def log_advice(data: dict, *, actor) -> AdviceEntry:
    """Record advice given at a distance; the actor is the one who gave it."""
    values = {field: data[field] for field in FIELDS if field in data}
    _check_asker(values)
    entry = AdviceEntry.objects.create(**values, handled_by=actor)
    audit.log(entry, "advice.logged", actor=actor, data={"municipality": entry.municipality_id})
    return entry


@transaction.atomic
def update_advice(entry: AdviceEntry, data: dict, *, actor) -> AdviceEntry:
    if entry.imported_for_year is not None:
        raise DossierError(_("Imported placeholders of past years cannot be edited."))
    changed = [field for field in FIELDS if field in data]
    for field in changed:
        setattr(entry, field, data[field])
    _check_asker({"asked_by_user": entry.asked_by_user, "municipality": entry.municipality})
    entry.save(update_fields=changed)
    audit.log(entry, "advice.updated", actor=actor, data={"fields": changed})
    return entry
