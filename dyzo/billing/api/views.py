import datetime

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from django.http import HttpResponse

from dyzo.api.params import year_param
from dyzo.audit.reads import NO_PERSONAL_DATA, Read
from dyzo.billing import finance, services
from dyzo.billing.api.filters import InvoiceFilterSet
from dyzo.billing.api.serializers import (
    CreditNoteRequestSerializer,
    DraftInvoiceSerializer,
    InvoiceSerializer,
    PaymentRequestSerializer,
    RevenueRowSerializer,
)
from dyzo.billing.documents import stored_files
from dyzo.billing.models import Invoice

PDF = {(200, "application/pdf"): OpenApiTypes.BINARY}
XML = {(200, "application/xml"): OpenApiTypes.BINARY}


@extend_schema_view(
    list=extend_schema(summary="Invoices and credit notes visible to the user"),
    retrieve=extend_schema(summary="One invoice or credit note with its lines"),
    create=extend_schema(request=DraftInvoiceSerializer, summary="A draft invoice with one line"),
)
class InvoiceViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    permission = "billing.view_invoice"
    write_permission = "billing.finance"
    serializer_class = InvoiceSerializer
    ordering = ("-id",)
    filterset_class = InvoiceFilterSet
    # Reads are audited by dyzo.audit.reads.ReadAuditMiddleware: one entry per successful GET.
    read_audit = {
        "list": Read("invoice.listed"),
        "retrieve": Read("invoice.viewed", Invoice),
        "pdf": Read("invoice.downloaded", Invoice),
        "ubl": Read("invoice.downloaded", Invoice),
    }

    def get_queryset(self):
        # Buyer and credited invoice are on every row, lines in one extra query.
        return (
            Invoice.objects.visible_to(self.request.user)
            .select_related("buyer", "credited_invoice")
            .prefetch_related("lines")
        )

    def _load(self) -> Invoice:
        return self.get_object()

    def create(self, request, *args, **kwargs):
        data = DraftInvoiceSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        line = {"description": values["description"], "unit_price": values["amount"]}
        invoice = services.create_draft(
            values["buyer"], [line], actor=request.user, year=datetime.date.today().year
        )
        return Response(self.get_serializer(invoice).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, summary="Issue a draft: number, communication, due date")
    @action(detail=True, methods=["post"])
    def issue(self, request, pk=None):
        invoice = services.issue_invoice(self._load(), actor=request.user)
        return Response(self.get_serializer(invoice).data)

    @extend_schema(
        request=CreditNoteRequestSerializer,
        responses={201: InvoiceSerializer},
        summary="Issue a credit note for the invoice",
    )
    @action(detail=True, methods=["post"])
    def credit(self, request, pk=None):
        data = CreditNoteRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        note = services.credit_invoice(
            self._load(), actor=request.user, reason=data.validated_data["reason"]
        )
        return Response(self.get_serializer(note).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=PaymentRequestSerializer, responses={201: None}, summary="Record a payment"
    )
    @action(detail=True, methods=["post"])
    def payments(self, request, pk=None):
        data = PaymentRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        services.record_payment(
            self._load(), values["amount"], values["paid_on"], actor=request.user
        )
        return Response(status=status.HTTP_201_CREATED)

    def _file(self, kind: str):
        invoice = self._load()
        if not invoice.is_issued:
            raise NotFound
        pdf, ubl = stored_files(invoice)
        content, content_type, ext = (
            (pdf, "application/pdf", "pdf") if kind == "pdf" else (ubl, "application/xml", "xml")
        )
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{invoice.number}.{ext}"'
        return response

    @extend_schema(responses=PDF, summary="The PDF of an issued invoice")
    @action(detail=True, methods=["get"])
    def pdf(self, request, pk=None):
        return self._file("pdf")

    @extend_schema(responses=XML, summary="The UBL (Peppol BIS 3.0) of an issued invoice")
    @action(detail=True, methods=["get"])
    def ubl(self, request, pk=None):
        return self._file("ubl")


class RevenueView(APIView):
    """Net revenue of a year by province and form of cooperation (aggregates only)."""

    permission = "billing.view_revenue"
    read_audit = NO_PERSONAL_DATA

    @extend_schema(
        parameters=[OpenApiParameter("year", int, description="Default: this year")],
        responses=RevenueRowSerializer(many=True),
        summary="Revenue per year by form and province",
    )
    def get(self, request):
        year = year_param(request, default=datetime.date.today().year)
        return Response(RevenueRowSerializer(finance.revenue(year), many=True).data)
