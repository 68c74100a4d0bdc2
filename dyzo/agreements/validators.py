from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dyzo.utils.uploads import check_upload

PDF_MAGIC = b"%PDF-"


def validate_pdf(file):
    """Model-level check: the stored content starts like a PDF. The name and the declared
    content type are chosen by the uploader and prove nothing."""
    if getattr(file, "_committed", False):
        # A stored document was checked when it came in; reading it again would only open
        # (and leave open) the stored file on every later validation of the agreement.
        return
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(len(PDF_MAGIC))
    file.seek(position)
    if head != PDF_MAGIC:
        raise ValidationError(_("The document must be a PDF file."), code="not_pdf")


def validate_pdf_upload(file):
    """An uploaded signed agreement: a PDF by content and by name, within the size limit."""
    check_upload(file, allowed={"pdf"})
