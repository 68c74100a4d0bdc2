from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from dyzo.audit.api.serializers import AuditEntrySerializer
from dyzo.audit.forms import AuditFilterForm
from dyzo.audit.models import AuditEntry
from dyzo.audit.reads import Read

FILTERS = [
    OpenApiParameter("content_type", OpenApiTypes.STR, description="app_label.model"),
    OpenApiParameter("object_id", OpenApiTypes.STR),
    OpenApiParameter("actor", OpenApiTypes.INT, description="User id"),
    OpenApiParameter("code", OpenApiTypes.STR, description="Event code"),
]


@extend_schema_view(
    list=extend_schema(parameters=FILTERS, summary="Audit entries, newest first"),
    retrieve=extend_schema(summary="One audit entry"),
)
class AuditEntryViewSet(viewsets.ReadOnlyModelViewSet):
    """Read-only: the trail is append-only for everybody, the API included."""

    permission = "audit.view_auditentry"
    read_audit = {"list": Read("audit.listed"), "retrieve": Read("audit.viewed", AuditEntry)}
    serializer_class = AuditEntrySerializer
    ordering = "-id"

    def get_queryset(self):
        # content_type is shown on every row: joined, not fetched per row.
        queryset = AuditEntry.objects.select_related("content_type")
        if self.action != "list":
            return queryset
        form = AuditFilterForm(self.request.query_params)
        if not form.is_valid():
            raise serializers.ValidationError(form.errors)
        return form.filter(queryset)
