"""State changes of contacts and decline reasons. Views and the API call only these."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from dyzo.audit import audit
from dyzo.outreach.constants import ContactKind, DeclineReasonCode
from dyzo.outreach.errors import OutreachError
from dyzo.outreach.models import Contact, DeclineReason

CONTACT_FIELDS = ["kind", "happened_on", "coordinator", "with_whom", "notes", "follow_up_on"]


def _check_contact(contact: Contact) -> None:
    if contact.kind not in ContactKind.values:
        raise OutreachError(_("Choose what kind of contact it was."))
    if contact.happened_on is None or contact.happened_on > datetime.date.today():
        raise OutreachError(_("A contact is recorded once it happened: the date cannot be later."))
    if contact.follow_up_on and contact.follow_up_on < contact.happened_on:
        raise OutreachError(_("The follow-up cannot be before the contact."))


@transaction.atomic
def create_contact(
    municipality,
    *,
    actor,
    kind: str,
    happened_on: datetime.date,
    with_whom: str = "",
    notes: str = "",
    follow_up_on: datetime.date | None = None,
    coordinator=None,
) -> Contact:
    """Record a contact moment; the coordinator defaults to the one who records it."""
    contact = Contact(
        municipality=municipality,
        kind=kind,
        happened_on=happened_on,
        coordinator=coordinator or actor,
        with_whom=with_whom.strip(),
        notes=notes,
        follow_up_on=follow_up_on,
    )
    _check_contact(contact)
    contact.save()
    audit.log(contact, "contact.created", actor=actor, data={"kind": kind})
    return contact


@transaction.atomic
def update_contact(contact: Contact, *, actor, **changes) -> Contact:
    """Change a contact. Moving the follow-up date reopens the follow-up."""
    unknown = set(changes) - set(CONTACT_FIELDS)
    if unknown:
        raise OutreachError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    changed = [field for field, value in changes.items() if getattr(contact, field) != value]
    for field in changed:
        setattr(contact, field, changes[field])
    _check_contact(contact)
    if "follow_up_on" in changed:
        contact.follow_up_done = False
        changed.append("follow_up_done")
    if changed:
        contact.save(update_fields=[*changed, "updated_at"])
        audit.log(contact, "contact.updated", actor=actor, data={"fields": changed})
    return contact


@transaction.atomic
def mark_follow_up_done(contact: Contact, *, actor) -> Contact:
    if contact.follow_up_on is None:
        raise OutreachError(_("This contact has no follow-up."))
    if contact.follow_up_done:
        raise OutreachError(_("This follow-up is already done."))
    contact.follow_up_done = True
    contact.save(update_fields=["follow_up_done", "updated_at"])
    audit.log(contact, "contact.follow_up_done", actor=actor)
    return contact


@transaction.atomic
def add_decline_reason(
    municipality, *, actor, year: int, code: str, text: str = ""
) -> DeclineReason:
    """Record why a municipality did not cooperate in `year`; 'other' needs a text."""
    text = text.strip()
    if code not in DeclineReasonCode.values:
        raise OutreachError(_("Unknown reason."))
    if code == DeclineReasonCode.OTHER and not text:
        raise OutreachError(_("Explain the reason 'other'."))
    if not municipality.existed_on(datetime.date(year, 1, 1)):
        raise OutreachError(
            _("%(name)s did not exist on 1 January %(year)s.")
            % {"name": municipality.name, "year": year}
        )
    duplicate = DeclineReason.objects.filter(
        municipality=municipality, year=year, code=code, text=text
    )
    if duplicate.exists():
        raise OutreachError(_("This reason is already recorded for that year."))
    reason = DeclineReason.objects.create(
        municipality=municipality, year=year, code=code, text=text
    )
    audit.log(reason, "decline_reason.added", actor=actor, data={"code": code})
    return reason


@transaction.atomic
def remove_decline_reason(reason: DeclineReason, *, actor) -> None:
    audit.log(
        reason.municipality,
        "decline_reason.removed",
        actor=actor,
        data={"year": reason.year, "code": reason.code, "text": reason.text},
    )
    reason.delete()
