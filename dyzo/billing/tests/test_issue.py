import datetime
import threading
from decimal import Decimal

import pytest
from post_office.mail import send_queued
from stdnum.be import ogm_vcs

from django.db import DatabaseError, connection, connections, transaction

from dyzo.audit.models import AuditEntry
from dyzo.billing.constants import InvoiceStatus
from dyzo.billing.errors import BillingError
from dyzo.billing.models import Invoice
from dyzo.billing.services import credit_invoice, issue_invoice
from dyzo.billing.tests.factories import BillingPartyFactory, draft_invoice, issued_invoice

ON = datetime.date(2026, 3, 2)
THREADS = 20


def test_issuing_numbers_per_series_and_year(registry, coordinator):
    first = issued_invoice(actor=coordinator)
    second = issued_invoice(actor=coordinator)
    note = credit_invoice(first, actor=coordinator, reason="Fout bedrag")
    next_year = issued_invoice(actor=coordinator, on=datetime.date(2027, 1, 4))
    assert [first.number, second.number] == ["F2026-00001", "F2026-00002"]
    assert note.number.startswith("C") and note.number.endswith("-00001")
    assert next_year.number == "F2027-00001"


def test_issued_invoice_has_structured_communication_and_due_date(registry, coordinator):
    invoice = issued_invoice(actor=coordinator, on=ON)
    assert ogm_vcs.is_valid(invoice.structured_communication)
    assert invoice.structured_communication_display.startswith("+++")
    assert invoice.due_on == ON + datetime.timedelta(days=30)
    assert invoice.buyer_details["peppol_id"] == f"0208:{invoice.buyer.enterprise_number}"
    assert AuditEntry.objects.filter(code="invoice.issued", object_id=str(invoice.pk)).exists()


def test_issued_invoice_keeps_the_details_of_the_moment(registry, coordinator):
    invoice = issued_invoice(actor=coordinator)
    invoice.buyer.street = "Nieuwe straat 9"
    invoice.buyer.save()
    invoice.refresh_from_db()
    assert invoice.buyer_details["street"] == "Botermarkt 1"


def test_deleting_an_issued_invoice_is_refused(registry, coordinator):
    invoice = issued_invoice(actor=coordinator)
    with pytest.raises(BillingError):
        invoice.delete()
    assert Invoice.objects.filter(pk=invoice.pk).exists()


def test_issuing_twice_is_refused(registry, coordinator):
    invoice = issued_invoice(actor=coordinator)
    with pytest.raises(BillingError):
        issue_invoice(invoice, actor=coordinator)


def test_party_requiring_order_reference_blocks_issue_without_one(registry, coordinator):
    buyer = BillingPartyFactory(requires_order_reference=True)
    draft = draft_invoice(buyer)
    with pytest.raises(BillingError, match=buyer.legal_name):
        issue_invoice(draft, actor=coordinator)
    draft.refresh_from_db()
    assert (draft.status, draft.number) == (InvoiceStatus.DRAFT, None)


def test_credit_note_negates_the_lines_and_references_the_invoice(registry, coordinator):
    invoice = issued_invoice(actor=coordinator, amount="500.00")
    note = credit_invoice(invoice, actor=coordinator, reason="Dubbel")
    assert note.credited_invoice == invoice
    assert note.gross_total == Decimal("-500.00")
    assert [line.net_amount for line in note.lines.all()] == [Decimal("-500.00")]
    assert Invoice.objects.with_balances().get(pk=invoice.pk).amount_due == 0
    with pytest.raises(BillingError):
        credit_invoice(invoice, actor=coordinator, reason="Nog eens")


def test_crediting_needs_a_reason(registry, coordinator):
    invoice = issued_invoice(actor=coordinator)
    with pytest.raises(BillingError):
        credit_invoice(invoice, actor=coordinator, reason="  ")
    assert not invoice.credit_notes.exists()


def test_documents_are_rendered_after_commit(registry, coordinator, mailoutbox, settings):
    buyer = BillingPartyFactory()
    with transaction.atomic():
        invoice = issued_invoice(buyer, actor=coordinator)
        assert not invoice.files.exists()
    # Callbacks do not run inside the test transaction: run them as a commit would.
    from dyzo.billing.documents import render_and_send

    render_and_send(invoice.pk)
    assert sorted(invoice.files.values_list("kind", flat=True)) == ["pdf", "ubl"]
    outbox = settings.DYZO_BILLING_OUTBOX_DIR
    assert (outbox / f"{invoice.number}.xml").exists()
    assert mailoutbox == []  # queued, sent by the mail worker
    send_queued()
    assert mailoutbox[0].to == ["facturen@example.org"]
    assert mailoutbox[0].attachments[0][0] == f"{invoice.number}.pdf"


@pytest.mark.postgres
def test_database_refuses_update_and_delete_of_issued_invoice(registry, coordinator):
    if connection.vendor != "postgresql":
        pytest.skip("The immutability trigger is PostgreSQL's; SQLite relies on the services.")
    invoice = issued_invoice(actor=coordinator)
    for statement in (
        "UPDATE billing_invoice SET gross_total = 1 WHERE id = %s",
        "DELETE FROM billing_invoice WHERE id = %s",
        "UPDATE billing_invoiceline SET net_amount = 1 WHERE invoice_id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="immutable"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [invoice.pk])
    draft = draft_invoice()
    Invoice.objects.filter(pk=draft.pk).update(note="drafts may change")


@pytest.mark.postgres
@pytest.mark.issue(9)
def test_only_an_illustrative_issued_invoice_may_go_and_a_real_one_cannot_become_one(
    registry, coordinator
):
    if connection.vendor != "postgresql":
        pytest.skip("The immutability trigger is PostgreSQL's; SQLite relies on the services.")
    real = issued_invoice(actor=coordinator)
    demo = issued_invoice(BillingPartyFactory(of_aalst=True, illustrative=True), actor=coordinator)
    assert demo.illustrative and not real.illustrative
    with (
        pytest.raises(DatabaseError, match="immutable"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE billing_invoice SET illustrative = TRUE WHERE id = %s", [real.pk])
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM billing_invoiceline WHERE invoice_id = %s", [demo.pk])
        cursor.execute("DELETE FROM billing_invoice WHERE id = %s", [demo.pk])
    assert not Invoice.objects.filter(pk=demo.pk).exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_issuers_with_failures_get_numbers_one_to_n(live_registry):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL.")
    buyer = BillingPartyFactory()
    drafts = [draft_invoice(buyer) for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS, timeout=60)
    errors = []

    def issue_one(index, draft):
        try:
            barrier.wait()
            with transaction.atomic():
                issue_invoice(draft, actor=None, on=ON)
                if index % 4 == 0:
                    raise RuntimeError("the issuer fails after taking a number")
        except RuntimeError:
            pass
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue_one, args=item) for item in enumerate(drafts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    issued = Invoice.objects.issued().order_by("sequence")
    assert list(issued.values_list("sequence", flat=True)) == list(range(1, 16))
    assert Invoice.objects.drafts().count() == 5
