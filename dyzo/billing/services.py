"""State changes of billing (docs/billing.md): drafts, issuing, credit notes, payments,
reminders. Each is atomic with its audit entry; files are rendered after commit."""

import dataclasses
import datetime
import re
from decimal import ROUND_HALF_UP, Decimal

from stdnum.be import ogm_vcs, vat

from django.db import transaction
from django.utils.translation import gettext as _

from dyzo.audit import audit
from dyzo.billing import numbering
from dyzo.billing.constants import SERIES, DocumentType, InvoiceStatus, PaymentSource
from dyzo.billing.errors import BillingError
from dyzo.billing.models import (
    BankStatement,
    BillingParty,
    Invoice,
    InvoiceLine,
    Payment,
    Reminder,
)
from dyzo.billing.seller import seller
from dyzo.notifications.services import notify

CENT = Decimal("0.01")


def money(value) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def buyer_snapshot(buyer) -> dict:
    scheme, identifier = buyer.endpoint
    return {
        "name": buyer.legal_name,
        "enterprise_number": buyer.enterprise_number,
        "peppol_id": f"{scheme}:{identifier}",
        "street": buyer.street,
        "postal_code": buyer.postal_code,
        "city": buyer.city,
        "email": buyer.invoice_email,
    }


@transaction.atomic
def create_draft(buyer, lines: list[dict], *, actor, year: int, note: str = "") -> Invoice:
    """A draft invoice to `buyer` with `lines` (dicts of InvoiceLine fields; quantity 1 and
    unit_price = amount when not given). A line whose billing_key was billed before makes
    the whole draft fail: nothing is billed twice."""
    if not lines:
        raise BillingError(_("An invoice needs at least one line."))
    current = seller()
    invoice = Invoice.objects.create(
        buyer=buyer,
        municipality_id=buyer.party.municipality_id,
        year=year,
        note=note,
        order_reference=buyer.order_reference,
        # Copied, so the database can tell a demo invoice from a real one once issued.
        illustrative=buyer.illustrative,
        vat_category=current.vat_category,
        vat_rate=current.vat_rate,
    )
    _add_lines(invoice, lines)
    audit.log(invoice, "invoice.drafted", actor=actor, data={"buyer": buyer.pk})
    return invoice


def _add_lines(invoice, lines: list[dict]) -> None:
    keys = [line["billing_key"] for line in lines if line.get("billing_key")]
    if keys and InvoiceLine.objects.filter(billing_key__in=keys).exists():
        raise BillingError(_("Some of these items have been invoiced before."))
    for position, data in enumerate(lines, start=1):
        data = dict(data)
        quantity = Decimal(data.pop("quantity", 1))
        unit_price = money(data.pop("unit_price"))
        InvoiceLine.objects.create(
            invoice=invoice,
            position=position,
            quantity=quantity,
            unit_price=unit_price,
            net_amount=money(quantity * unit_price),
            **data,
        )


@transaction.atomic
def issue_invoice(
    invoice, *, actor, on: datetime.date | None = None, deliver: bool = True
) -> Invoice:
    """Give a draft its number, structured communication, due date and the copied details
    of buyer and seller; from then on it is immutable. After commit its files are rendered
    and sent through the outbox (not with `deliver=False`, for the demo: a download renders
    them when first asked)."""
    invoice = (
        Invoice.objects.select_for_update(of=("self",))
        .select_related("buyer", "credited_invoice")
        .get(pk=invoice.pk)
    )
    if invoice.is_issued:
        raise BillingError(_("This invoice has been issued already."))
    _check_buyer(invoice)
    on = on or datetime.date.today()
    current = seller()
    series = SERIES[invoice.document_type]
    sequence = numbering.next_sequence(series, on.year)
    invoice.year = on.year
    invoice.sequence = sequence
    invoice.number = numbering.format_number(series, on.year, sequence)
    invoice.structured_communication = numbering.structured_communication(series, on.year, sequence)
    invoice.issued_on = on
    invoice.due_on = on + datetime.timedelta(days=current.payment_days)
    invoice.buyer_details = buyer_snapshot(invoice.buyer)
    invoice.seller_details = current.as_dict()
    _set_vat(invoice, current)
    _set_totals(invoice)
    invoice.status = InvoiceStatus.ISSUED
    invoice.save()
    audit.log(invoice, "invoice.issued", actor=actor, data={"number": invoice.number})
    notify("invoice.issued", invoice, actor=actor)
    if deliver:
        _after_commit_render(invoice)
    return invoice


def _check_buyer(invoice) -> None:
    if invoice.buyer.requires_order_reference and not invoice.order_reference:
        raise BillingError(
            _("%(party)s requires an order reference; add it to its billing details first.")
            % {"party": invoice.buyer.legal_name}
        )
    if invoice.document_type == DocumentType.INVOICE and not invoice.lines.exists():
        raise BillingError(_("An invoice needs at least one line."))


def _set_vat(invoice, current) -> None:
    """Today's VAT setting; a credit note copies the VAT of the invoice it credits."""
    source = invoice.credited_invoice
    if source is not None:
        invoice.vat_category, invoice.vat_rate = source.vat_category, source.vat_rate
        invoice.vat_exemption_reason = source.vat_exemption_reason
        return
    invoice.vat_category, invoice.vat_rate = current.vat_category, current.vat_rate
    exempt = current.vat_rate == 0
    invoice.vat_exemption_reason = current.vat_exemption_reason if exempt else ""


def _set_totals(invoice) -> None:
    net = sum((line.net_amount for line in invoice.lines.all()), Decimal(0))
    invoice.net_total = money(net)
    invoice.vat_total = money(net * invoice.vat_rate / 100)
    invoice.gross_total = invoice.net_total + invoice.vat_total


def _after_commit_render(invoice) -> None:
    from dyzo.billing.documents import render_and_send

    transaction.on_commit(lambda: render_and_send(invoice.pk), robust=True)


@transaction.atomic
def credit_invoice(
    invoice, *, actor, reason: str, on: datetime.date | None = None, deliver: bool = True
) -> Invoice:
    """Issue a credit note for what is still uncredited of `invoice`: its lines negated."""
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if not invoice.is_issued or invoice.is_credit_note:
        raise BillingError(_("Only an issued invoice can be credited."))
    if not reason.strip():
        raise BillingError(_("Say why the invoice is credited."))
    if invoice.credit_notes.exists():
        raise BillingError(_("This invoice has been credited already."))
    note = Invoice.objects.create(
        document_type=DocumentType.CREDIT_NOTE,
        buyer=invoice.buyer,
        municipality=invoice.municipality,
        credited_invoice=invoice,
        year=invoice.year,
        note=reason.strip()[:300],
        order_reference=invoice.order_reference,
        illustrative=invoice.illustrative,
        vat_category=invoice.vat_category,
        vat_rate=invoice.vat_rate,
    )
    for line in invoice.lines.all():
        InvoiceLine.objects.create(
            invoice=note,
            position=line.position,
            description=line.description,
            period_start=line.period_start,
            period_end=line.period_end,
            dossier_reference=line.dossier_reference,
            quantity=-line.quantity,
            unit_price=line.unit_price,
            net_amount=-line.net_amount,
        )
    audit.log(note, "invoice.credit_drafted", actor=actor, data={"credits": invoice.number})
    return issue_invoice(note, actor=actor, on=on, deliver=deliver)


@transaction.atomic
def record_payment(invoice, amount, paid_on: datetime.date, *, actor, **extra) -> Payment:
    amount = money(amount)
    if amount <= 0:
        raise BillingError(_("A payment must be a positive amount."))
    if invoice is not None and (not invoice.is_issued or invoice.is_credit_note):
        raise BillingError(_("Payments can only be recorded on issued invoices."))
    payment = Payment.objects.create(
        invoice=invoice,
        amount=amount,
        paid_on=paid_on,
        source=extra.pop("source", PaymentSource.MANUAL),
        recorded_by=actor,
        **extra,
    )
    audit.log(
        payment, "payment.recorded", actor=actor, data={"invoice": getattr(invoice, "pk", None)}
    )
    return payment


@transaction.atomic
def assign_payment(payment, invoice, *, actor) -> Payment:
    """Assign an unmatched bank payment to an issued invoice."""
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.invoice_id is not None:
        raise BillingError(_("This payment is assigned already."))
    if not invoice.is_issued or invoice.is_credit_note:
        raise BillingError(_("Payments can only be recorded on issued invoices."))
    payment.invoice = invoice
    payment.save(update_fields=["invoice"])
    audit.log(payment, "payment.assigned", actor=actor, data={"invoice": invoice.pk})
    return payment


@transaction.atomic
def send_reminder(
    invoice, *, actor, today: datetime.date | None = None, deliver: bool = True
) -> Reminder:
    """Record a reminder for an overdue invoice, tell the party's workers (`invoice.reminded`)
    and queue its PDF for the party's invoice address in this transaction (not with
    `deliver=False`, for the demo)."""
    today = today or datetime.date.today()
    invoice = Invoice.objects.with_balances().get(pk=invoice.pk)
    days = invoice.days_overdue(today)
    if invoice.is_credit_note or days <= 0:
        raise BillingError(_("Only an overdue invoice gets a reminder."))
    reminder = Reminder.objects.create(
        invoice=invoice,
        sent_on=today,
        days_overdue=days,
        amount_due=invoice.amount_due,
        sent_by=actor,
    )
    audit.log(reminder, "invoice.reminded", actor=actor, data={"invoice": invoice.number})
    # The reminder number keys the event: every reminder of an invoice is told once.
    notify("invoice.reminded", invoice, actor=actor, key=str(reminder.pk))
    if deliver:
        # Rendered and queued with the reminder: both commit, or neither.
        _mail_reminder(reminder.pk)
    return reminder


def _mail_reminder(reminder_pk: int) -> None:
    from dyzo.billing.documents import render_reminder_pdf
    from dyzo.billing.outbox import queue_pdf_mail

    reminder = Reminder.objects.select_related("invoice").get(pk=reminder_pk)
    invoice = reminder.invoice
    pdf = render_reminder_pdf(invoice, reminder)
    if invoice.buyer_details.get("email"):
        queue_pdf_mail(invoice, pdf, invoice.buyer_details["email"], kind="reminder")


@dataclasses.dataclass
class ImportResult:
    statement: BankStatement
    created: bool
    matched: int = 0
    unmatched: int = 0
    known: int = 0


@transaction.atomic
def import_bank_statement(data: bytes, *, actor, file_name: str = "") -> ImportResult:
    """Record the credits of a camt.053 file: matched to an invoice by structured
    communication, else by open amount and party, else left unmatched for a person to
    assign. The same statement (or a line already recorded) changes nothing."""
    from dyzo.billing.camt import read_statement

    parsed = read_statement(data)
    statement, created = BankStatement.objects.get_or_create(
        identifier=parsed.identifier,
        defaults={"file_name": file_name[:200], "imported_by": actor},
    )
    result = ImportResult(statement=statement, created=created)
    if not created:
        return result
    known = set(
        Payment.objects.filter(
            bank_reference__in=[c.reference for c in parsed.credits]
        ).values_list("bank_reference", flat=True)
    )
    for credit in parsed.credits:
        if credit.reference in known:
            result.known += 1
            continue
        invoice = match_invoice(credit)
        Payment.objects.create(
            invoice=invoice,
            amount=money(credit.amount),
            paid_on=credit.booked_on,
            source=PaymentSource.BANK,
            statement=statement,
            bank_reference=credit.reference,
            payer_name=credit.payer_name[:200],
            payer_account=credit.payer_account[:40],
            communication=credit.remittance[:200],
            recorded_by=actor,
        )
        known.add(credit.reference)
        if invoice is None:
            result.unmatched += 1
        else:
            result.matched += 1
    audit.log(
        statement,
        "payment.statement_imported",
        actor=actor,
        data={"matched": result.matched, "unmatched": result.unmatched},
    )
    return result


def match_invoice(credit) -> Invoice | None:
    """The issued invoice a bank credit pays: by its structured communication, else the
    one open invoice of that amount whose buyer the payer's name names."""
    digits = re.sub(r"\D", "", credit.remittance)
    if len(digits) == 12 and ogm_vcs.is_valid(digits):
        invoice = Invoice.objects.issued().invoices().filter(structured_communication=digits)
        if invoice.exists():
            return invoice.get()
    payer = credit.payer_name.casefold()
    if not payer:
        return None
    candidates = [
        invoice
        for invoice in Invoice.objects.receivable().select_related("municipality")
        if invoice.amount_due == credit.amount
        and (
            invoice.buyer_details.get("name", "").casefold() == payer
            or invoice.municipality.name.casefold() in payer
        )
    ]
    return candidates[0] if len(candidates) == 1 else None


PARTY_FIELDS = [
    "legal_name",
    "enterprise_number",
    "peppol_id",
    "street",
    "postal_code",
    "city",
    "invoice_email",
    "requires_order_reference",
    "order_reference",
]


@transaction.atomic
def save_billing_party(party, data: dict, *, actor) -> BillingParty:
    """Create or update the billing details of a gemeente or OCMW (validated first)."""
    billing = BillingParty.objects.filter(party=party).first() or BillingParty(party=party)
    for field in PARTY_FIELDS:
        if field in data:
            setattr(billing, field, data[field])
    if vat.is_valid(billing.enterprise_number or ""):
        billing.enterprise_number = vat.compact(billing.enterprise_number)
    billing.full_clean()
    billing.save()
    audit.log(billing, "billing_party.saved", actor=actor, data={"party": party.pk})
    return billing


@transaction.atomic
def import_billing_parties(text: str, *, actor) -> int:
    """Rows of a CSV (header: nis_code, kind and the PARTY_FIELDS) saved as billing details.
    All or nothing: any invalid row refuses the whole file, naming the row and the problem."""
    import csv

    from django.core.exceptions import ValidationError

    from dyzo.localgov.models import Party

    reader = csv.DictReader(text.splitlines(), delimiter=";" if ";" in text[:500] else ",")
    missing = {"nis_code", "kind", *PARTY_FIELDS[:2]} - set(reader.fieldnames or [])
    if missing:
        raise BillingError(
            _("The file lacks the columns %(columns)s.") % {"columns": ", ".join(sorted(missing))}
        )
    count = 0
    for number, row in enumerate(reader, start=2):
        party = Party.objects.filter(
            municipality__nis_code=(row.get("nis_code") or "").strip(),
            kind=(row.get("kind") or "").strip().lower(),
        ).first()
        if party is None:
            raise BillingError(_("Row %(row)s: no such gemeente or OCMW.") % {"row": number})
        data = {f: (row.get(f) or "").strip() for f in PARTY_FIELDS if f in row}
        data["requires_order_reference"] = data.get("requires_order_reference", "").lower() in (
            "1",
            "true",
            "ja",
            "yes",
        )
        try:
            save_billing_party(party, data, actor=actor)
        except ValidationError as error:
            messages = "; ".join(str(m) for m in error.messages)
            raise BillingError(
                _("Row %(row)s: %(problem)s") % {"row": number, "problem": messages}
            ) from error
        count += 1
    return count
