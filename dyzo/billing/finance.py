"""Plain data for the finance pages and exports: receivables, revenue, the accountant's
file. Each is one or two queries, whatever the number of rows."""

import csv
import datetime
import io

from django.db.models import Case, CharField, F, Sum, Value, When

from dyzo.agreements.constants import AgreementForm
from dyzo.billing.models import Invoice, InvoiceLine, Payment

INVOICE_COLUMNS = [
    "number",
    "type",
    "issued_on",
    "due_on",
    "buyer",
    "enterprise_number",
    "net_total",
    "vat_total",
    "gross_total",
    "structured_communication",
    "credits",
]
PAYMENT_COLUMNS = ["paid_on", "amount", "invoice", "source", "payer", "bank_reference"]


def receivables(today: datetime.date):
    """Issued invoices with money due, per party, oldest due date first, balances
    annotated."""
    return (
        Invoice.objects.receivable()
        .select_related("buyer", "municipality")
        .order_by("buyer__legal_name", "due_on", "id")
    )


def revenue(year: int) -> list[dict]:
    """Net revenue of the invoices and credit notes issued in `year`, by province and form
    of cooperation (aggregates only: no party, no dossier)."""
    form = Case(
        When(dossier__isnull=False, then=Value(AgreementForm.PAY_PER_CASE.value)),
        When(agreement__isnull=False, then=F("agreement__form")),
        default=Value("other"),
        output_field=CharField(),
    )
    rows = (
        InvoiceLine.objects.filter(invoice__status="issued", invoice__issued_on__year=year)
        .annotate(form=form, province=F("invoice__municipality__province__name"))
        .values("province", "form")
        .annotate(total=Sum("net_amount"))
        .order_by("province", "form")
    )
    return list(rows)


def accountant_rows(year: int) -> tuple[list[list], list[list]]:
    invoices = (
        Invoice.objects.issued()
        .filter(issued_on__year=year)
        .select_related("credited_invoice")
        .order_by("number")
    )
    invoice_rows = [
        [
            i.number,
            i.document_type,
            i.issued_on.isoformat(),
            i.due_on.isoformat() if i.due_on else "",
            i.buyer_details.get("name", ""),
            i.buyer_details.get("enterprise_number", ""),
            str(i.net_total),
            str(i.vat_total),
            str(i.gross_total),
            i.structured_communication_display,
            i.credited_invoice.number if i.credited_invoice else "",
        ]
        for i in invoices
    ]
    payments = (
        Payment.objects.filter(paid_on__year=year)
        .select_related("invoice")
        .order_by("paid_on", "id")
    )
    payment_rows = [
        [
            p.paid_on.isoformat(),
            str(p.amount),
            p.invoice.number if p.invoice else "",
            p.source,
            p.payer_name,
            p.bank_reference or "",
        ]
        for p in payments
    ]
    return invoice_rows, payment_rows


def accountant_csv(year: int) -> bytes:
    """Invoices, then payments, each block with its header row (semicolons, as Belgian
    spreadsheets expect)."""
    invoice_rows, payment_rows = accountant_rows(year)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(INVOICE_COLUMNS)
    writer.writerows(invoice_rows)
    writer.writerow([])
    writer.writerow(PAYMENT_COLUMNS)
    writer.writerows(payment_rows)
    return out.getvalue().encode("utf-8-sig")


def accountant_xlsx(year: int) -> bytes:
    from openpyxl import Workbook  # Only this download needs it.

    invoice_rows, payment_rows = accountant_rows(year)
    book = Workbook()
    sheet = book.active
    sheet.title = "invoices"
    for row in [INVOICE_COLUMNS, *invoice_rows]:
        sheet.append(row)
    payments = book.create_sheet("payments")
    for row in [PAYMENT_COLUMNS, *payment_rows]:
        payments.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
