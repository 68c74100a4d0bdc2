from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from dyzo.billing.models import BillingParty, Invoice
from dyzo.utils.validators import DateWindow


class BillingPartyForm(forms.ModelForm):
    class Meta:
        model = BillingParty
        fields = [
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

    def clean_enterprise_number(self):
        from dyzo.dossiers.enterprise_number import clean_enterprise_number

        return clean_enterprise_number(self.cleaned_data["enterprise_number"])


class DraftInvoiceForm(forms.Form):
    buyer = forms.ModelChoiceField(
        label=_("Party"), queryset=BillingParty.objects.select_related("party__municipality")
    )
    description = forms.CharField(label=_("Description"), max_length=300)
    amount = forms.DecimalField(
        label=_("Amount excluding VAT"), max_digits=12, decimal_places=2, min_value=Decimal("0.01")
    )


class CreditForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class PaymentForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount"), max_digits=12, decimal_places=2, min_value=Decimal("0.01")
    )
    paid_on = forms.DateField(
        label=_("Paid on"),
        validators=[DateWindow("happened")],
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class StatementForm(forms.Form):
    file = forms.FileField(label=_("camt.053 file"))


class AssignForm(forms.Form):
    invoice = forms.ModelChoiceField(
        label=_("Invoice"),
        queryset=Invoice.objects.issued().invoices(),
        to_field_name="number",
        widget=forms.TextInput,
    )


class PartyImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: nis_code, kind (gemeente or ocmw), legal_name, enterprise_number, "
            "peppol_id, street, postal_code, city, invoice_email, requires_order_reference, "
            "order_reference."
        ),
    )
