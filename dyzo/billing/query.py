import datetime
from decimal import Decimal

from django.db import models
from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from dyzo.accounts.visibility import VisibleQuerySet
from dyzo.billing.constants import DocumentType, InvoiceStatus

ZERO = Value(Decimal("0.00"), output_field=DecimalField(max_digits=12, decimal_places=2))


class InvoiceQuerySet(VisibleQuerySet):
    """Finance (coordinators by default) see every invoice; a municipal worker the issued
    invoices and credit notes of the parties they work for; others none (ROW_SCOPES)."""

    rows = "invoice"

    def issued(self):
        return self.filter(status=InvoiceStatus.ISSUED)

    def drafts(self):
        return self.filter(status=InvoiceStatus.DRAFT)

    def invoices(self):
        return self.filter(document_type=DocumentType.INVOICE)

    def of_year(self, year: int):
        return self.filter(year=year)

    def of_municipalities(self, user):
        # A worker's scope for invoices is the parties they work for, not the municipality.
        return self.issued().filter(buyer__party__in=user.parties.all())

    def with_balances(self):
        """Annotate paid_amount and credited_amount (positive) in the same query."""
        from dyzo.billing.models import Invoice, Payment

        payments = Payment.objects.filter(invoice=OuterRef("pk")).values("invoice")
        credits = Invoice.objects.issued().filter(credited_invoice=OuterRef("pk"))
        credits = credits.values("credited_invoice")
        return self.annotate(
            paid_amount=Coalesce(
                Subquery(payments.annotate(t=Sum("amount")).values("t")[:1]), ZERO
            ),
            credited_amount=-Coalesce(
                Subquery(credits.annotate(t=Sum("gross_total")).values("t")[:1]), ZERO
            ),
        )

    def receivable(self):
        """Issued invoices (not credit notes) with money still due, balances annotated."""
        return (
            self.issued()
            .invoices()
            .with_balances()
            .filter(gross_total__gt=models.F("paid_amount") + models.F("credited_amount"))
        )

    def overdue_on(self, today: datetime.date):
        return self.receivable().filter(due_on__lt=today)


class PaymentQuerySet(models.QuerySet):
    def unmatched(self):
        return self.filter(invoice__isnull=True)
