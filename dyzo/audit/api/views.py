from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from dyzo.audit.api.filters import AuditEntryFilterSet
from dyzo.audit.api.serializers import AuditEntrySerializer
from dyzo.audit.models import AuditEntry
from dyzo.audit.reads import Read


@extend_schema_view(
    list=extend_schema(summary="Audit entries, newest first"),
    retrieve=extend_schema(summary="One audit entry"),
)
class AuditEntryViewSet(viewsets.ReadOnlyModelViewSet):
    """Read-only: the trail is append-only for everybody, the API included."""

    permission = "audit.view_auditentry"
    read_audit = {"list": Read("audit.listed"), "retrieve": Read("audit.viewed", AuditEntry)}
    serializer_class = AuditEntrySerializer
    ordering = "-id"
    filterset_class = AuditEntryFilterSet

    def get_queryset(self):
        # content_type is shown on every row: joined, not fetched per row.
        return AuditEntry.objects.select_related("content_type")
