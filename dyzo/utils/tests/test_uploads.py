import io
import zipfile

import pytest

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from dyzo.utils.tests.pdf import blank_pdf
from dyzo.utils.uploads import check_upload

PDF = blank_pdf()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF"


def _zip(member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, "<xml/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("report.pdf", PDF, "pdf"),
        ("scan.PNG", PNG, "png"),
        ("photo.jpg", JPEG, "jpeg"),
        ("photo.jpeg", JPEG, "jpeg"),
    ],
)
def test_accepts_allowed_content_with_a_fitting_name(name, content, kind):
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")

    assert check_upload(upload).kind == kind
    assert upload.read() == content  # The file is rewound for whoever stores it.


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("evil.pdf", b"MZ\x90\x00 windows executable", "file_type"),
        ("page.pdf", b"<html><script>alert(1)</script>", "file_type"),
        ("scan.pdf", PNG, "file_extension"),
        ("report.exe", PDF, "file_extension"),
        ("report", PDF, "file_extension"),
        ("empty.pdf", b"", "file_type"),
    ],
)
def test_refuses_content_that_is_not_what_is_allowed(name, content, code):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")

    with pytest.raises(ValidationError) as error:
        check_upload(upload)
    assert error.value.code == code


def test_refuses_a_file_over_the_limit():
    upload = SimpleUploadedFile("big.pdf", PDF + b"0" * 100)

    with pytest.raises(ValidationError) as error:
        check_upload(upload, max_bytes=50)
    assert error.value.code == "file_too_large"


def test_office_documents_are_told_apart_by_their_members():
    docx = SimpleUploadedFile("letter.docx", _zip("word/document.xml"))
    disguised = SimpleUploadedFile("letter.docx", _zip("payload.js"))

    assert check_upload(docx, allowed={"docx", "xlsx"}).kind == "docx"
    with pytest.raises(ValidationError):
        check_upload(disguised, allowed={"docx", "xlsx"})


def test_message_is_translated():
    from django.utils import translation

    upload = SimpleUploadedFile("evil.pdf", b"MZ")
    with translation.override("nl-be"), pytest.raises(ValidationError) as error:
        check_upload(upload)
    assert "niet aanvaard" in error.value.messages[0]


@pytest.mark.issue(9)
@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7\n<html><body><script>alert(1)</script></body></html>",
        b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
        blank_pdf()[:200],
    ],
    ids=["html", "no-pages", "truncated"],
)
def test_a_pdf_header_on_something_else_is_refused(content):
    upload = SimpleUploadedFile("aanslag.pdf", content, content_type="application/pdf")

    with pytest.raises(ValidationError) as error:
        check_upload(upload)
    assert error.value.code == "file_unreadable"


@pytest.mark.issue(9)
@pytest.mark.parametrize(
    "name", ["scan\n.pdf", "scan\x00.pdf", "scan\x1b[31m.pdf", "factuur\u202efdp.exe.pdf"]
)
def test_a_name_with_control_characters_is_refused_not_cleaned(name):
    upload = SimpleUploadedFile("scan.pdf", PDF)
    upload.name = name  # Set after construction: Django's own cleaning is not what we test.

    with pytest.raises(ValidationError) as error:
        check_upload(upload)
    assert error.value.code == "file_name"
    assert upload.name == name


def test_an_ordinary_name_with_accents_and_spaces_passes():
    upload = SimpleUploadedFile("Aanslag 2025 – één.pdf", PDF)
    assert check_upload(upload).kind == "pdf"
