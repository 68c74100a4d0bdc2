from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from dyzo.agreements import services
from dyzo.agreements.access import visible_agreements
from dyzo.agreements.api.filters import AgreementFilterSet
from dyzo.agreements.api.serializers import (
    AgreementSerializer,
    AgreementUpdateSerializer,
    DocumentSerializer,
    SignSerializer,
    TariffScheduleSerializer,
    TerminateSerializer,
)
from dyzo.agreements.models import TariffSchedule
from dyzo.audit.reads import NO_PERSONAL_DATA

WRITE_PERMISSIONS = {
    "create": "agreements.add_agreement",
    "sign": "agreements.sign_agreement",
    "terminate": "agreements.sign_agreement",
}


@extend_schema_view(
    list=extend_schema(summary="Agreements visible to the user"),
    retrieve=extend_schema(summary="One agreement"),
    create=extend_schema(summary="Create a draft agreement (fees proposed when left empty)"),
    partial_update=extend_schema(
        request=AgreementUpdateSerializer, summary="Change a draft's terms or a signed one's notes"
    ),
)
class AgreementViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    permission = "agreements.view_agreement"
    read_audit = NO_PERSONAL_DATA
    serializer_class = AgreementSerializer
    ordering = ("-starts_on", "-id")
    filterset_class = AgreementFilterSet
    http_method_names = ["get", "post", "patch", "head", "options"]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @property
    def write_permission(self):
        return WRITE_PERMISSIONS.get(self.action, "agreements.change_agreement")

    def get_queryset(self):
        # Municipality and province are shown on every row: one join instead of a query each.
        return visible_agreements(self.request.user)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = services.create_agreement(
            data.pop("municipality"), actor=self.request.user, **data
        )

    def update(self, request, *args, **kwargs):
        agreement = self.get_object()
        changes = AgreementUpdateSerializer(data=request.data, partial=True)
        changes.is_valid(raise_exception=True)
        services.update_agreement(agreement, actor=request.user, **changes.validated_data)
        return Response(AgreementSerializer(agreement).data)

    @extend_schema(request=None, responses=AgreementSerializer, summary="Mark a draft proposed")
    @action(detail=True, methods=["post"])
    def propose(self, request, pk=None):
        agreement = services.propose_agreement(self.get_object(), actor=request.user)
        return Response(AgreementSerializer(agreement).data)

    @extend_schema(request=SignSerializer, responses=AgreementSerializer, summary="Sign")
    @action(detail=True, methods=["post"])
    def sign(self, request, pk=None):
        data = self._validated(SignSerializer)
        agreement = services.sign_agreement(self.get_object(), actor=request.user, **data)
        return Response(AgreementSerializer(agreement).data)

    @extend_schema(request=TerminateSerializer, responses=AgreementSerializer, summary="End")
    @action(detail=True, methods=["post"])
    def terminate(self, request, pk=None):
        data = self._validated(TerminateSerializer)
        agreement = services.terminate_agreement(self.get_object(), actor=request.user, **data)
        return Response(AgreementSerializer(agreement).data)

    @extend_schema(
        request={"multipart/form-data": DocumentSerializer},
        responses=AgreementSerializer,
        summary="Attach or replace the signed PDF",
    )
    @action(detail=True, methods=["post"])
    def document(self, request, pk=None):
        data = self._validated(DocumentSerializer)
        agreement = services.attach_document(self.get_object(), actor=request.user, **data)
        return Response(AgreementSerializer(agreement).data, status=status.HTTP_200_OK)

    def _validated(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


@extend_schema_view(
    list=extend_schema(summary="Tariff schedules, latest year first"),
    retrieve=extend_schema(summary="The tariff schedule of a year"),
    create=extend_schema(summary="Create a year's schedule (brackets may not overlap)"),
    update=extend_schema(summary="Replace a year's schedule and its brackets"),
)
class TariffScheduleViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    permission = "agreements.view_tariffschedule"
    read_audit = NO_PERSONAL_DATA
    serializer_class = TariffScheduleSerializer
    lookup_field = "year"
    ordering = "-year"
    http_method_names = ["get", "post", "put", "head", "options"]

    @property
    def write_permission(self):
        if self.action == "create":
            return "agreements.add_tariffschedule"
        return "agreements.change_tariffschedule"

    def get_queryset(self):
        # Brackets are nested in every row: one prefetch for the page.
        return TariffSchedule.objects.prefetch_related("brackets")

    def perform_create(self, serializer):
        serializer.instance = services.save_tariff_schedule(
            None, actor=self.request.user, **serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = services.save_tariff_schedule(
            serializer.instance, actor=self.request.user, **serializer.validated_data
        )
