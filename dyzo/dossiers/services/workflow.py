import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dyzo.agreements.coverage import basis_for
from dyzo.audit import audit
from dyzo.dossiers.constants import DossierStatus, Outcome
from dyzo.dossiers.errors import DossierConflict, DossierError, TransitionNotAllowed
from dyzo.dossiers.models import Dossier, DossierStatusChange
from dyzo.dossiers.workflow import SIMPLE_STEPS, actor_kinds, may_transition

EDITABLE_FIELDS = ["phase", "referring_party", "referring_worker", "help_request", "opened_on"]
CONFLICT_MESSAGE = gettext_lazy(
    "Someone else saved this dossier in the meantime. Your changes were not saved: check "
    "the current values below and save again."
)


def _locked(dossier: Dossier) -> Dossier:
    """The dossier's current row, locked until the transaction ends."""
    return Dossier.objects.select_for_update().get(pk=dossier.pk)


def _check_version(current: Dossier, version: int | None) -> None:
    if version is not None and current.version != version:
        raise DossierConflict(str(CONFLICT_MESSAGE))


def record_transition(dossier, to_status, *, actor, note="", version=None, **fields) -> Dossier:
    """Move `dossier` to `to_status` if the actor may; also set `fields`. Call inside a
    transaction. Returns the refreshed dossier (the caller's instance is updated too)."""
    current = _locked(dossier)
    _check_version(current, version)
    if not may_transition(current, to_status, actor):
        raise TransitionNotAllowed(
            _("You cannot move this dossier from “%(from)s” to “%(to)s”.")
            % {"from": current.get_status_display(), "to": DossierStatus(to_status).label}
        )
    today = datetime.date.today()
    changes = {"status": to_status, "status_changed_on": today, "updated_at": timezone.now()}
    changes.update(fields)
    Dossier.objects.filter(pk=current.pk).update(**changes, version=F("version") + 1)
    DossierStatusChange.objects.create(
        dossier=current, from_status=current.status, to_status=to_status, actor=actor, note=note
    )
    audit.log(
        current,
        "dossier.status_changed",
        actor=actor,
        data={"from": current.status, "to": to_status},
    )
    dossier.refresh_from_db()
    return dossier


OWN_ACTION_STATUSES = {
    DossierStatus.REPORT_DELIVERED,
    DossierStatus.CLOSED,
    DossierStatus.CANCELLED,
}


def _check_not_moved(dossier: Dossier, current: Dossier, version: int | None) -> None:
    """Someone else moved or saved the dossier since the caller loaded it: say so."""
    if current.status != dossier.status:
        raise DossierConflict(
            _(
                "Someone else moved this dossier to “%(status)s” in the meantime. Nothing was "
                "changed: check its current state."
            )
            % {"status": current.get_status_display()}
        )
    _check_version(current, version)


@transaction.atomic
def move_dossier(dossier: Dossier, to_status: str, *, actor, note="", version=None) -> Dossier:
    """One of the plain steps intake → data collection → investigation → report drafting."""
    current = _locked(dossier)
    _check_not_moved(dossier, current, version)
    if (current.status, to_status) not in SIMPLE_STEPS:
        if to_status in OWN_ACTION_STATUSES:
            raise TransitionNotAllowed(
                _("This step has its own action (deliver the report, close or cancel).")
            )
        raise TransitionNotAllowed(
            _("A dossier in “%(from)s” cannot go to “%(to)s”: that step is not allowed.")
            % {"from": current.get_status_display(), "to": DossierStatus(to_status).label}
        )
    return record_transition(dossier, to_status, actor=actor, note=note, version=version)


@transaction.atomic
def close_dossier(dossier: Dossier, outcome: str, *, actor, note="", version=None) -> Dossier:
    if outcome not in Outcome.values:
        raise DossierError(_("Choose the outcome of the dossier."))
    return record_transition(
        dossier,
        DossierStatus.CLOSED,
        actor=actor,
        note=note,
        version=version,
        outcome=outcome,
        closed_on=datetime.date.today(),
    )


@transaction.atomic
def cancel_dossier(dossier: Dossier, *, actor, note: str, version=None) -> Dossier:
    if not note.strip():
        raise DossierError(_("Say why the dossier is cancelled."))
    return record_transition(
        dossier,
        DossierStatus.CANCELLED,
        actor=actor,
        note=note,
        version=version,
        closed_on=datetime.date.today(),
    )


def _derived_from_opening(dossier: Dossier, changes: dict) -> dict:
    """The basis again when the opening date or the referring party changes, since both
    decide it. The year and reference are numbered from the opening date: a date in another
    year is refused, as is any change that could alter the basis once the report is
    delivered (it may have been billed)."""
    opened_on = changes.get("opened_on", dossier.opened_on)
    party = changes.get("referring_party", dossier.referring_party)
    if (opened_on, party) == (dossier.opened_on, dossier.referring_party):
        return {}
    if opened_on.year != dossier.year:
        raise DossierError(
            _(
                "The opening date must stay in %(year)s: the reference %(reference)s is "
                "numbered in that year. To move the dossier to another year, cancel it and "
                "open a new one."
            )
            % {"year": dossier.year, "reference": dossier.reference}
        )
    if dossier.report_delivered_on is not None:
        raise DossierError(
            _(
                "The report of this dossier has been delivered: its opening date and "
                "referring party decide what pays for it and can no longer change."
            )
        )
    return {"basis": basis_for(dossier.municipality, opened_on, party)}


@transaction.atomic
def update_dossier(dossier: Dossier, data: dict, *, version: int, actor) -> Dossier:
    """Save edits made on a form loaded at `version`. A newer version in the database means
    someone else saved in between: DossierConflict, and nothing is written."""
    if dossier.is_finished:
        raise DossierError(_("A closed or cancelled dossier can no longer be changed."))
    if not actor_kinds(dossier, actor):
        raise DossierError(_("Only the coordinator or an expert on the team can edit it."))
    changes = {field: data[field] for field in EDITABLE_FIELDS if field in data}
    worker = changes.get("referring_worker")
    if worker and dossier.municipality_id not in worker.municipality_ids():
        raise DossierError(_("The referring worker does not work for this municipality."))
    # Compared with the stored row: a bound ModelForm has already copied its values onto
    # the caller's instance.
    stored = Dossier.objects.select_related("municipality").get(pk=dossier.pk)
    changes.update(_derived_from_opening(stored, changes))
    # The version check and the write are one statement: no window between them.
    updated = Dossier.objects.filter(pk=dossier.pk, version=version).update(
        **changes, version=F("version") + 1, updated_at=timezone.now()
    )
    if not updated:
        raise DossierConflict(str(CONFLICT_MESSAGE))
    audit.log(
        dossier,
        "dossier.updated",
        actor=actor,
        data={"fields": sorted(changes), "basis": changes.get("basis", dossier.basis)},
    )
    dossier.refresh_from_db()
    return dossier
