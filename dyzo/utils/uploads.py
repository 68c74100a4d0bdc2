"""Uploads are judged by what they contain, not by the name or type the browser sends.

    kind = check_upload(form.cleaned_data["file"], allowed={"pdf", "png", "jpeg"})
    document.content_type = kind.content_type

The name may hold no control characters, the first bytes must be those of an allowed format,
the name's extension must fit that format, and the size must stay under the limit. A PDF
must open in a PDF parser (pypdf): a header alone proves nothing. Office documents (docx,
xlsx) are zip files whose members are checked as well.
"""

import dataclasses
import html
import unicodedata
import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.http.multipartparser import MultiPartParser
from django.template.defaultfilters import filesizeformat
from django.utils.datastructures import ImmutableList
from django.utils.translation import gettext_lazy as _

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclasses.dataclass(frozen=True)
class FileKind:
    kind: str
    content_type: str
    extensions: tuple[str, ...]
    magic: tuple[bytes, ...]
    zip_member: str = ""  # For zip-based formats: a member only this format has.


KINDS = {
    kind.kind: kind
    for kind in [
        FileKind("pdf", "application/pdf", (".pdf",), (b"%PDF-",)),
        FileKind("png", "image/png", (".png",), (b"\x89PNG\r\n\x1a\n",)),
        FileKind("jpeg", "image/jpeg", (".jpg", ".jpeg"), (b"\xff\xd8\xff",)),
        FileKind("gif", "image/gif", (".gif",), (b"GIF87a", b"GIF89a")),
        FileKind(
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            (".docx",),
            (b"PK\x03\x04",),
            "word/document.xml",
        ),
        FileKind(
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            (".xlsx",),
            (b"PK\x03\x04",),
            "xl/workbook.xml",
        ),
    ]
}


def check_upload(file, allowed=frozenset({"pdf", "png", "jpeg"}), max_bytes=DEFAULT_MAX_BYTES):
    """Return the FileKind of `file` (an UploadedFile) or raise ValidationError."""
    if has_control_characters(file.name or ""):
        # Refused, not cleaned: a name is shown and stored as given, or not at all.
        raise ValidationError(
            _("The file name contains control characters; rename the file and try again."),
            code="file_name",
        )
    if file.size > max_bytes:
        raise ValidationError(
            _("The file is too large: at most %(limit)s."),
            code="file_too_large",
            params={"limit": filesizeformat(max_bytes)},
        )
    kind = _sniff(file, [KINDS[name] for name in allowed])
    if kind is None:
        raise ValidationError(
            _("This file type is not accepted. Accepted: %(kinds)s."),
            code="file_type",
            params={"kinds": ", ".join(sorted(allowed))},
        )
    extension = PurePath(file.name or "").suffix.lower()
    if extension not in kind.extensions:
        raise ValidationError(
            _("The file name ends in %(extension)s, but the file is a %(kind)s file."),
            code="file_extension",
            params={"extension": extension or "''", "kind": kind.kind.upper()},
        )
    if kind.kind == "pdf" and not _opens_as_pdf(file):
        raise ValidationError(
            _("This file starts like a PDF but is no readable PDF document."),
            code="file_unreadable",
        )
    return kind


def has_control_characters(name: str) -> bool:
    """Control (Cc) and format (Cf) characters: line breaks, NUL, escape, and the direction
    overrides that make "invoice[U+202E]fdp.exe" look like a PDF."""
    return any(unicodedata.category(char) in ("Cc", "Cf") for char in name)


def _opens_as_pdf(file) -> bool:
    from pypdf import PdfReader  # Only PDF uploads pay for the import.

    file.seek(0)
    try:
        return len(PdfReader(file, strict=False).pages) > 0
    # A malformed file can fail anywhere in the parser, with any exception type.
    except Exception:
        return False
    finally:
        file.seek(0)


def _sniff(file, candidates: list[FileKind]) -> FileKind | None:
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    for kind in candidates:
        if head.startswith(kind.magic) and (not kind.zip_member or _has_member(file, kind)):
            return kind
    return None


def _has_member(file, kind: FileKind) -> bool:
    try:
        with zipfile.ZipFile(file) as archive:
            return kind.zip_member in archive.namelist()
    except zipfile.BadZipFile:
        return False
    finally:
        file.seek(0)


class NameKeepingMultiPartParser(MultiPartParser):
    """Django's multipart parser, except that a file name with control characters comes
    through as sent (without its folders): Django would drop those characters unseen, and
    check_upload refuses the name with a clear message instead."""

    def sanitize_file_name(self, file_name):
        cleaned = super().sanitize_file_name(file_name)
        sent = html.unescape(file_name).rsplit("/")[-1].rsplit("\\")[-1]
        if cleaned is not None and has_control_characters(sent):
            return sent
        return cleaned


def parse_keeping_file_names(request):
    """Make `request` parse its multipart body with NameKeepingMultiPartParser (called by
    dyzo.utils.middleware before anything reads request.POST or request.FILES)."""

    def parse_file_upload(meta, post_data):
        # As HttpRequest.parse_file_upload, with the other parser.
        request.upload_handlers = ImmutableList(
            request.upload_handlers,
            warning="You cannot alter upload handlers after the upload has been processed.",
        )
        parser = NameKeepingMultiPartParser(
            meta, post_data, request.upload_handlers, request.encoding
        )
        return parser.parse()

    request.parse_file_upload = parse_file_upload
