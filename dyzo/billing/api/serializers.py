from decimal import Decimal

from rest_framework import serializers

from dyzo.billing.models import BillingParty, Invoice, InvoiceLine
from dyzo.utils.validators import DateWindow


class InvoiceLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = InvoiceLine
        fields = [
            "position",
            "description",
            "period_start",
            "period_end",
            "dossier_reference",
            "quantity",
            "unit_price",
            "net_amount",
        ]
        read_only_fields = fields


class InvoiceSerializer(serializers.ModelSerializer):
    lines = InvoiceLineSerializer(many=True, read_only=True)
    buyer_name = serializers.CharField(source="buyer.legal_name", read_only=True)
    credited_invoice_number = serializers.CharField(
        source="credited_invoice.number", read_only=True, default=None, allow_null=True
    )
    structured_communication = serializers.CharField(
        source="structured_communication_display", read_only=True
    )

    class Meta:
        model = Invoice
        fields = [
            "id",
            "document_type",
            "status",
            "number",
            "year",
            "buyer",
            "buyer_name",
            "issued_on",
            "due_on",
            "structured_communication",
            "order_reference",
            "credited_invoice_number",
            "vat_category",
            "vat_rate",
            "net_total",
            "vat_total",
            "gross_total",
            "lines",
        ]
        read_only_fields = fields


class DraftInvoiceSerializer(serializers.Serializer):
    buyer = serializers.PrimaryKeyRelatedField(queryset=BillingParty.objects.all())
    description = serializers.CharField(max_length=300)
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0.01"))


class CreditNoteRequestSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)


class PaymentRequestSerializer(serializers.Serializer):
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0.01"))
    paid_on = serializers.DateField(validators=[DateWindow("happened")])


class RevenueRowSerializer(serializers.Serializer):
    province = serializers.CharField()
    form = serializers.CharField()
    total = serializers.DecimalField(max_digits=14, decimal_places=2)
