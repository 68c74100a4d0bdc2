"""The UBL 2.1 document of an issued invoice or credit note, Peppol BIS Billing 3.0.

Built only from what the invoice row holds (its copied buyer, seller and VAT details), so a
document rendered again later is the same. Credit notes are stored with negated amounts;
UBL wants them positive in a CreditNote. See docs/billing.md.
"""

import base64
from decimal import Decimal

from lxml import etree

CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
ROOTS = {
    False: ("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", "Invoice"),
    True: ("urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", "CreditNote"),
}
CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
CURRENCY = "EUR"


def _amount(value) -> str:
    return f"{abs(Decimal(value)):.2f}"


class _Builder:
    def __init__(self, root):
        self.root = root

    def cbc(self, parent, name, text, **attrs):
        element = etree.SubElement(parent, f"{{{CBC}}}{name}", **attrs)
        element.text = str(text)
        return element

    def cac(self, parent, name):
        return etree.SubElement(parent, f"{{{CAC}}}{name}")

    def money(self, parent, name, value):
        return self.cbc(parent, name, _amount(value), currencyID=CURRENCY)


def build_ubl(invoice, pdf: bytes) -> bytes:
    credit = invoice.is_credit_note
    namespace, root_name = ROOTS[credit]
    root = etree.Element(
        f"{{{namespace}}}{root_name}", nsmap={None: namespace, "cac": CAC, "cbc": CBC}
    )
    b = _Builder(root)
    b.cbc(root, "CustomizationID", CUSTOMIZATION)
    b.cbc(root, "ProfileID", PROFILE)
    b.cbc(root, "ID", invoice.number)
    b.cbc(root, "IssueDate", invoice.issued_on.isoformat())
    if not credit:
        b.cbc(root, "DueDate", invoice.due_on.isoformat())
    b.cbc(root, "CreditNoteTypeCode" if credit else "InvoiceTypeCode", "381" if credit else "380")
    if invoice.note:
        b.cbc(root, "Note", invoice.note)
    b.cbc(root, "DocumentCurrencyCode", CURRENCY)
    # Peppol requires a buyer reference or an order reference; the party's order reference
    # when it has one, else our own invoice number.
    b.cbc(root, "BuyerReference", invoice.order_reference or invoice.number)
    if invoice.order_reference:
        b.cbc(b.cac(root, "OrderReference"), "ID", invoice.order_reference)
    if credit and invoice.credited_invoice_id:
        reference = b.cac(b.cac(root, "BillingReference"), "InvoiceDocumentReference")
        b.cbc(reference, "ID", invoice.credited_invoice.number)
        b.cbc(reference, "IssueDate", invoice.credited_invoice.issued_on.isoformat())
    _attachment(b, root, invoice, pdf)
    _supplier(b, root, invoice.seller_details)
    _customer(b, root, invoice.buyer_details)
    _payment(b, root, invoice)
    _totals(b, root, invoice)
    for line in invoice.lines.all():
        _line(b, root, invoice, line, credit)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _attachment(b, root, invoice, pdf):
    reference = b.cac(root, "AdditionalDocumentReference")
    b.cbc(reference, "ID", invoice.number)
    attachment = b.cac(reference, "Attachment")
    b.cbc(
        attachment,
        "EmbeddedDocumentBinaryObject",
        base64.b64encode(pdf).decode("ascii"),
        mimeCode="application/pdf",
        filename=f"{invoice.number}.pdf",
    )


def _address(b, party, details):
    address = b.cac(party, "PostalAddress")
    b.cbc(address, "StreetName", details["street"])
    b.cbc(address, "CityName", details["city"])
    b.cbc(address, "PostalZone", details["postal_code"])
    b.cbc(b.cac(address, "Country"), "IdentificationCode", "BE")


def _supplier(b, root, seller):
    party = b.cac(b.cac(root, "AccountingSupplierParty"), "Party")
    b.cbc(party, "EndpointID", seller["enterprise_number"], schemeID="0208")
    _address(b, party, seller)
    tax = b.cac(party, "PartyTaxScheme")
    b.cbc(tax, "CompanyID", f"BE{seller['enterprise_number']}")
    b.cbc(b.cac(tax, "TaxScheme"), "ID", "VAT")
    legal = b.cac(party, "PartyLegalEntity")
    b.cbc(legal, "RegistrationName", seller["name"])
    b.cbc(legal, "CompanyID", seller["enterprise_number"], schemeID="0208")
    contact = b.cac(party, "Contact")
    b.cbc(contact, "ElectronicMail", seller["email"])


def _customer(b, root, buyer):
    party = b.cac(b.cac(root, "AccountingCustomerParty"), "Party")
    scheme, _sep, identifier = buyer["peppol_id"].partition(":")
    b.cbc(party, "EndpointID", identifier, schemeID=scheme)
    identification = b.cac(party, "PartyIdentification")
    b.cbc(identification, "ID", buyer["enterprise_number"], schemeID="0208")
    _address(b, party, buyer)
    legal = b.cac(party, "PartyLegalEntity")
    b.cbc(legal, "RegistrationName", buyer["name"])
    b.cbc(legal, "CompanyID", buyer["enterprise_number"], schemeID="0208")


def _payment(b, root, invoice):
    seller = invoice.seller_details
    means = b.cac(root, "PaymentMeans")
    b.cbc(means, "PaymentMeansCode", "30")
    if invoice.structured_communication:
        b.cbc(means, "PaymentID", invoice.structured_communication_display)
    account = b.cac(means, "PayeeFinancialAccount")
    b.cbc(account, "ID", seller["iban"])
    b.cbc(account, "Name", seller["name"])
    b.cbc(b.cac(account, "FinancialInstitutionBranch"), "ID", seller["bic"])
    terms = b.cac(root, "PaymentTerms")
    if invoice.is_credit_note:
        b.cbc(terms, "Note", f"Creditnota bij factuur {invoice.credited_invoice.number}")
    else:
        b.cbc(terms, "Note", f"Te betalen binnen {seller['payment_days']} dagen")


def _tax_category(b, parent, invoice, *, with_reason: bool):
    category = b.cac(parent, "TaxCategory" if with_reason else "ClassifiedTaxCategory")
    b.cbc(category, "ID", invoice.vat_category)
    b.cbc(category, "Percent", f"{invoice.vat_rate:.2f}".rstrip("0").rstrip("."))
    if with_reason and invoice.vat_exemption_reason:
        b.cbc(category, "TaxExemptionReason", invoice.vat_exemption_reason)
    b.cbc(b.cac(category, "TaxScheme"), "ID", "VAT")


def _totals(b, root, invoice):
    tax_total = b.cac(root, "TaxTotal")
    b.money(tax_total, "TaxAmount", invoice.vat_total)
    subtotal = b.cac(tax_total, "TaxSubtotal")
    b.money(subtotal, "TaxableAmount", invoice.net_total)
    b.money(subtotal, "TaxAmount", invoice.vat_total)
    _tax_category(b, subtotal, invoice, with_reason=True)
    monetary = b.cac(root, "LegalMonetaryTotal")
    b.money(monetary, "LineExtensionAmount", invoice.net_total)
    b.money(monetary, "TaxExclusiveAmount", invoice.net_total)
    b.money(monetary, "TaxInclusiveAmount", invoice.gross_total)
    b.money(monetary, "PayableAmount", invoice.gross_total)


def _line(b, root, invoice, line, credit):
    element = b.cac(root, "CreditNoteLine" if credit else "InvoiceLine")
    b.cbc(element, "ID", line.position)
    quantity = f"{abs(line.quantity):.2f}".rstrip("0").rstrip(".")
    b.cbc(element, "CreditedQuantity" if credit else "InvoicedQuantity", quantity, unitCode="C62")
    b.money(element, "LineExtensionAmount", line.net_amount)
    if line.period_start and line.period_end:
        period = b.cac(element, "InvoicePeriod")
        b.cbc(period, "StartDate", line.period_start.isoformat())
        b.cbc(period, "EndDate", line.period_end.isoformat())
    item = b.cac(element, "Item")
    if line.dossier_reference:
        b.cbc(item, "Description", f"Dossier {line.dossier_reference}")
    b.cbc(item, "Name", line.description[:100])
    _tax_category(b, item, invoice, with_reason=False)
    b.money(b.cac(element, "Price"), "PriceAmount", line.unit_price)
