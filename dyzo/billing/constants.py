from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentType(models.TextChoices):
    INVOICE = "invoice", _("invoice")
    CREDIT_NOTE = "credit_note", _("credit note")


class InvoiceStatus(models.TextChoices):
    """The stored status. Paid, partly paid and overdue follow from the payments and the due
    date (Invoice.payment_state): an issued row is never updated."""

    DRAFT = "draft", _("draft")
    ISSUED = "issued", _("issued")


class PaymentState(models.TextChoices):
    OPEN = "open", _("open")
    PARTLY_PAID = "partly_paid", _("partly paid")
    PAID = "paid", _("paid")
    OVERDUE = "overdue", _("overdue")
    CREDITED = "credited", _("credited")


class VatCategory(models.TextChoices):
    """UNCL5305 tax categories Dyzo uses: exempt (the default) or standard rate."""

    EXEMPT = "E", _("exempt from VAT")
    STANDARD = "S", _("standard rate")


class PaymentSource(models.TextChoices):
    MANUAL = "manual", _("recorded by hand")
    BANK = "bank", _("bank statement")


class DocumentKind(models.TextChoices):
    PDF = "pdf", _("PDF")
    UBL = "ubl", _("UBL (Peppol)")


SERIES = {DocumentType.INVOICE: "F", DocumentType.CREDIT_NOTE: "C"}
