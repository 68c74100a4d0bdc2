from django.db import transaction
from django.utils.translation import gettext as _

from dyzo.accounts.constants import Role
from dyzo.audit import audit
from dyzo.dossiers.constants import TeamRole
from dyzo.dossiers.errors import DossierError
from dyzo.dossiers.models import Activity, Dossier, TeamMember
from dyzo.dossiers.workflow import actor_kinds
from dyzo.notifications.services import notify


def team_role_for(user) -> str:
    """A coordinator joins as coordinator; an expert with their expertise."""
    if user.role == Role.COORDINATOR:
        return TeamRole.COORDINATOR
    if user.role == Role.EXPERT and user.expertise:
        return TeamRole(user.expertise)
    raise DossierError(_("Only coordinators and experts with an expertise can join a team."))


def _check_open(dossier: Dossier) -> None:
    if dossier.is_finished:
        raise DossierError(_("A closed or cancelled dossier can no longer be changed."))


@transaction.atomic
def add_team_member(dossier: Dossier, user, *, actor) -> TeamMember:
    if not actor.is_coordinator:
        raise DossierError(_("Only a coordinator can compose the team."))
    _check_open(dossier)
    if not user.is_active:
        raise DossierError(_("This person's account is not active."))
    if dossier.team.filter(user=user).exists():
        raise DossierError(_("%(name)s is already on the team.") % {"name": user})
    member = TeamMember.objects.create(dossier=dossier, user=user, role=team_role_for(user))
    audit.log(
        dossier,
        "dossier.team_member_added",
        actor=actor,
        data={"user": user.pk, "role": member.role},
    )
    notify("dossier.assigned", member, actor=actor)
    return member


@transaction.atomic
def remove_team_member(member: TeamMember, *, actor) -> None:
    if not actor.is_coordinator:
        raise DossierError(_("Only a coordinator can compose the team."))
    _check_open(member.dossier)
    audit.log(
        member.dossier, "dossier.team_member_removed", actor=actor, data={"user": member.user_id}
    )
    member.delete()


@transaction.atomic
def record_activity(dossier: Dossier, data: dict, *, actor) -> Activity:
    """A visit, call or meeting by the coordinator or an expert on the team."""
    if not actor_kinds(dossier, actor):
        raise DossierError(_("Only the coordinator or an expert on the team can add activities."))
    _check_open(dossier)
    activity = Activity.objects.create(
        dossier=dossier,
        kind=data["kind"],
        happened_on=data["happened_on"],
        duration_minutes=data["duration_minutes"],
        travel_km=data.get("travel_km") or 0,
        notes=data.get("notes", ""),
        recorded_by=actor,
    )
    audit.log(dossier, "dossier.activity_recorded", actor=actor, data={"activity": activity.pk})
    return activity
