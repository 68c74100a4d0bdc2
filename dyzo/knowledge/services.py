"""State changes of the knowledge base: writing a guide (each save is a new version),
attaching files, and counting a worker's read of a guide."""

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dyzo.audit import audit
from dyzo.knowledge.constants import GuideLanguage, GuideStatus
from dyzo.knowledge.errors import GuideError
from dyzo.knowledge.models import Guide, GuideAttachment, GuideRead, GuideVersion, Topic
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
