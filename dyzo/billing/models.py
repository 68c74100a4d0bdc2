import datetime
from decimal import Decimal

from django.core.validators import EmailValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from dyzo.billing.constants import (
    DocumentKind,
    DocumentType,
    InvoiceStatus,
    PaymentSource,
    PaymentState,
    VatCategory,
)
from dyzo.billing.query import InvoiceQuerySet, PaymentQuerySet
from dyzo.billing.validators import validate_enterprise_number, validate_peppol_id
from dyzo.utils.validators import DateWindow

MONEY = {"max_digits": 12, "decimal_places": 2}


class BillingParty(models.Model):
    """The billing details of one gemeente or OCMW (docs/billing.md)."""

    party = models.OneToOneField(
        "localgov.Party",
        on_delete=models.PROTECT,
        related_name="billing",
        verbose_name=_("contracting party"),
    )
    legal_name = models.CharField(_("legal name"), max_length=200)
    enterprise_number = models.CharField(
        _("enterprise number"),
        max_length=10,
        validators=[validate_enterprise_number],
        help_text=_("10 digits, for example 0207.123.407."),
    )
    peppol_id = models.CharField(
        _("Peppol participant id"),
        max_length=50,
        blank=True,
        validators=[validate_peppol_id],
        help_text=_("Empty: 0208: followed by the enterprise number."),
    )
    street = models.CharField(_("street and number"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    invoice_email = models.EmailField(_("invoice e-mail"), validators=[EmailValidator()])
    requires_order_reference = models.BooleanField(_("requires an order reference"), default=False)
    order_reference = models.CharField(
        _("order reference"),
        max_length=100,
        blank=True,
        help_text=_("Printed on every invoice to this party (purchase order number)."),
    )
    illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=_("Demo details, not the party's real ones.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("billing party")
        verbose_name_plural = _("billing parties")
        ordering = ["party__municipality__name", "party__kind"]

    def __str__(self):
        return self.legal_name

    @property
    def endpoint(self) -> tuple[str, str]:
        """(scheme, identifier) of the Peppol participant id."""
        scheme, _sep, identifier = (self.peppol_id or f"0208:{self.enterprise_number}").partition(
            ":"
        )
        return scheme, identifier


class NumberCounter(models.Model):
    """The last number handed out in a series (F, C) and year; locked while issuing."""

    series = models.CharField(_("series"), max_length=1)
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("number counter")
        verbose_name_plural = _("number counters")
        constraints = [
            models.UniqueConstraint(fields=["series", "year"], name="numbercounter_unique")
        ]

    def __str__(self):
        return f"{self.series}{self.year}: {self.last_number}"


class Invoice(models.Model):
    """An invoice or credit note. Issued, it is immutable and self-contained: buyer, seller
    and VAT are copied in at issue time (on PostgreSQL a trigger refuses UPDATE and DELETE
    of issued rows)."""

    document_type = models.CharField(
        _("type"), max_length=12, choices=DocumentType.choices, default=DocumentType.INVOICE
    )
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        editable=False,
        help_text=_(
            "Made for the demo to a party with illustrative details; only such an invoice may "
            "be removed once issued (by the demo refreshing itself)."
        ),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=InvoiceStatus.choices, default=InvoiceStatus.DRAFT
    )
    buyer = models.ForeignKey(
        BillingParty, on_delete=models.PROTECT, related_name="invoices", verbose_name=_("buyer")
    )
    municipality = models.ForeignKey(
        "localgov.Municipality",
        on_delete=models.PROTECT,
        related_name="invoices",
        verbose_name=_("municipality"),
    )
    credited_invoice = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_notes",
        verbose_name=_("credited invoice"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.CharField(_("number"), max_length=20, null=True, blank=True, unique=True)
    sequence = models.PositiveIntegerField(_("sequence"), null=True, blank=True)
    # Set by the service that issues the invoice (the day, and the day plus the terms).
    issued_on = models.DateField(_("issued on"), null=True, blank=True, editable=False)
    due_on = models.DateField(_("due on"), null=True, blank=True, editable=False)
    structured_communication = models.CharField(
        _("structured communication"), max_length=12, blank=True
    )
    order_reference = models.CharField(_("order reference"), max_length=100, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    buyer_details = models.JSONField(_("buyer details"), default=dict, blank=True)
    seller_details = models.JSONField(_("seller details"), default=dict, blank=True)
    vat_category = models.CharField(_("VAT category"), max_length=1, choices=VatCategory.choices)
    vat_rate = models.DecimalField(_("VAT rate"), max_digits=5, decimal_places=2)
    vat_exemption_reason = models.CharField(_("VAT exemption reason"), max_length=200, blank=True)
    net_total = models.DecimalField(_("total excluding VAT"), **MONEY, default=Decimal(0))
    vat_total = models.DecimalField(_("VAT"), **MONEY, default=Decimal(0))
    gross_total = models.DecimalField(_("total"), **MONEY, default=Decimal(0))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = InvoiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        ordering = ["-id"]
        permissions = [
            ("finance", _("Can manage billing: issue, credit, record payments")),
            ("view_revenue", _("Can see revenue per year by form and province")),
        ]
        indexes = [
            models.Index(fields=["status", "year", "-id"]),
            models.Index(fields=["municipality", "-id"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["document_type", "year", "sequence"], name="invoice_unique_sequence"
            ),
            models.CheckConstraint(
                condition=models.Q(status=InvoiceStatus.DRAFT)
                | (models.Q(number__isnull=False) & models.Q(issued_on__isnull=False)),
                name="invoice_issued_has_number",
                violation_error_message=_("An issued invoice needs a number and an issue date."),
            ),
        ]

    def __str__(self):
        return self.number or str(_("draft %(pk)s") % {"pk": self.pk})

    @property
    def audit_repr(self) -> str:
        return f"billing.invoice {self.number or self.pk}"

    def delete(self, *args, **kwargs):
        """An issued invoice is never deleted (PostgreSQL refuses it too); a credit note
        corrects it."""
        from dyzo.billing.errors import BillingError

        if self.is_issued:
            raise BillingError(_("An issued invoice cannot be deleted; credit it instead."))
        return super().delete(*args, **kwargs)

    @property
    def is_issued(self) -> bool:
        return self.status == InvoiceStatus.ISSUED

    @property
    def is_credit_note(self) -> bool:
        return self.document_type == DocumentType.CREDIT_NOTE

    @property
    def amount_due(self) -> Decimal:
        """The gross total minus payments and credit notes (annotated by with_balances)."""
        paid = getattr(self, "paid_amount", None)
        credited = getattr(self, "credited_amount", None)
        if paid is None:
            paid = sum((p.amount for p in self.payments.all()), Decimal(0))
        if credited is None:
            credited = -sum(
                (c.gross_total for c in self.credit_notes.filter(status=InvoiceStatus.ISSUED)),
                Decimal(0),
            )
        return self.gross_total - paid - credited

    def payment_state(self, today: datetime.date | None = None) -> str:
        today = today or datetime.date.today()
        due = self.amount_due
        if self.is_credit_note or due <= 0:
            credited = getattr(self, "credited_amount", None) or 0
            return PaymentState.CREDITED if credited and due <= 0 else PaymentState.PAID
        if self.due_on and today > self.due_on:
            return PaymentState.OVERDUE
        return PaymentState.PARTLY_PAID if due < self.gross_total else PaymentState.OPEN

    def days_overdue(self, today: datetime.date | None = None) -> int:
        today = today or datetime.date.today()
        if not self.due_on or self.amount_due <= 0:
            return 0
        return max((today - self.due_on).days, 0)

    @property
    def structured_communication_display(self) -> str:
        c = self.structured_communication
        return f"+++{c[:3]}/{c[3:7]}/{c[7:]}+++" if c else ""


class InvoiceLine(models.Model):
    """One line. `billing_key` names what it bills ("subscription:<agreement>:<year>",
    "dossier:<id>"): unique, so the same thing is never invoiced twice."""

    invoice = models.ForeignKey(
        Invoice, on_delete=models.CASCADE, related_name="lines", verbose_name=_("invoice")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    description = models.CharField(_("description"), max_length=300)
    # Taken from the agreement or dossier the line bills.
    period_start = models.DateField(_("period start"), null=True, blank=True, editable=False)
    period_end = models.DateField(_("period end"), null=True, blank=True, editable=False)
    dossier_reference = models.CharField(_("dossier reference"), max_length=12, blank=True)
    agreement = models.ForeignKey(
        "agreements.Agreement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoice_lines",
        verbose_name=_("agreement"),
    )
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoice_lines",
        verbose_name=_("dossier"),
    )
    billing_key = models.CharField(
        _("billing key"), max_length=60, null=True, blank=True, unique=True
    )
    quantity = models.DecimalField(_("quantity"), max_digits=8, decimal_places=2, default=1)
    unit_price = models.DecimalField(_("unit price"), **MONEY)
    net_amount = models.DecimalField(_("amount excluding VAT"), **MONEY)

    class Meta:
        verbose_name = _("invoice line")
        verbose_name_plural = _("invoice lines")
        ordering = ["invoice", "position"]
        constraints = [
            models.UniqueConstraint(fields=["invoice", "position"], name="invoiceline_position")
        ]

    def __str__(self):
        return self.description


class InvoiceFile(models.Model):
    """A rendered document of an issued invoice (PDF or UBL), written after commit."""

    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="files", verbose_name=_("invoice")
    )
    kind = models.CharField(_("kind"), max_length=3, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to="invoices/%Y/")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("invoice file")
        verbose_name_plural = _("invoice files")
        constraints = [
            models.UniqueConstraint(fields=["invoice", "kind"], name="invoicefile_unique_kind")
        ]

    def __str__(self):
        return f"{self.invoice} {self.kind}"


class BankStatement(models.Model):
    """One imported camt.053 file; its message and statement ids make a re-import a no-op."""

    identifier = models.CharField(_("identifier"), max_length=200, unique=True)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )

    class Meta:
        verbose_name = _("bank statement")
        verbose_name_plural = _("bank statements")
        ordering = ["-imported_at"]

    def __str__(self):
        return self.identifier


class Payment(models.Model):
    """Money received: by hand or from a statement line. Without invoice it is unmatched
    and waits for a person to assign it."""

    invoice = models.ForeignKey(
        Invoice,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payments",
        verbose_name=_("invoice"),
    )
    amount = models.DecimalField(_("amount"), **MONEY)
    paid_on = models.DateField(_("paid on"), validators=[DateWindow("happened")])
    source = models.CharField(_("source"), max_length=8, choices=PaymentSource.choices)
    statement = models.ForeignKey(
        BankStatement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payments",
        verbose_name=_("bank statement"),
    )
    bank_reference = models.CharField(
        _("bank reference"), max_length=200, null=True, blank=True, unique=True
    )
    payer_name = models.CharField(_("payer"), max_length=200, blank=True)
    payer_account = models.CharField(_("payer account"), max_length=40, blank=True)
    communication = models.CharField(_("communication"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = PaymentQuerySet.as_manager()

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["-paid_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0),
                name="payment_positive",
                violation_error_message=_("A payment must be more than zero."),
            )
        ]

    def __str__(self):
        return f"{self.amount} ({self.paid_on})"


class Reminder(models.Model):
    """A payment reminder sent for an overdue invoice."""

    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="reminders", verbose_name=_("invoice")
    )
    sent_on = models.DateField(_("sent on"), editable=False)  # the day the service sent it
    days_overdue = models.PositiveIntegerField(_("days overdue"))
    amount_due = models.DecimalField(_("amount due"), **MONEY)
    sent_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_on", "-id"]

    def __str__(self):
        return f"{self.invoice} {self.sent_on}"
