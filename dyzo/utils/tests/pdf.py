"""Reading PDFs in tests with pypdf (pinned), never a system binary (issue 9)."""

import io
from pathlib import Path

from pypdf import PdfReader


def pdf_text(pdf: bytes | Path, *, layout: bool = False) -> str:
    """The text of every page; `layout` keeps a table's row on one line, as printed."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    reader = PdfReader(io.BytesIO(data))
    mode = "layout" if layout else "plain"
    return "\n".join(page.extract_text(extraction_mode=mode) for page in reader.pages)
