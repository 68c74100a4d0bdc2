from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import JSONParser, MultiPartParser

from dyzo.audit.reads import Read
from dyzo.dossiers import services
from dyzo.dossiers.access import may_change_advice
from dyzo.dossiers.api.dossier_views import DossierViewSet
from dyzo.dossiers.api.filters import AdviceEntryFilterSet, EntrepreneurFilterSet
from dyzo.dossiers.api.serializers import AdviceEntrySerializer, EntrepreneurSerializer
from dyzo.dossiers.models import AdviceEntry, Entrepreneur

__all__ = ["AdviceEntryViewSet", "DossierViewSet", "EntrepreneurViewSet"]


@extend_schema_view(
    list=extend_schema(
        summary="Entrepreneurs visible to the user",
    ),
    retrieve=extend_schema(summary="One entrepreneur"),
    create=extend_schema(summary="Register an entrepreneur (no national register number)"),
    partial_update=extend_schema(summary="Change an entrepreneur's details"),
)
class EntrepreneurViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    permission = "dossiers.view_entrepreneur"
    serializer_class = EntrepreneurSerializer
    ordering = ("last_name", "first_name", "id")
    filterset_class = EntrepreneurFilterSet
    http_method_names = ["get", "post", "patch", "head", "options"]
    read_audit = {
        "list": Read("entrepreneur.listed"),
        "retrieve": Read("entrepreneur.viewed", Entrepreneur),
    }

    @property
    def write_permission(self):
        return (
            "dossiers.add_entrepreneur"
            if self.action == "create"
            else "dossiers.change_entrepreneur"
        )

    def get_queryset(self):
        # The municipality's NIS code is on every row: joined, not a query per row.
        return Entrepreneur.objects.visible_to(self.request.user).select_related("municipality")

    def perform_create(self, serializer):
        serializer.instance = services.create_entrepreneur(
            serializer.validated_data, actor=self.request.user
        )

    def perform_update(self, serializer):
        services.update_entrepreneur(
            serializer.instance, serializer.validated_data, actor=self.request.user
        )


@extend_schema_view(
    list=extend_schema(
        summary="Phone and mail advice visible to the user",
    ),
    retrieve=extend_schema(summary="One advice entry"),
    create=extend_schema(summary="Log advice given by phone or mail (by the caller)"),
    partial_update=extend_schema(summary="Change an advice entry"),
)
class AdviceEntryViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    permission = "dossiers.view_adviceentry"
    serializer_class = AdviceEntrySerializer
    ordering = ("-asked_on", "-id")
    filterset_class = AdviceEntryFilterSet
    http_method_names = ["get", "post", "patch", "head", "options"]
    parser_classes = [JSONParser, MultiPartParser]
    read_audit = {
        "list": Read("advice.listed"),
        "retrieve": Read("advice.viewed", AdviceEntry),
    }

    @property
    def write_permission(self):
        return (
            "dossiers.add_adviceentry" if self.action == "create" else "dossiers.change_adviceentry"
        )

    def get_queryset(self):
        # Municipality is shown on every row: joined.
        return AdviceEntry.objects.visible_to(self.request.user).select_related("municipality")

    def perform_create(self, serializer):
        serializer.instance = services.log_advice(
            serializer.validated_data, actor=self.request.user
        )

    def perform_update(self, serializer):
        if not may_change_advice(self.request.user, serializer.instance):
            raise PermissionDenied
        services.update_advice(
            serializer.instance, serializer.validated_data, actor=self.request.user
        )
