"""State changes of the portal: a worker submits a help request, a coordinator takes it up
(through the dossiers app's services) or declines it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dyzo.audit import audit
from dyzo.dossiers.enterprise_number import clean_enterprise_number
from dyzo.dossiers.models import Entrepreneur
from dyzo.dossiers.services import create_entrepreneur, log_advice, open_dossier
from dyzo.notifications.services import notify
from dyzo.portal.constants import RequestKind, RequestStatus
from dyzo.portal.errors import HelpRequestError
from dyzo.portal.models import HelpRequest

FIELDS = [
    "kind",
    "entrepreneur_first_name",
    "entrepreneur_last_name",
    "enterprise_number",
    "phase",
    "question",
    "answer_channel",
]


def _compact_number(value: str) -> str:
    if not value:
        return ""
    try:
        return clean_enterprise_number(value)
    except ValidationError as exc:
        raise HelpRequestError(exc.messages[0])


def _check_request(values: dict) -> None:
    if values.get("kind") not in RequestKind.values:
        raise HelpRequestError(_("Choose what you ask Dyzo for."))
    if not values.get("question", "").strip():
        raise HelpRequestError(_("Describe the help request."))
    if values["kind"] in RequestKind.dossier_values():
        if not values.get("entrepreneur_last_name", "").strip() or not values.get("phase"):
            raise HelpRequestError(
                _("An on-site dossier needs the entrepreneur's name and the business phase.")
            )
    elif not values.get("answer_channel"):
        raise HelpRequestError(_("Say whether Dyzo should answer by phone or by e-mail."))


@transaction.atomic
def submit_help_request(data: dict, *, party, actor) -> HelpRequest:
    """A municipal worker asks Dyzo for help on behalf of a gemeente or OCMW they work for."""
    if not actor.is_municipal_worker or not actor.parties.filter(pk=party.pk).exists():
        raise HelpRequestError(
            _("You can only submit help requests for your own gemeente or OCMW.")
        )
    values = {field: data[field] for field in FIELDS if data.get(field) is not None}
    _check_request(values)
    values["enterprise_number"] = _compact_number(values.get("enterprise_number", ""))
    help_request = HelpRequest.objects.create(
        **values, municipality=party.municipality, party=party.kind, submitted_by=actor
    )
    audit.log(
        help_request,
        "help_request.submitted",
        actor=actor,
        data={"kind": help_request.kind, "municipality": help_request.municipality_id},
    )
    notify("help_request.submitted", help_request, actor=actor)
    return help_request


def _locked_waiting(help_request: HelpRequest) -> HelpRequest:
    """The request's current row, locked; refused when someone handled it meanwhile."""
    current = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if not current.is_waiting:
        raise HelpRequestError(_("This help request has already been handled."))
    return current


def _finish(help_request: HelpRequest, status: str, *, actor, **fields) -> HelpRequest:
    fields.update(status=status, handled_by=actor, handled_at=timezone.now())
    for name, value in fields.items():
        setattr(help_request, name, value)
    help_request.save(update_fields=sorted(fields))
    audit.log(help_request, f"help_request.{status}", actor=actor)
    notify(f"help_request.{status}", help_request, actor=actor)
    return help_request


def _entrepreneur_for(help_request: HelpRequest, *, actor) -> Entrepreneur:
    """The registered entrepreneur with this enterprise number, else a new one."""
    number = help_request.enterprise_number
    existing = Entrepreneur.objects.filter(enterprise_number=number).first() if number else None
    if existing:
        return existing
    data = {
        "first_name": help_request.entrepreneur_first_name,
        "last_name": help_request.entrepreneur_last_name,
        "enterprise_number": number or None,
        "municipality": help_request.municipality,
    }
    return create_entrepreneur(data, actor=actor)


@transaction.atomic
def take_up_help_request(help_request: HelpRequest, *, actor) -> HelpRequest:
    """Open the dossier an on-site help request asks for (the dossiers app's intake)."""
    current = _locked_waiting(help_request)
    if not current.is_for_dossier:
        raise HelpRequestError(_("A question for advice is answered, not taken up as a dossier."))
    dossier = open_dossier(
        entrepreneur=_entrepreneur_for(current, actor=actor),
        case_type=current.kind,
        municipality=current.municipality,
        referring_party=current.party,
        referring_worker=current.submitted_by,
        phase=current.phase,
        help_request=current.question,
        actor=actor,
    )
    return _finish(current, RequestStatus.TAKEN_UP, actor=actor, dossier=dossier)


@transaction.atomic
def answer_help_request(help_request: HelpRequest, data: dict, *, actor) -> HelpRequest:
    """Record the advice given for a question (the dossiers app's advice log)."""
    current = _locked_waiting(help_request)
    if current.is_for_dossier:
        raise HelpRequestError(_("An on-site request is taken up as a dossier."))
    entry = log_advice(
        {
            "municipality": current.municipality,
            "party": current.party,
            "asked_by": str(current.submitted_by),
            "asked_by_user": current.submitted_by,
            "channel": data.get("channel") or current.answer_channel,
            "topic": data["topic"],
            "question": current.question,
            "advice": data["advice"],
            "minutes_spent": data.get("minutes_spent") or 0,
        },
        actor=actor,
    )
    return _finish(current, RequestStatus.ANSWERED, actor=actor, advice_entry=entry)


@transaction.atomic
def decline_help_request(help_request: HelpRequest, reason: str, *, actor) -> HelpRequest:
    if not reason.strip():
        raise HelpRequestError(_("Say why the help request is declined."))
    current = _locked_waiting(help_request)
    return _finish(current, RequestStatus.DECLINED, actor=actor, decline_reason=reason)
