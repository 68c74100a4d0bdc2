import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dyzo.audit import audit
from dyzo.dossiers.errors import InvalidDocument
from dyzo.dossiers.models import Document, Dossier
from dyzo.dossiers.workflow import actor_kinds
from dyzo.utils.uploads import FileKind, check_upload

MAX_DOCUMENT_SIZE = 10 * 1024 * 1024


def _check(upload) -> FileKind:
    try:
        return check_upload(upload, allowed={"pdf", "png", "jpeg"}, max_bytes=MAX_DOCUMENT_SIZE)
    except ValidationError as error:
        raise InvalidDocument(" ".join(error.messages)) from None


@transaction.atomic
def upload_document(dossier: Dossier, upload, kind: str, *, actor) -> Document:
    if not actor_kinds(dossier, actor):
        raise InvalidDocument(_("Only the coordinator or an expert on the team can add files."))
    if dossier.is_finished:
        raise InvalidDocument(_("A closed or cancelled dossier can no longer be changed."))
    file_kind = _check(upload)
    document = Document(
        dossier=dossier,
        kind=kind,
        token=secrets.token_hex(16) + file_kind.extensions[0],
        original_name=(upload.name or "document")[-200:],
        content_type=file_kind.content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    document.file.save(document.token, upload, save=False)
    document.save()
    audit.log(dossier, "dossier.document_uploaded", actor=actor, data={"document": document.pk})
    return document
