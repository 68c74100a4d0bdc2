"""Where issued invoices go. The default writes the UBL and PDF to a folder (picked up by
an access point or a person) and mails the PDF to the party's invoice address.

Another outbox (an access point's API) is a class with the same `send` method, named in
settings.DYZO_BILLING_OUTBOX. Mail goes through Django's mail API so that it can be routed
through the notification queue later.
"""

from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _


class FolderAndMailOutbox:
    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder or settings.DYZO_BILLING_OUTBOX_DIR)

    def send(self, invoice, pdf: bytes, ubl: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / f"{invoice.number}.xml").write_bytes(ubl)
        (self.folder / f"{invoice.number}.pdf").write_bytes(pdf)
        address = invoice.buyer_details.get("email")
        if address:
            send_pdf_mail(invoice, pdf, address, kind="invoice")


def send_pdf_mail(invoice, pdf: bytes, address: str, *, kind: str) -> None:
    with translation.override("nl-be"):
        if kind == "reminder":
            subject = _("Payment reminder for invoice %(number)s") % {"number": invoice.number}
        elif invoice.is_credit_note:
            subject = _("Credit note %(number)s from Dyzo") % {"number": invoice.number}
        else:
            subject = _("Invoice %(number)s from Dyzo") % {"number": invoice.number}
        body = _("Please find the document attached. It was also sent over Peppol.")
    message = EmailMessage(subject, body, to=[address])
    message.attach(f"{invoice.number}.pdf", pdf, "application/pdf")
    message.send()


def get_outbox():
    return import_string(settings.DYZO_BILLING_OUTBOX)()
