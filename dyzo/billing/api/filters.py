import django_filters

from dyzo.api.filters import YearFilter
from dyzo.billing.constants import DocumentType, InvoiceStatus
from dyzo.billing.models import Invoice


class InvoiceFilterSet(django_filters.FilterSet):
    year = YearFilter()
    status = django_filters.ChoiceFilter(choices=InvoiceStatus.choices)
    document_type = django_filters.ChoiceFilter(choices=DocumentType.choices)

    class Meta:
        model = Invoice
        fields = ["year", "status", "document_type"]
