import datetime
from decimal import Decimal

import pytest
from post_office.mail import send_queued

from dyzo.billing.camt import build_statement
from dyzo.billing.constants import PaymentState
from dyzo.billing.errors import BillingError
from dyzo.billing.models import Invoice, Payment
from dyzo.billing.services import (
    assign_payment,
    import_bank_statement,
    record_payment,
    send_reminder,
)
from dyzo.billing.tests.factories import BillingPartyFactory, issued_invoice

PAID_ON = datetime.date(2026, 3, 20)
IBAN = "BE11000123456748"


def _line(reference, amount, **extra):
    line = {
        "amount": amount,
        "date": PAID_ON,
        "reference": reference,
        "payer": "Stad Gent",
        "payer_account": IBAN,
    }
    return line | extra


@pytest.fixture
def invoices(registry):
    return [issued_invoice(amount=amount) for amount in ("1000.00", "750.00", "300.00")]


def test_manual_payment_makes_an_invoice_partly_paid_then_paid(invoices, coordinator):
    invoice = invoices[0]
    record_payment(invoice, Decimal("400"), PAID_ON, actor=coordinator)
    balance = Invoice.objects.with_balances().get(pk=invoice.pk)
    assert balance.payment_state(PAID_ON) == PaymentState.PARTLY_PAID
    record_payment(invoice, Decimal("600"), PAID_ON, actor=coordinator)
    balance = Invoice.objects.with_balances().get(pk=invoice.pk)
    assert (balance.amount_due, balance.payment_state(PAID_ON)) == (0, PaymentState.PAID)


def test_manual_payment_must_be_positive(invoices, coordinator):
    with pytest.raises(BillingError):
        record_payment(invoices[0], Decimal("-5"), PAID_ON, actor=coordinator)
    assert not Payment.objects.exists()


def test_camt_import_matches_by_communication_then_amount_and_party(invoices, coordinator):
    first, second, third = invoices
    data = build_statement(
        "STMT-1",
        IBAN,
        [
            _line("R1", "1000.00", structured=first.structured_communication),
            _line("R2", "750.00", text="betaling factuur", payer="OCMW Gent"),
            _line("R3", "12.34", text="onbekend", payer="Iemand anders"),
        ],
    )
    result = import_bank_statement(data, actor=coordinator, file_name="stmt.xml")
    assert (result.matched, result.unmatched) == (2, 1)
    assert Payment.objects.get(bank_reference="R1").invoice == first
    assert Payment.objects.get(bank_reference="R2").invoice == second
    assert list(Payment.objects.unmatched().values_list("bank_reference", flat=True)) == ["R3"]


def test_camt_matches_by_amount_and_party_name(invoices, coordinator):
    second = invoices[1]
    data = build_statement(
        "STMT-2", IBAN, [_line("R9", "750.00", text="factuur", payer=second.buyer.legal_name)]
    )
    import_bank_statement(data, actor=coordinator)
    assert Payment.objects.get(bank_reference="R9").invoice == second


def test_importing_the_same_statement_twice_records_each_payment_once(invoices, coordinator):
    data = build_statement(
        "STMT-3", IBAN, [_line("R1", "1000.00", structured=invoices[0].structured_communication)]
    )
    import_bank_statement(data, actor=coordinator)
    again = import_bank_statement(data, actor=coordinator)
    assert not again.created
    assert Payment.objects.count() == 1


def test_overlapping_statement_skips_lines_already_recorded(invoices, coordinator):
    line = _line("R1", "1000.00", structured=invoices[0].structured_communication)
    import_bank_statement(build_statement("A", IBAN, [line]), actor=coordinator)
    result = import_bank_statement(build_statement("B", IBAN, [line]), actor=coordinator)
    assert (result.known, Payment.objects.count()) == (1, 1)


def test_a_file_that_is_not_camt053_is_refused(registry, coordinator):
    with pytest.raises(BillingError):
        import_bank_statement(b"<html>no</html>", actor=coordinator)
    with pytest.raises(BillingError):
        import_bank_statement(b"not xml at all", actor=coordinator)


def test_unmatched_payment_is_assigned_once(invoices, coordinator):
    data = build_statement("STMT-4", IBAN, [_line("R5", "300.00", text="?", payer="X")])
    import_bank_statement(data, actor=coordinator)
    payment = Payment.objects.unmatched().get()
    assign_payment(payment, invoices[2], actor=coordinator)
    with pytest.raises(BillingError):
        assign_payment(payment, invoices[1], actor=coordinator)
    assert Payment.objects.get(pk=payment.pk).invoice == invoices[2]


def test_reminder_only_for_overdue_invoice_and_mailed(invoices, coordinator, mailoutbox):
    invoice = invoices[0]
    with pytest.raises(BillingError):
        send_reminder(invoice, actor=coordinator, today=invoice.due_on)
    later = invoice.due_on + datetime.timedelta(days=12)
    reminder = send_reminder(invoice, actor=coordinator, today=later)
    assert (reminder.days_overdue, reminder.amount_due) == (12, Decimal("1000.00"))
    assert mailoutbox == []  # queued with the reminder, sent by the mail worker
    send_queued()
    assert "herinnering" in mailoutbox[0].subject.lower()
    assert mailoutbox[0].attachments[0][2] == "application/pdf"


def test_billing_party_traits_build(registry):
    assert BillingPartyFactory(of_aalst=True).party.municipality.name == "Aalst"
    assert BillingPartyFactory(with_order_reference=True).requires_order_reference
