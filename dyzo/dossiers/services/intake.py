import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from dyzo.agreements.coverage import basis_for
from dyzo.audit import audit
from dyzo.dossiers.constants import DossierStatus, TeamRole
from dyzo.dossiers.errors import DossierError
from dyzo.dossiers.models import Dossier, DossierCounter, DossierStatusChange, TeamMember


def next_number(year: int) -> int:
    """The next dossier number of `year`. Must run inside the creating transaction: the
    counter row stays locked until it commits, so a rolled-back intake gives its number
    back and two intakes never get the same one."""
    # get_or_create first: on PostgreSQL a second creator of a new year's row waits on the
    # unique index, then finds the committed row.
    DossierCounter.objects.get_or_create(year=year)
    counter = DossierCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _check_intake(municipality, referring_worker, entrepreneur) -> None:
    if referring_worker and municipality.pk not in referring_worker.municipality_ids():
        raise DossierError(_("The referring worker does not work for this municipality."))
    if not municipality.is_current:
        raise DossierError(_("This municipality no longer exists; choose its successor."))


@transaction.atomic
def open_dossier(
    *,
    entrepreneur,
    case_type: str,
    municipality,
    referring_party: str,
    phase: str,
    actor,
    referring_worker=None,
    help_request: str = "",
    opened_on: datetime.date | None = None,
) -> Dossier:
    """Intake of a referral: number the dossier, derive its basis, put the actor on the team
    as coordinator."""
    if not actor.is_coordinator:
        raise DossierError(_("Only a coordinator can open a dossier."))
    _check_intake(municipality, referring_worker, entrepreneur)
    opened_on = opened_on or datetime.date.today()
    number = next_number(opened_on.year)
    dossier = Dossier.objects.create(
        reference=f"{opened_on.year}-{number:04d}",
        year=opened_on.year,
        number=number,
        case_type=case_type,
        municipality=municipality,
        referring_party=referring_party,
        referring_worker=referring_worker,
        entrepreneur=entrepreneur,
        phase=phase,
        help_request=help_request,
        basis=basis_for(municipality, opened_on, referring_party),
        status=DossierStatus.INTAKE,
        status_changed_on=opened_on,
        opened_on=opened_on,
    )
    DossierStatusChange.objects.create(dossier=dossier, to_status=dossier.status, actor=actor)
    TeamMember.objects.create(dossier=dossier, user=actor, role=TeamRole.COORDINATOR)
    audit.log(
        dossier,
        "dossier.opened",
        actor=actor,
        data={"case_type": case_type, "basis": dossier.basis, "municipality": municipality.pk},
    )
    return dossier
