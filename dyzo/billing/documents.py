"""The files of an issued invoice: the Dutch PDF (with an EPC QR code) and the UBL document
with that PDF embedded. Rendered after the issuing transaction commits, stored once
(idempotent), then handed to the outbox."""

import logging
from decimal import Decimal

import segno
import segno.helpers

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from dyzo.billing.constants import DocumentKind
from dyzo.billing.models import Invoice, InvoiceFile
from dyzo.billing.ubl import build_ubl
from dyzo.utils.pdf import render_to_pdf

logger = logging.getLogger(__name__)


def epc_qr_svg(invoice) -> str | None:
    """An EPC ("SEPA") QR code as an SVG data URI: amount and structured communication.
    None for credit notes and anything without a positive amount."""
    if invoice.is_credit_note or invoice.gross_total <= 0:
        return None
    seller = invoice.seller_details
    qr = segno.helpers.make_epc_qr(
        name=seller["name"][:70],
        iban=seller["iban"],
        bic=seller["bic"],
        amount=Decimal(invoice.gross_total),
        text=invoice.structured_communication_display,
    )
    return qr.svg_data_uri(scale=3)


def render_invoice_pdf(invoice) -> bytes:
    context = {
        "invoice": invoice,
        "lines": list(invoice.lines.all()),
        "seller": invoice.seller_details,
        "buyer": invoice.buyer_details,
        "qr": epc_qr_svg(invoice),
    }
    return render_to_pdf("billing/invoice_pdf.html", context)


def render_reminder_pdf(invoice, reminder) -> bytes:
    context = {
        "invoice": invoice,
        "reminder": reminder,
        "seller": invoice.seller_details,
        "buyer": invoice.buyer_details,
        "qr": epc_qr_svg(invoice),
    }
    return render_to_pdf("billing/reminder_pdf.html", context)


def stored_files(invoice) -> tuple[bytes, bytes]:
    """(pdf, ubl) of an issued invoice: read when stored, else rendered and stored."""
    files = {f.kind: f for f in invoice.files.all()}
    if DocumentKind.PDF in files and DocumentKind.UBL in files:
        return _read(files[DocumentKind.PDF]), _read(files[DocumentKind.UBL])
    pdf = render_invoice_pdf(invoice)
    ubl = build_ubl(invoice, pdf)
    for kind, content, ext in ((DocumentKind.PDF, pdf, "pdf"), (DocumentKind.UBL, ubl, "xml")):
        if kind in files:
            continue
        try:
            with transaction.atomic():
                record = InvoiceFile(invoice=invoice, kind=kind)
                record.file.save(f"{invoice.number}.{ext}", ContentFile(content), save=True)
        except IntegrityError:
            # Another process stored it first: its copy is the same document.
            pass
    return pdf, ubl


def _read(record) -> bytes:
    with record.file.open("rb") as handle:
        return handle.read()


def render_and_send(invoice_pk: int) -> None:
    """After commit: render, store and send. Failures are logged, the invoice stays issued
    and `export_invoices` or a download renders it again."""
    from dyzo.billing.outbox import get_outbox

    invoice = Invoice.objects.select_related("credited_invoice").get(pk=invoice_pk)
    logger.info("Rendering invoice %s", invoice.number)
    try:
        pdf, ubl = stored_files(invoice)
        get_outbox().send(invoice, pdf, ubl)
    except Exception:
        logger.exception("Rendering or sending invoice %s failed", invoice.number)
        raise
    logger.info("Invoice %s rendered and sent", invoice.number)
