"""Demo billing: illustrative billing details for every party that has something to bill,
the invoices of last year and this year (subscriptions and per-case reports) issued through
the same rules as `issue_invoices`, most paid through an imported camt.053 file (one line
left to assign), one overdue with a reminder, one credited.

The enterprise numbers are made from the NIS code with valid check digits and marked
illustrative: they are not the parties' real numbers. Safe to run again: `clear_demo` (run
by load_demo before any app rebuilds its demo data) removes the previous demo invoices.
"""

import datetime

from django.db import transaction

from dyzo.accounts.models import User
from dyzo.billing import services
from dyzo.billing.camt import build_statement
from dyzo.billing.models import (
    BankStatement,
    BillingParty,
    Invoice,
    InvoiceFile,
    InvoiceLine,
    NumberCounter,
    Payment,
    Reminder,
)
from dyzo.billing.rules import dues_for
from dyzo.billing.seller import seller
from dyzo.localgov.constants import PartyKind

STATEMENT_ID = "DEMO-CAMT053"


def illustrative_enterprise_number(nis_code: str, kind: str) -> str:
    """A valid but made-up enterprise number: 02, the NIS code, 0 or 1, check digits."""
    base = f"02{nis_code}{0 if kind == PartyKind.GEMEENTE else 1}"
    return f"{base}{97 - int(base) % 97:02d}"


def _billing_party(party) -> BillingParty:
    existing = BillingParty.objects.filter(party=party).first()
    if existing:
        return existing
    municipality = party.municipality
    name = f"{'Gemeente' if party.kind == PartyKind.GEMEENTE else 'OCMW'} {municipality.name}"
    return BillingParty.objects.create(
        party=party,
        legal_name=name,
        enterprise_number=illustrative_enterprise_number(municipality.nis_code, party.kind),
        street="Marktplein 1",
        postal_code="9999",
        city=municipality.name,
        invoice_email=f"facturen.{municipality.nis_code}@example.org",
        requires_order_reference=municipality.nis_code == "41002",
        order_reference="PO-DEMO-41002" if municipality.nis_code == "41002" else "",
        illustrative=True,
    )


def clear_demo() -> None:
    """Remove the demo invoices and everything on them. The database's immutability rule
    lets an issued invoice go only when it was made illustrative (for a party with demo
    details): real invoices are never touched, and the application needs no more rights
    than it has (docs/billing.md)."""
    invoices = Invoice.objects.filter(illustrative=True)
    if not invoices.exists():
        return
    with transaction.atomic():
        Payment.objects.filter(invoice__in=invoices).delete()
        Payment.objects.filter(statement__identifier__startswith=f"camt053:{STATEMENT_ID}").delete()
        BankStatement.objects.filter(identifier__startswith=f"camt053:{STATEMENT_ID}").delete()
        Reminder.objects.filter(invoice__in=invoices).delete()
        InvoiceFile.objects.filter(invoice__in=invoices).delete()
        InvoiceLine.objects.filter(invoice__in=invoices).delete()
        invoices.filter(credited_invoice__isnull=False).delete()
        invoices.delete()
    if not Invoice.objects.exists():
        NumberCounter.objects.all().delete()


def _issue(actor, year: int, on_subscriptions, on_cases) -> list[Invoice]:
    issued = []
    for due in dues_for(year):
        buyer = _billing_party(due.party)
        draft = services.create_draft(buyer, due.lines, actor=actor, year=year)
        on = on_subscriptions if due.kind == "subscription" else on_cases
        issued.append(services.issue_invoice(draft, actor=actor, on=on, deliver=False))
    return issued


def build_demo(stdout) -> None:
    clear_demo()
    today = datetime.date.today()
    actor = User.objects.filter(username="coordinator").first()
    last_year, this_year = today.year - 1, today.year
    invoices = _issue(
        actor, last_year, datetime.date(last_year, 1, 20), datetime.date(last_year, 12, 10)
    )
    invoices += _issue(actor, this_year, datetime.date(this_year, 1, 20), today)
    subscriptions = [i for i in invoices if i.issued_on.year == this_year and i.issued_on != today]
    credited = overdue = None
    if len(subscriptions) >= 2:
        credited, overdue = subscriptions[0], subscriptions[1]
        services.credit_invoice(
            credited, actor=actor, reason="Demo: dubbel aangerekend.", on=today, deliver=False
        )
    to_pay = [i for i in invoices if i not in (credited, overdue) and i.due_on < today]
    result = services.import_bank_statement(_statement(to_pay), actor=actor, file_name="demo.xml")
    if overdue is not None:
        services.send_reminder(overdue, actor=actor, today=today, deliver=False)
    stdout.write(
        f"Billing: {len(invoices)} demo invoices (illustrative parties), {result.matched} paid "
        f"through a camt.053 file, {result.unmatched} payment to assign, one credited, "
        "one overdue with a reminder."
    )


def _statement(invoices) -> bytes:
    lines = [
        {
            "amount": invoice.gross_total,
            "date": invoice.due_on - datetime.timedelta(days=5),
            "reference": f"DEMO-{invoice.number}",
            "payer": invoice.buyer_details["name"],
            "payer_account": seller().iban,
            "structured": invoice.structured_communication,
        }
        for invoice in invoices
    ]
    lines.append(
        {
            "amount": "125.00",
            "date": datetime.date.today() - datetime.timedelta(days=3),
            "reference": "DEMO-UNMATCHED",
            "payer": "Onbekende betaler",
            "payer_account": seller().iban,
            "text": "voorschot",
        }
    )
    return build_statement(STATEMENT_ID, seller().iban, lines)
