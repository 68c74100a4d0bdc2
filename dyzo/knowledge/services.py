"""State changes of the knowledge base: writing a guide (each save is a new version),
attaching files, counting a worker's read of a guide, and the first-line triage."""

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dyzo.audit import audit
from dyzo.knowledge.constants import GuideLanguage, GuideStatus, TriageOutcome, TriageQuestion
from dyzo.knowledge.errors import GuideError, TriageError
from dyzo.knowledge.models import (
    Guide,
    GuideAttachment,
    GuideRead,
    GuideVersion,
    Topic,
    Triage,
)
from dyzo.knowledge.triage import outcome_of
from dyzo.portal.constants import AnswerChannel, RequestKind
from dyzo.portal.models import HelpRequest
from dyzo.portal.services import submit_help_request
from dyzo.utils.uploads import check_upload

GUIDE_FIELDS = ["topic", "title", "summary", "body", "language", "status"]
ATTACHMENT_KINDS = frozenset({"pdf", "png", "jpeg", "docx", "xlsx"})


def _check_writer(actor) -> None:
    if not actor.has_perm("knowledge.change_guide"):
        raise GuideError(_("Only coordinators and experts write guides."))


def _check_values(values: dict) -> None:
    if not isinstance(values.get("topic"), Topic):
        raise GuideError(_("Choose the topic of the guide."))
    if not str(values.get("title", "")).strip():
        raise GuideError(_("Give the guide a title."))
    if not str(values.get("body", "")).strip():
        raise GuideError(_("Write the text of the guide."))
    if values.get("status") not in GuideStatus.values:
        raise GuideError(_("Choose whether the guide is a draft or published."))
    if values.get("language") not in GuideLanguage.values:
        raise GuideError(_("Choose the language of the guide."))


@transaction.atomic
def save_guide(data: dict, *, actor, guide: Guide | None = None, change_note: str = "") -> Guide:
    """Create a guide or change one; either way the saved state becomes a new version."""
    _check_writer(actor)
    values = {field: data.get(field) for field in GUIDE_FIELDS}
    values["language"] = values["language"] or GuideLanguage.DUTCH
    values["summary"] = values["summary"] or ""
    _check_values(values)
    now = timezone.now()
    if guide is None:
        guide = Guide(version=1, **values, updated_at=now, updated_by=actor)
        guide.save()
        code = "guide.created"
    else:
        # Lock the row: two writers saving at once must get versions n+1 and n+2.
        guide = Guide.objects.select_for_update().get(pk=guide.pk)
        for name, value in values.items():
            setattr(guide, name, value)
        guide.version += 1
        guide.updated_at, guide.updated_by = now, actor
        guide.save(update_fields=[*GUIDE_FIELDS, "version", "updated_at", "updated_by"])
        code = "guide.changed"
    GuideVersion.objects.create(
        guide=guide,
        number=guide.version,
        title=guide.title,
        summary=guide.summary,
        body=guide.body,
        status=guide.status,
        change_note=change_note[:300],
        changed_by=actor,
        changed_at=now,
    )
    audit.log(guide, code, actor=actor, data={"version": guide.version, "status": guide.status})
    return guide


@transaction.atomic
def attach_file(guide: Guide, upload, *, actor) -> GuideAttachment:
    _check_writer(actor)
    try:
        kind = check_upload(upload, allowed=ATTACHMENT_KINDS)
    except ValidationError as exc:
        raise GuideError(exc.messages[0])
    attachment = GuideAttachment(
        guide=guide,
        token=secrets.token_hex(16) + kind.extensions[0],
        original_name=(upload.name or "attachment")[-200:],
        content_type=kind.content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    attachment.file.save(attachment.token, upload, save=False)
    attachment.save()
    audit.log(guide, "guide.attachment_added", actor=actor, data={"attachment": attachment.pk})
    return attachment


def record_read(guide: Guide, *, reader) -> int:
    """Count a municipal worker's read once per guide, municipality and day; return how many
    rows were added. Reads of Dyzo staff are not counted. Not audited: no personal data."""
    if not reader.is_municipal_worker or not guide.is_published:
        return 0
    today = timezone.localdate()
    added = 0
    for municipality_id in sorted(reader.municipality_ids()):
        try:
            with transaction.atomic():
                _read, created = GuideRead.objects.get_or_create(
                    guide=guide, reader=reader, municipality_id=municipality_id, read_on=today
                )
        except IntegrityError:
            created = False  # A parallel request of the same worker counted it first.
        added += int(created)
    return added


@transaction.atomic
def record_triage(answers: dict, *, party, topic=None, actor) -> Triage:
    """Store one triage: the answers and their outcome, nothing about the entrepreneur."""
    if not actor.is_municipal_worker or not actor.parties.filter(pk=party.pk).exists():
        raise TriageError(_("You can only run the triage for your own gemeente or OCMW."))
    if set(answers) != set(TriageQuestion.values) or not all(
        isinstance(value, bool) for value in answers.values()
    ):
        raise TriageError(_("Answer every question of the triage with yes or no."))
    triage = Triage.objects.create(
        municipality=party.municipality,
        party=party.kind,
        topic=topic,
        answers={str(key): value for key, value in answers.items()},
        outcome=outcome_of(answers),
        completed_by=actor,
        completed_on=timezone.localdate(),
    )
    audit.log(triage, "triage.completed", actor=actor, data={"outcome": triage.outcome})
    return triage


def help_request_initial(triage: Triage) -> dict:
    """What the help request form starts with after a triage: the kind its outcome points
    to and the answers as text. The worker adds the entrepreneur's data themselves."""
    lines = [str(_("Triage in the portal:"))]
    if triage.topic:
        lines.append(f"{_('Topic')}: {triage.topic.display_name}")
    for question in TriageQuestion:
        answer = _("yes") if triage.answers.get(question.value) else _("no")
        lines.append(f"- {question.label} {answer}")
    refer = triage.outcome == TriageOutcome.REFER
    initial = {
        "kind": RequestKind.ENTERPRISE_SCAN if refer else RequestKind.REMOTE_ADVICE,
        "question": "\n".join(lines) + "\n\n",
    }
    if not refer:
        initial["answer_channel"] = AnswerChannel.PHONE
    return initial


@transaction.atomic
def continue_to_help_request(triage: Triage, data: dict, *, actor) -> HelpRequest:
    """Submit the help request a triage ends in (the portal's service) and link the two."""
    triage = Triage.objects.select_for_update().get(pk=triage.pk)
    if triage.outcome == TriageOutcome.SELF:
        raise TriageError(_("This triage ends in an answer with the guides, not a request."))
    if triage.help_request_id:
        raise TriageError(_("A help request was already sent for this triage."))
    party = actor.parties.filter(municipality=triage.municipality, kind=triage.party).first()
    if party is None:
        raise TriageError(_("You can only run the triage for your own gemeente or OCMW."))
    help_request = submit_help_request(data, party=party, actor=actor)
    triage.help_request = help_request
    triage.save(update_fields=["help_request"])
    audit.log(triage, "triage.continued", actor=actor, data={"help_request": help_request.pk})
    return help_request
