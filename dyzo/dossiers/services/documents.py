import secrets

from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from dyzo.audit import audit
from dyzo.dossiers.errors import InvalidDocument
from dyzo.dossiers.models import Document, Dossier
from dyzo.dossiers.workflow import actor_kinds

MAX_DOCUMENT_SIZE = 10 * 1024 * 1024
# What a file is, read from its first bytes: the name and the browser's claim can lie.
SIGNATURES = [
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
]


def sniff(upload) -> tuple[str, str] | None:
    """(content type, extension) judged by the file's magic bytes, or None."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for magic, content_type, extension in SIGNATURES:
        if head.startswith(magic):
            return content_type, extension
    return None


def _check(upload) -> tuple[str, str]:
    if upload.size > MAX_DOCUMENT_SIZE:
        raise InvalidDocument(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_DOCUMENT_SIZE)}
        )
    kind = sniff(upload)
    if kind is None:
        raise InvalidDocument(_("Only PDF, PNG and JPEG files can be uploaded."))
    return kind


@transaction.atomic
def upload_document(dossier: Dossier, upload, kind: str, *, actor) -> Document:
    if not actor_kinds(dossier, actor):
        raise InvalidDocument(_("Only the coordinator or an expert on the team can add files."))
    if dossier.is_finished:
        raise InvalidDocument(_("A closed or cancelled dossier can no longer be changed."))
    content_type, extension = _check(upload)
    document = Document(
        dossier=dossier,
        kind=kind,
        token=secrets.token_hex(16) + extension,
        original_name=(upload.name or "document")[-200:],
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    document.file.save(document.token, upload, save=False)
    document.save()
    audit.log(dossier, "dossier.document_uploaded", actor=actor, data={"document": document.pk})
    return document
