"""Where issued invoices go. The default writes the UBL and PDF to a folder (picked up by
an access point or a person) and mails the PDF to the party's invoice address.

Another outbox (an access point's API) is a class with the same `send` method, named in
settings.DYZO_BILLING_OUTBOX. The mail is written to the notifications' mail queue
(django-post-office, with the PDF attached) in the caller's transaction and sent by
`manage.py send_mail_queue`: an SMTP outage delays it, loses nothing (docs/notifications.md).
"""

from pathlib import Path

from post_office import mail as post_office_mail

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _


class FolderAndMailOutbox:
    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder or settings.DYZO_BILLING_OUTBOX_DIR)

    @transaction.atomic
    def send(self, invoice, pdf: bytes, ubl: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / f"{invoice.number}.xml").write_bytes(ubl)
        (self.folder / f"{invoice.number}.pdf").write_bytes(pdf)
        address = invoice.buyer_details.get("email")
        if address:
            queue_pdf_mail(invoice, pdf, address, kind="invoice")


def queue_pdf_mail(invoice, pdf: bytes, address: str, *, kind: str):
    """Queue the mail with the PDF to the party's invoice address (in Dutch, the language of
    the invoice) in the caller's transaction; returns the queued post-office Email."""
    with translation.override("nl-be"):
        if kind == "reminder":
            subject = _("Payment reminder for invoice %(number)s") % {"number": invoice.number}
        elif invoice.is_credit_note:
            subject = _("Credit note %(number)s from Dyzo") % {"number": invoice.number}
        else:
            subject = _("Invoice %(number)s from Dyzo") % {"number": invoice.number}
        body = _("Please find the document attached. It was also sent over Peppol.")
    return post_office_mail.send(
        recipients=[address],
        sender=settings.DEFAULT_FROM_EMAIL,
        subject=subject,
        message=body,
        attachments={
            f"{invoice.number}.pdf": {"file": ContentFile(pdf), "mimetype": "application/pdf"}
        },
        priority="medium",
        commit=True,
    )


def get_outbox():
    return import_string(settings.DYZO_BILLING_OUTBOX)()
