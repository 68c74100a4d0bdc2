"""The events of the apps that existed when notifications came: portal, dossiers, reports,
outreach. Recipients are candidates: notify() keeps only the active ones who may see the
object through its model's `visible_to(user)`."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from dyzo.accounts.constants import Role
from dyzo.accounts.models import User
from dyzo.dossiers.constants import TeamRole
from dyzo.dossiers.dashboard import overdue_days
from dyzo.notifications.registry import Event, register


def coordinators():
    return User.objects.filter(role=Role.COORDINATOR)


def dossier_coordinators(dossier):
    """The coordinators on the dossier's team; every coordinator when it has none yet."""
    on_team = User.objects.filter(
        dossier_roles__dossier=dossier, dossier_roles__role=TeamRole.COORDINATOR
    )
    return on_team if on_team.exists() else coordinators()


def referring_party_workers(dossier):
    """The workers of the gemeente or OCMW that referred the dossier, and the referring
    worker themself."""
    of_party = Q(
        parties__municipality_id=dossier.municipality_id,
        parties__kind=dossier.referring_party,
    )
    return User.objects.filter(
        of_party | Q(pk=dossier.referring_worker_id), role=Role.MUNICIPAL_WORKER
    ).distinct()


def _request_params(help_request) -> dict:
    return {"number": help_request.pk, "municipality": help_request.municipality.name}


def _request_url(help_request) -> str:
    return reverse("portal:request_detail", args=[help_request.pk])


def _submitter(help_request):
    return User.objects.filter(pk=help_request.submitted_by_id)


register(
    Event(
        code="help_request.submitted",
        message=_("New help request #%(number)s from %(municipality)s is waiting for Dyzo."),
        recipients=lambda help_request: coordinators(),
        params=_request_params,
        url=_request_url,
    )
)
register(
    Event(
        code="help_request.taken_up",
        message=_("Dyzo took up your help request #%(number)s as a dossier."),
        recipients=_submitter,
        params=_request_params,
        url=_request_url,
    )
)
register(
    Event(
        code="help_request.answered",
        message=_("Dyzo answered your help request #%(number)s."),
        recipients=_submitter,
        params=_request_params,
        url=_request_url,
    )
)
register(
    Event(
        code="help_request.declined",
        message=_("Dyzo declined your help request #%(number)s."),
        recipients=_submitter,
        params=_request_params,
        url=_request_url,
    )
)
register(
    Event(
        code="dossier.assigned",
        message=_("You were added to the team of dossier %(reference)s."),
        recipients=lambda member: User.objects.filter(pk=member.user_id),
        params=lambda member: {"reference": member.dossier.reference},
        url=lambda member: reverse("dossiers:detail", args=[member.dossier_id]),
    )
)
register(
    Event(
        code="dossier.overdue",
        message=_("Dossier %(reference)s has been in the same status for over %(days)s days."),
        recipients=dossier_coordinators,
        params=lambda dossier: {"reference": dossier.reference, "days": overdue_days()},
        url=lambda dossier: reverse("dossiers:detail", args=[dossier.pk]),
    )
)
register(
    Event(
        code="report.submitted",
        message=_("The written report of dossier %(reference)s awaits your approval."),
        recipients=lambda report: dossier_coordinators(report.dossier),
        params=lambda report: {"reference": report.dossier.reference},
        url=lambda report: reverse("reports:detail", args=[report.pk]),
    )
)
register(
    Event(
        code="report.delivered",
        message=_("Dyzo delivered the written report of dossier %(reference)s."),
        recipients=lambda report: referring_party_workers(report.dossier),
        params=lambda report: {"reference": report.dossier.reference},
        url=lambda report: reverse("reports:detail", args=[report.pk]),
    )
)
register(
    Event(
        code="contact.follow_up_due",
        message=_("A follow-up with %(municipality)s is due (planned for %(date)s)."),
        recipients=lambda contact: User.objects.filter(pk=contact.coordinator_id),
        params=lambda contact: {
            "municipality": contact.municipality.name,
            "date": contact.follow_up_on.isoformat(),
        },
        url=lambda contact: reverse("outreach:contact_edit", args=[contact.pk]),
    )
)
register(
    Event(
        code="agreement.signed",
        message=_("An agreement with %(municipality)s starting on %(date)s was signed."),
        # Analysts and administrators follow the cooperation; the municipality's workers
        # see their own agreements.
        recipients=lambda agreement: User.objects.filter(
            Q(role__in=[Role.ANALYST, Role.ADMINISTRATOR])
            | Q(role=Role.MUNICIPAL_WORKER, parties__municipality=agreement.municipality_id)
        ).distinct(),
        params=lambda agreement: {
            "municipality": agreement.municipality.name,
            "date": agreement.starts_on.isoformat(),
        },
        url=lambda agreement: reverse("agreements:detail", args=[agreement.pk]),
    )
)
