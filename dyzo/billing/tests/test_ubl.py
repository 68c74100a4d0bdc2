"""Every UBL document passes the Peppol BIS Billing 3.0 validator with 0 fatal errors."""

import base64
import datetime
from decimal import Decimal

import pytest
from lxml import etree

from dyzo.billing.documents import render_invoice_pdf
from dyzo.billing.services import credit_invoice
from dyzo.billing.tests.factories import BillingPartyFactory, issued_invoice
from dyzo.billing.tests.peppol import fatal_failures
from dyzo.billing.ubl import CAC, CBC, build_ubl


def _write(tmp_path, invoice) -> tuple[str, bytes]:
    pdf = render_invoice_pdf(invoice)
    path = tmp_path / f"{invoice.number}.xml"
    path.write_bytes(build_ubl(invoice, pdf))
    return path, pdf


@pytest.fixture
def documents(registry, tmp_path, request):
    """Invoice and credit note, exempt and 21% VAT, with and without an order reference."""
    paths = {}
    for vat in ("E", "S"):
        settings = request.getfixturevalue("settings")
        settings.DYZO_BILLING_SELLER = {**settings.DYZO_BILLING_SELLER, "vat_category": vat}
        for with_reference in (False, True):
            buyer = BillingPartyFactory(with_order_reference=with_reference)
            buyer.order_reference = "PO-2026-17" if with_reference else ""
            buyer.requires_order_reference = with_reference
            buyer.save()
            invoice = issued_invoice(buyer, amount="1234.56")
            note = credit_invoice(invoice, actor=None, reason="Dubbel aangerekend")
            paths[(vat, with_reference, "invoice")] = _write(tmp_path, invoice)[0]
            paths[(vat, with_reference, "credit")] = _write(tmp_path, note)[0]
    return paths


def test_every_kind_of_document_passes_peppol_validation(documents):
    assert len(documents) == 8
    assert fatal_failures(*documents.values()) == []


def test_exempt_invoice_carries_category_e_with_reason(registry, tmp_path):
    invoice = issued_invoice(amount="1000.00")
    tree = etree.parse(str(_write(tmp_path, invoice)[0]))
    category = tree.find(f".//{{{CAC}}}TaxSubtotal/{{{CAC}}}TaxCategory")
    assert category.findtext(f"{{{CBC}}}ID") == "E"
    assert category.findtext(f"{{{CBC}}}TaxExemptionReason")
    assert tree.findtext(f".//{{{CBC}}}PayableAmount") == "1000.00"


def test_standard_rate_adds_21_percent(registry, vat_21):
    invoice = issued_invoice(amount="1000.00")
    assert (invoice.vat_category, invoice.vat_total, invoice.gross_total) == (
        "S",
        Decimal("210.00"),
        Decimal("1210.00"),
    )


def test_ubl_embeds_the_pdf_and_addresses_parties_by_0208(registry, tmp_path):
    invoice = issued_invoice(on=datetime.date(2026, 5, 4))
    path, pdf = _write(tmp_path, invoice)
    tree = etree.parse(str(path))
    embedded = tree.find(f".//{{{CBC}}}EmbeddedDocumentBinaryObject")
    assert embedded.get("mimeCode") == "application/pdf"
    assert base64.b64decode(embedded.text) == pdf
    endpoints = [e.get("schemeID") for e in tree.iter(f"{{{CBC}}}EndpointID")]
    assert endpoints == ["0208", "0208"]
    assert tree.findtext(f".//{{{CBC}}}BuyerReference") == invoice.number
