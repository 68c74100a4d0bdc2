from rest_framework import viewsets

from dyzo.audit.reads import NO_PERSONAL_DATA
from dyzo.localgov.api.filters import MunicipalityFilterSet
from dyzo.localgov.api.serializers import MunicipalitySerializer
from dyzo.localgov.models import Municipality


class MunicipalityViewSet(viewsets.ReadOnlyModelViewSet):
    permission = "localgov.view_municipality"
    read_audit = NO_PERSONAL_DATA
    serializer_class = MunicipalitySerializer
    lookup_field = "nis_code"
    ordering = "nis_code"

    filterset_class = MunicipalityFilterSet

    def get_queryset(self):
        # The population of the year is annotated by the FilterSet.
        return Municipality.objects.select_related("province")
