"""Reading PDFs in tests with pypdf (pinned), never a system binary (issue 9)."""

import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter


def blank_pdf() -> bytes:
    """A valid one-page PDF, for uploads and stored documents in tests."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_text(pdf: bytes | Path, *, layout: bool = False) -> str:
    """The text of every page; `layout` keeps a table's row on one line, as printed."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    reader = PdfReader(io.BytesIO(data))
    mode = "layout" if layout else "plain"
    return "\n".join(page.extract_text(extraction_mode=mode) for page in reader.pages)
